/**
 * The thermal receipt as HTML: the same rows and the same column layout as the text and the thermal PDF,
 * drawn as pre-formatted monospace lines whose font size makes 42 columns fill the 72 mm print width.
 * Every row has a height known in millimetres, so the page can be sized to the content: CSS has no
 * "as tall as the content" page (`size: 80mm auto` is not valid CSS and Chromium ignores it), so the
 * height is computed here and written into `@page`.
 */
import { centerText, formatPair } from './columns';
import { type ReceiptRow, type RowTone } from './rows';
import { qrSvg as linkQrSvg } from './qr';

export const thermalPageWidthMm = 80;
const printWidthMm = 72;
const topPaddingMm = 4;
const bottomPaddingMm = 6;
/** Room added under the content so rounding in the browser never pushes the last line onto a new page. */
const slackMm = 2;
/** Chromium's longest page (200 in); a longer receipt simply continues on a second page of the roll. */
const maxPageHeightMm = 5080;

/**
 * Monospace fonts are 0.6 em wide (DejaVu Sans Mono 0.602, Consolas 0.55): sizing for 0.61 em keeps a full
 * line inside the print width whichever one the printing machine has.
 */
const emPerColumn = 0.61;
const lineHeightFactor = 1.25;

const columnsByTone: Record<RowTone, number> = { normal: 42, bold: 42, small: 48, grand: 28 };
const titleColumns = 21; // double width, like an ESC/POS title
const bannerColumns = 28;
const ruleHeightMm = 3;
const gapMm = 2;
const bannerBorderMm = 0.6;
const bannerPaddingMm = 1;
const qrSizeMm = 34;
const qrGapMm = 1;

const round2 = (value: number) => Math.round(value * 100) / 100;

interface TextClass {
  name: string;
  columns: number;
  bold: boolean;
}

const textClasses: TextClass[] = [
  { name: 't-normal', columns: columnsByTone.normal, bold: false },
  { name: 't-bold', columns: columnsByTone.bold, bold: true },
  { name: 't-small', columns: columnsByTone.small, bold: false },
  { name: 't-grand', columns: columnsByTone.grand, bold: true },
  { name: 't-title', columns: titleColumns, bold: true },
  { name: 't-banner', columns: bannerColumns, bold: true },
];

const fontSizeMm = (columns: number) => round2(printWidthMm / (columns * emPerColumn));
const lineHeightMm = (columns: number) => round2(fontSizeMm(columns) * lineHeightFactor);

/** CSS for the row classes; sizes in mm so the heights summed below are the heights printed. */
export function thermalRowCss(): string {
  const text = textClasses.map(
    (c) =>
      `.${c.name}{font-size:${fontSizeMm(c.columns)}mm;line-height:${lineHeightMm(c.columns)}mm;` +
      `font-weight:${c.bold ? 700 : 400}}`,
  );
  return [
    `.receipt{width:${printWidthMm}mm;margin:0 auto;padding:${topPaddingMm}mm 0 ${bottomPaddingMm}mm}`,
    'pre{margin:0;padding:0;white-space:pre;overflow:hidden;font-family:inherit}',
    ...text,
    `.banner{border-top:${bannerBorderMm}mm solid #000;border-bottom:${bannerBorderMm}mm solid #000;padding:${bannerPaddingMm}mm 0}`,
    `.rule{height:${ruleHeightMm}mm;position:relative}`,
    `.rule::after{content:"";position:absolute;left:0;right:0;top:${ruleHeightMm / 2}mm}`,
    '.rule.light::after{border-top:0.3mm dashed #000}',
    '.rule.heavy::after{border-top:0.5mm solid #000}',
    `.gap{height:${gapMm}mm}`,
    `.qr svg{display:block;width:${qrSizeMm}mm;height:${qrSizeMm}mm;margin:0 auto ${qrGapMm}mm}`,
  ].join('\n');
}

interface Drawn {
  html: string;
  heightMm: number;
}

function lines(className: string, columns: number, texts: string[], escape: (text: string) => string): Drawn {
  return {
    html: `<pre class="${className}">${texts.map(escape).join('\n')}</pre>`,
    heightMm: texts.length * lineHeightMm(columns),
  };
}

function drawRow(row: ReceiptRow, qrSvg: string, escape: (text: string) => string): Drawn {
  switch (row.kind) {
    case 'title':
      return lines('t-title', titleColumns, centerText(row.text, titleColumns), escape);
    case 'center': {
      const tone = row.tone === 'small' ? 'small' : 'normal';
      const columns = columnsByTone[tone];
      return lines(`t-${tone}`, columns, centerText(row.text, columns), escape);
    }
    case 'banner': {
      const inner = lines('t-banner', bannerColumns, centerText(row.text, bannerColumns), escape);
      return {
        html: `<div class="banner">${inner.html}</div>`,
        heightMm: inner.heightMm + 2 * (bannerBorderMm + bannerPaddingMm),
      };
    }
    case 'pair': {
      const columns = columnsByTone[row.tone];
      return lines(`t-${row.tone}`, columns, formatPair(row.left, row.right, columns, row.indent), escape);
    }
    case 'rule':
      return { html: `<div class="rule ${row.weight}"></div>`, heightMm: ruleHeightMm };
    case 'gap':
      return { html: '<div class="gap"></div>', heightMm: gapMm };
    case 'qr': {
      const caption = lines(
        't-small',
        columnsByTone.small,
        centerText(row.caption, columnsByTone.small),
        escape,
      );
      return {
        html: `<div class="qr">${qrSvg}${caption.html}</div>`,
        heightMm: qrSizeMm + qrGapMm + caption.heightMm,
      };
    }
    case 'linkQr': {
      const caption = lines(
        't-small',
        columnsByTone.small,
        centerText(row.caption, columnsByTone.small),
        escape,
      );
      // The URL was validated by the model (https, printable ASCII, bounded); qrcode's SVG holds no text.
      return {
        html: `<div class="qr link-qr">${linkQrSvg(row.url)}${caption.html}</div>`,
        heightMm: qrSizeMm + qrGapMm + caption.heightMm,
      };
    }
  }
}

/** The receipt's body and the page height (mm) that holds it. */
export function thermalHtml(
  rows: readonly ReceiptRow[],
  qrSvg: string,
  escape: (text: string) => string,
): { bodyHtml: string; pageHeightMm: number } {
  const drawn = rows.map((row) => drawRow(row, qrSvg, escape));
  const contentMm = drawn.reduce((sum, part) => sum + part.heightMm, 0);
  const pageHeightMm = Math.min(
    maxPageHeightMm,
    Math.ceil(topPaddingMm + contentMm + bottomPaddingMm + slackMm),
  );
  return {
    bodyHtml: `<main class="receipt">\n${drawn.map((part) => part.html).join('\n')}\n</main>`,
    pageHeightMm,
  };
}
