/**
 * The bottom of the A4 receipt: totals on the right with payments beside them, the refunds, and the
 * QR code of the order id with the store's footer message.
 */
import {
  type A4Cursor,
  type FontSpec,
  colors,
  contentLeftPt,
  contentRightPt,
  contentWidthPt,
  fonts,
  horizontalRule,
  textAt,
  textHeight,
} from './pdfA4Frame';
import { type ReceiptView, type TotalEmphasis, type ViewTotal } from './view';
import { drawVectorQr } from './pdfQr';

type Doc = PDFKit.PDFDocument;

const totalsWidthPt = 230;
const totalsLeftPt = contentRightPt - totalsWidthPt;
const paymentsWidthPt = contentWidthPt - totalsWidthPt - 30;
const amountWidthPt = 100;

const totalFonts: Record<TotalEmphasis, { label: FontSpec; amount: FontSpec; color: string }> = {
  normal: { label: fonts.body, amount: fonts.body, color: colors.ink },
  strong: { label: fonts.bodyBold, amount: fonts.bodyBold, color: colors.ink },
  grand: { label: fonts.grand, amount: fonts.grand, color: colors.ink },
  note: { label: fonts.small, amount: fonts.small, color: colors.muted },
};

function totalRowHeight(doc: Doc, total: ViewTotal): number {
  const style = totalFonts[total.emphasis];
  const labelHeight = textHeight(doc, total.label, style.label, totalsWidthPt - amountWidthPt - 8);
  return Math.max(labelHeight, style.amount.sizePt * 1.2) + (total.emphasis === 'grand' ? 12 : 5);
}

function totalsHeight(doc: Doc, totals: readonly ViewTotal[]): number {
  return totals.reduce((sum, total) => sum + totalRowHeight(doc, total), 0);
}

/** Label on the left, amount flush right; the grand total gets a rule above it. Returns the bottom. */
function drawTotals(
  doc: Doc,
  totals: readonly ViewTotal[],
  left: number,
  top: number,
  widthPt: number,
): number {
  let y = top;
  for (const total of totals) {
    const style = totalFonts[total.emphasis];
    const heightPt = totalRowHeight(doc, total);
    const textTop = total.emphasis === 'grand' ? y + 7 : y;
    if (total.emphasis === 'grand') horizontalRule(doc, y + 2, left, left + widthPt, 1);
    textAt(
      doc,
      total.label,
      style.label,
      { x: left, y: textTop, widthPt: widthPt - amountWidthPt - 8 },
      style.color,
    );
    textAt(
      doc,
      total.amountText,
      style.amount,
      { x: left + widthPt - amountWidthPt, y: textTop, widthPt: amountWidthPt, align: 'right' },
      style.color,
    );
    y += heightPt;
  }
  return y;
}

/** A link under a payment line (an explorer page) as a vector QR code, quiet zone included. */
const linkQrSizePt = 84;

function paymentsHeight(doc: Doc, view: ReceiptView): number {
  if (view.payments.length === 0) return 0;
  let heightPt = fonts.heading.sizePt * 1.2 + 6;
  for (const payment of view.payments) {
    heightPt += textHeight(doc, payment.label, fonts.body, paymentsWidthPt - amountWidthPt - 8) + 4;
    heightPt += payment.details.length * (fonts.small.sizePt * 1.2 + 3);
    heightPt += payment.details.filter((detail) => detail.qr !== undefined).length * (linkQrSizePt + 6);
  }
  return heightPt;
}

function drawPayments(doc: Doc, view: ReceiptView, top: number): number {
  if (view.payments.length === 0) return top;
  const left = contentLeftPt;
  const amountLeft = left + paymentsWidthPt - amountWidthPt;
  let y = top + textAt(doc, 'Payment', fonts.heading, { x: left, y: top, widthPt: paymentsWidthPt }) + 6;
  for (const payment of view.payments) {
    const labelHeight = textAt(doc, payment.label, fonts.body, {
      x: left,
      y,
      widthPt: paymentsWidthPt - amountWidthPt - 8,
    });
    textAt(doc, payment.amountText, fonts.body, { x: amountLeft, y, widthPt: amountWidthPt, align: 'right' });
    y += labelHeight + 4;
    for (const detail of payment.details) {
      textAt(doc, detail.label, fonts.small, { x: left + 12, y, widthPt: 120 }, colors.muted);
      textAt(
        doc,
        detail.value,
        fonts.small,
        { x: amountLeft, y, widthPt: amountWidthPt, align: 'right' },
        colors.muted,
      );
      y += fonts.small.sizePt * 1.2 + 3;
      if (detail.qr !== undefined) {
        drawVectorQr(doc, detail.qr, left + 12, y, linkQrSizePt);
        y += linkQrSizePt + 6;
      }
    }
  }
  return y;
}

