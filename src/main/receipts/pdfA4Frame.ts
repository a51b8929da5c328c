/**
 * The A4 page frame shared by the A4 receipt's parts: page size and margins, colours, fonts, a cursor that
 * moves down the page and starts a new page when a block would not fit, and the page numbers drawn last.
 */
import { receiptFont } from './fonts';

type Doc = PDFKit.PDFDocument;

export const a4 = {
  widthPt: 595.28,
  heightPt: 841.89,
  marginPt: 50,
  /** Space kept free at the bottom of every page for "Page 1 of 2". */
  footerReservePt: 24,
} as const;

export const contentLeftPt = a4.marginPt;
export const contentWidthPt = a4.widthPt - 2 * a4.marginPt;
export const contentRightPt = contentLeftPt + contentWidthPt;
const contentBottomPt = a4.heightPt - a4.marginPt - a4.footerReservePt;

export const colors = {
  ink: '#111111',
  muted: '#5a5a5a',
  rule: '#c8c8c8',
  headerFill: '#efefef',
  stamp: '#a0001c',
} as const;

export interface FontSpec {
  name: string;
  sizePt: number;
}

export const fonts = {
  storeName: { name: receiptFont.sansBold, sizePt: 18 },
  documentTitle: { name: receiptFont.sansBold, sizePt: 22 },
  body: { name: receiptFont.sans, sizePt: 10 },
  bodyBold: { name: receiptFont.sansBold, sizePt: 10 },
  small: { name: receiptFont.sans, sizePt: 8.5 },
  smallBold: { name: receiptFont.sansBold, sizePt: 8.5 },
  heading: { name: receiptFont.sansBold, sizePt: 11 },
  grand: { name: receiptFont.sansBold, sizePt: 13 },
  stamp: { name: receiptFont.sansBold, sizePt: 16 },
  note: { name: receiptFont.sansOblique, sizePt: 10 },
  code: { name: receiptFont.mono, sizePt: 9 },
} as const satisfies Record<string, FontSpec>;

export function useFont(doc: Doc, font: FontSpec, color: string = colors.ink): Doc {
  return doc.font(font.name).fontSize(font.sizePt).fillColor(color);
}

export function textHeight(doc: Doc, text: string, font: FontSpec, widthPt: number): number {
  useFont(doc, font);
  return doc.heightOfString(text, { width: widthPt });
}

/** Writes wrapped text in a box starting at (x, y); returns the height used. */
export function textAt(
  doc: Doc,
  text: string,
  font: FontSpec,
  box: { x: number; y: number; widthPt: number; align?: 'left' | 'right' | 'center' },
  color: string = colors.ink,
): number {
  useFont(doc, font, color);
  doc.text(text, box.x, box.y, { width: box.widthPt, align: box.align ?? 'left' });
  return doc.heightOfString(text, { width: box.widthPt });
}

export function horizontalRule(
  doc: Doc,
  yPt: number,
  fromPt: number = contentLeftPt,
  toPt: number = contentRightPt,
  widthPt = 0.5,
): void {
  doc.save().lineWidth(widthPt).moveTo(fromPt, yPt).lineTo(toPt, yPt).stroke(colors.rule).restore();
}

/** Where the next block goes; starts a new page when a block does not fit. */
export class A4Cursor {
  yPt: number = a4.marginPt;

  constructor(private readonly doc: Doc) {}

  addPage(): void {
    this.doc.addPage({ size: [a4.widthPt, a4.heightPt], margin: 0 });
    this.yPt = a4.marginPt;
  }

  /** True when a new page was started. */
  ensureRoom(heightPt: number): boolean {
    if (this.yPt + heightPt <= contentBottomPt || this.yPt === a4.marginPt) return false;
    this.addPage();
    return true;
  }
}

/** "Receipt A-0042" on the left and "Page 1 of 2" on the right of every page (needs `bufferPages`). */
export function drawPageNumbers(doc: Doc, caption: string): void {
  const range = doc.bufferedPageRange();
  const y = a4.heightPt - a4.marginPt - 10;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    horizontalRule(doc, y - 6);
    textAt(doc, caption, fonts.small, { x: contentLeftPt, y, widthPt: contentWidthPt / 2 }, colors.muted);
    textAt(
      doc,
      `Page ${index - range.start + 1} of ${range.count}`,
      fonts.small,
      { x: contentLeftPt + contentWidthPt / 2, y, widthPt: contentWidthPt / 2, align: 'right' },
      colors.muted,
    );
  }
}
