/**
 * The narrow receipt (thermal roll, plain text) as a list of rows, top to bottom. The text renderer turns
 * each row into 42-column lines, the thermal PDF and the thermal HTML draw the same rows with their fonts.
 */
import { type ReceiptView, type TotalEmphasis } from './view';

export type RowTone = 'normal' | 'bold' | 'grand' | 'small';

export type ReceiptRow =
  | { kind: 'title'; text: string }
  | { kind: 'center'; text: string; tone: 'normal' | 'small' }
  | { kind: 'banner'; text: string }
  | { kind: 'pair'; left: string; right: string; indent: number; tone: RowTone }
  | { kind: 'rule'; weight: 'light' | 'heavy' }
  | { kind: 'gap' }
  | { kind: 'qr'; data: string; caption: string }
  /** A public link under a payment line: a QR code drawn as vectors (thermal), the URL itself in plain text. */
  | { kind: 'linkQr'; url: string; caption: string };

const toneOf: Record<TotalEmphasis, RowTone> = {
  normal: 'normal',
  strong: 'bold',
  grand: 'grand',
  note: 'small',
};

function pair(left: string, right: string, tone: RowTone = 'normal', indent = 0): ReceiptRow {
  return { kind: 'pair', left, right, indent, tone };
}

export function narrowReceiptRows(view: ReceiptView): ReceiptRow[] {
  const rows: ReceiptRow[] = [{ kind: 'title', text: view.storeName }];
  for (const detail of view.storeDetails) rows.push({ kind: 'center', text: detail, tone: 'small' });
  rows.push({ kind: 'gap' });
  if (view.statusBanner !== undefined)
    rows.push({ kind: 'banner', text: view.statusBanner }, { kind: 'gap' });

  rows.push(
    pair(`Order ${view.orderNumber}`, view.createdAtText, 'bold'),
    pair(`Cashier ${view.cashierName}`, view.tillText),
    { kind: 'rule', weight: 'heavy' },
  );

  for (const item of view.items) {
    rows.push(pair(item.name, item.grossText));
    if (item.variant !== undefined) rows.push(pair(item.variant, '', 'normal', 2));
    if (item.quantity !== 1) rows.push(pair(`${item.quantityText} x ${item.unitPriceText}`, '', 'normal', 2));
    if (item.sku !== undefined) rows.push(pair(`SKU ${item.sku}`, '', 'normal', 2));
    if (item.discountText !== undefined) rows.push(pair('Discount', item.discountText, 'normal', 2));
  }
  rows.push({ kind: 'rule', weight: 'light' }, pair(view.itemCountText, '', 'small'));

  for (const total of view.totals) {
    const label = total.emphasis === 'grand' ? total.label.toUpperCase() : total.label;
    rows.push(pair(label, total.amountText, toneOf[total.emphasis]));
  }

  if (view.payments.length > 0) {
    rows.push({ kind: 'rule', weight: 'light' });
    for (const payment of view.payments) {
      rows.push(pair(payment.label, payment.amountText));
      for (const detail of payment.details) {
        rows.push(pair(detail.label, detail.value, 'normal', 2));
        if (detail.qr !== undefined) rows.push({ kind: 'linkQr', url: detail.qr, caption: detail.label });
      }
    }
  }

  if (view.refunds.length > 0) {
    rows.push({ kind: 'rule', weight: 'light' }, pair('REFUNDS', '', 'bold'));
    for (const refund of view.refunds) {
      rows.push(pair(refund.dateText, refund.amountText));
      for (const line of refund.lines) {
        rows.push(pair(`${line.quantityText} x ${line.name}`, line.amountText, 'normal', 2));
      }
      if (refund.tenderLabel !== undefined) rows.push(pair(`To ${refund.tenderLabel}`, '', 'normal', 2));
      if (refund.reason !== undefined) rows.push(pair(`Reason: ${refund.reason}`, '', 'normal', 2));
    }
    for (const total of view.refundTotals)
      rows.push(pair(total.label, total.amountText, toneOf[total.emphasis]));
  }

  rows.push({ kind: 'rule', weight: 'heavy' }, { kind: 'qr', data: view.orderId, caption: view.orderId });
  if (view.footerMessage !== undefined)
    rows.push({ kind: 'gap' }, { kind: 'center', text: view.footerMessage, tone: 'normal' });
  return rows;
}