/** Payments on the left and totals on the right, side by side, kept together on one page. */
export function drawTotalsAndPayments(doc: Doc, cursor: A4Cursor, view: ReceiptView): void {
  cursor.ensureRoom(Math.max(totalsHeight(doc, view.totals), paymentsHeight(doc, view)) + 10);
  const top = cursor.yPt;
  const totalsBottom = drawTotals(doc, view.totals, totalsLeftPt, top, totalsWidthPt);
  const paymentsBottom = drawPayments(doc, view, top);
  cursor.yPt = Math.max(totalsBottom, paymentsBottom) + 18;
}

function refundDescription(refund: ReceiptView['refunds'][number]): string {
  const parts = refund.lines.map((line) => `${line.quantityText} × ${line.name}  ${line.amountText}`);
  if (refund.tenderLabel !== undefined) parts.push(`To ${refund.tenderLabel}`);
  if (refund.reason !== undefined) parts.push(`Reason: ${refund.reason}`);
  return parts.length === 0 ? 'Amount refunded' : parts.join('\n');
}

/** One row per refund: when, what (lines, where the money went, why), how much; then the refund totals. */
export function drawRefunds(doc: Doc, cursor: A4Cursor, view: ReceiptView): void {
  if (view.refunds.length === 0) return;
  const dateWidthPt = 140;
  const descriptionLeft = contentLeftPt + dateWidthPt;
  const descriptionWidthPt = contentWidthPt - dateWidthPt - amountWidthPt - 10;
  cursor.ensureRoom(60);
  horizontalRule(doc, cursor.yPt, contentLeftPt, contentRightPt, 1);
  cursor.yPt += 8;
  cursor.yPt += textAt(doc, 'Refunds', fonts.heading, {
    x: contentLeftPt,
    y: cursor.yPt,
    widthPt: contentWidthPt,
  });
  cursor.yPt += 6;
  for (const refund of view.refunds) {
    const description = refundDescription(refund);
    const heightPt =
      Math.max(
        textHeight(doc, refund.dateText, fonts.body, dateWidthPt - 10),
        textHeight(doc, description, fonts.body, descriptionWidthPt),
      ) + 8;
    cursor.ensureRoom(heightPt);
    const y = cursor.yPt;
    textAt(doc, refund.dateText, fonts.body, { x: contentLeftPt, y, widthPt: dateWidthPt - 10 });
    textAt(doc, description, fonts.body, { x: descriptionLeft, y, widthPt: descriptionWidthPt });
    textAt(doc, refund.amountText, fonts.bodyBold, {
      x: contentRightPt - amountWidthPt,
      y,
      widthPt: amountWidthPt,
      align: 'right',
    });
    cursor.yPt += heightPt;
    horizontalRule(doc, cursor.yPt - 4);
  }
  cursor.yPt += 4;
  cursor.ensureRoom(totalsHeight(doc, view.refundTotals));
  cursor.yPt = drawTotals(doc, view.refundTotals, totalsLeftPt, cursor.yPt, totalsWidthPt) + 14;
}

const qrSizePt = 88;

/** The QR code of the order id on the left; the id and the store's footer message beside it. */
export function drawQrAndFooter(doc: Doc, cursor: A4Cursor, view: ReceiptView, qrPng: Buffer): void {
  const textLeft = contentLeftPt + qrSizePt + 16;
  const textWidthPt = contentRightPt - textLeft;
  const footerHeight =
    view.footerMessage === undefined ? 0 : textHeight(doc, view.footerMessage, fonts.note, textWidthPt) + 10;
  cursor.ensureRoom(Math.max(qrSizePt, 40 + footerHeight) + 10);
  const top = cursor.yPt;
  doc.image(qrPng, contentLeftPt, top, { width: qrSizePt, height: qrSizePt });
  let y = top + 10;
  y += textAt(doc, 'Order ID', fonts.small, { x: textLeft, y, widthPt: textWidthPt }, colors.muted) + 2;
  y += textAt(doc, view.orderId, fonts.code, { x: textLeft, y, widthPt: textWidthPt }) + 10;
  if (view.footerMessage !== undefined) {
    y += textAt(doc, view.footerMessage, fonts.note, { x: textLeft, y, widthPt: textWidthPt });
  }
  cursor.yPt = Math.max(top + qrSizePt, y) + 10;
}
