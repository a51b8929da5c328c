/**
 * The 80 mm thermal roll as a PDF: 226.77 pt wide (80 mm) with 72 mm printed, as tall as its content.
 * The body is DejaVu Sans Mono, so labels and amounts sit in fixed columns like the printer's own font;
 * the store name and the status banner use DejaVu Sans Bold (both embedded: fonts.ts). Every row is measured before the page is made, so the
 * page height is the content's height and the roll is cut right after the footer.
 */
import { formatPair } from './columns';
import { receiptFont } from './fonts';
import { drawVectorQr } from './pdfQr';
import { type ReceiptRow, type RowTone } from './rows';

type Doc = PDFKit.PDFDocument;

const pointsPerMm = 72 / 25.4;
export const thermalPageWidthPt = 80 * pointsPerMm;
export const thermalPrintableWidthPt = 72 * pointsPerMm;
const sideMarginPt = (thermalPageWidthPt - thermalPrintableWidthPt) / 2;
const topMarginPt = 4 * pointsPerMm;
const bottomMarginPt = 6 * pointsPerMm;
/** Readers cap a page at 200 inches; a longer receipt continues on a second page of the roll. */
const maxPageHeightPt = 14_400;

const titleFont = { name: receiptFont.sansBold, sizePt: 14 };
const smallCenterFont = { name: receiptFont.sans, sizePt: 8 };
const centerFont = { name: receiptFont.sans, sizePt: 9 };
const bannerFont = { name: receiptFont.sansBold, sizePt: 12 };
const captionFont = { name: receiptFont.mono, sizePt: 7 };
/**
 * DejaVu Sans Mono is monospace (every glyph 0.602 em wide). The body is 42 columns of 8 pt (202.3 pt,
 * inside the 204.09 pt printable); the other sizes are picked so their columns fill the same block
 * (48 columns of 7 pt, 28 of 12 pt), so every amount ends on the same right edge.
 */
const pairFonts: Record<RowTone, { name: string; sizePt: number }> = {
  normal: { name: receiptFont.mono, sizePt: 8 },
  bold: { name: receiptFont.monoBold, sizePt: 8 },
  grand: { name: receiptFont.monoBold, sizePt: 12 },
  small: { name: receiptFont.mono, sizePt: 7 },
};
const bodyColumns = 42;
const lineHeightFactor = 1.25;
const gapPt = 6;
const ruleHeightPt = 9;
const bannerPaddingPt = 4;
const qrSizePt = 34 * pointsPerMm;
const qrCaptionGapPt = 3;

function useFont(doc: Doc, font: { name: string; sizePt: number }): void {
  doc.font(font.name).fontSize(font.sizePt);
}

function blockWidthPt(doc: Doc): number {
  useFont(doc, pairFonts.normal);
  return bodyColumns * doc.widthOfString('0');
}

/** How many columns of a tone's font fill the body's block (leaves that font selected). */
function pairColumns(doc: Doc, tone: RowTone): number {
  const blockPt = blockWidthPt(doc);
  useFont(doc, pairFonts[tone]);
  return Math.floor(blockPt / doc.widthOfString('0') + 1e-6);
}

function pairLines(doc: Doc, row: Extract<ReceiptRow, { kind: 'pair' }>): string[] {
  return formatPair(row.left, row.right, pairColumns(doc, row.tone), row.indent);
}

function wrappedHeight(doc: Doc, text: string, font: { name: string; sizePt: number }): number {
  useFont(doc, font);
  return doc.heightOfString(text, { width: thermalPrintableWidthPt, align: 'center' });
}

function rowHeight(doc: Doc, row: ReceiptRow): number {
  switch (row.kind) {
    case 'title':
      return wrappedHeight(doc, row.text, titleFont) + 2;
    case 'center':
      return wrappedHeight(doc, row.text, row.tone === 'small' ? smallCenterFont : centerFont) + 1;
    case 'banner':
      return wrappedHeight(doc, row.text, bannerFont) + 2 * bannerPaddingPt;
    case 'pair':
      return pairLines(doc, row).length * pairFonts[row.tone].sizePt * lineHeightFactor;
    case 'rule':
      return ruleHeightPt;
    case 'gap':
      return gapPt;
    case 'qr':
    case 'linkQr':
      return qrSizePt + qrCaptionGapPt + captionFont.sizePt * lineHeightFactor + 2;
  }
}

function drawRow(doc: Doc, row: ReceiptRow, topPt: number, qrPng: Buffer): void {
  const left = sideMarginPt;
  const width = thermalPrintableWidthPt;
  switch (row.kind) {
    case 'title':
      useFont(doc, titleFont);
      doc.fillColor('black').text(row.text, left, topPt, { width, align: 'center' });
      return;
    case 'center':
      useFont(doc, row.tone === 'small' ? smallCenterFont : centerFont);
      doc.fillColor('black').text(row.text, left, topPt, { width, align: 'center' });
      return;
    case 'banner': {
      const height = rowHeight(doc, row);
      doc.rect(left, topPt, width, height).fill('black');
      useFont(doc, bannerFont);
      doc.fillColor('white').text(row.text, left, topPt + bannerPaddingPt + 1, { width, align: 'center' });
      doc.fillColor('black');
      return;
    }
    case 'pair': {
      const blockLeft = left + (width - blockWidthPt(doc)) / 2;
      const columns = pairColumns(doc, row.tone);
      const lineHeight = pairFonts[row.tone].sizePt * lineHeightFactor;
      formatPair(row.left, row.right, columns, row.indent).forEach((line, index) => {
        doc.fillColor('black').text(line, blockLeft, topPt + index * lineHeight, { lineBreak: false });
      });
      return;
    }
    case 'rule': {
      const y = topPt + ruleHeightPt / 2;
      doc.save().lineWidth(row.weight === 'heavy' ? 1 : 0.6);
      if (row.weight === 'light') doc.dash(2, { space: 2 });
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .stroke('black');
      doc.undash().restore();
      return;
    }
    case 'gap':
      return;
    case 'qr': {
      doc.image(qrPng, left + (width - qrSizePt) / 2, topPt, { width: qrSizePt, height: qrSizePt });
      useFont(doc, captionFont);
      doc
        .fillColor('black')
        .text(row.caption, left, topPt + qrSizePt + qrCaptionGapPt, { width, align: 'center' });
      return;
    }
    case 'linkQr': {
      drawVectorQr(doc, row.url, left + (width - qrSizePt) / 2, topPt, qrSizePt);
      useFont(doc, captionFont);
      doc
        .fillColor('black')
        .text(row.caption, left, topPt + qrSizePt + qrCaptionGapPt, { width, align: 'center' });
      return;
    }
  }
}

/** Draws the rows on pages of the roll's width, each as tall as what it holds. */
export function drawThermalReceipt(doc: Doc, rows: readonly ReceiptRow[], qrPng: Buffer): void {
  const heights = rows.map((row) => rowHeight(doc, row));
  let index = 0;
  while (index < rows.length) {
    // Fill a page with as many whole rows as fit under the cap (always at least one).
    let pageContentPt = 0;
    let end = index;
    while (end < rows.length) {
      const next = heights[end] ?? 0;
      if (end > index && topMarginPt + pageContentPt + next + bottomMarginPt > maxPageHeightPt) break;
      pageContentPt += next;
      end += 1;
    }
    doc.addPage({ size: [thermalPageWidthPt, topMarginPt + pageContentPt + bottomMarginPt], margin: 0 });
    let y = topMarginPt;
    for (let i = index; i < end; i += 1) {
      const row = rows[i];
      if (row !== undefined) drawRow(doc, row, y, qrPng);
      y += heights[i] ?? 0;
    }
    index = end;
  }
}
