/**
 * The receipt as people read it: every figure formatted (money with `formatMoney` in the receipt's locale,
 * dates in the store's time zone), labels chosen, optional rows dropped. Every layout (text, thermal, A4,
 * HTML) draws from this one view, so they all say the same thing.
 */
import { formatDateTime } from '../../shared/time';
import Decimal from 'decimal.js';
import { formatMoney } from '../../shared/money';
import { type ReceiptModel, type ReceiptStatus, isReceiptQrUrl } from './model';

/** How text is made safe for an output: PDF's built-in fonts only know WinAnsi, the others take Unicode. */
export interface TextEncoding {
  text(value: string): string;
  money(formatted: string, currency: string): string;
}

/** Removes control characters and turns every kind of space (no-break, narrow, thin) into a plain one. */
export function cleanText(value: string): string {
  return (
    value
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- taking control characters out is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, '')
      .replace(/[\t\n\r\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
  );
}

export const unicodeEncoding: TextEncoding = {
  text: cleanText,
  money: (formatted) => cleanText(formatted),
};

export interface ViewPair {
  label: string;
  value: string;
  /** A public link printed as a QR code under the line (validated by the model: https, bounded). */
  qr?: string;
}

export interface ViewItem {
  name: string;
  variant?: string;
  sku?: string;
  quantity: number;
  quantityText: string;
  unitPriceText: string;
  /** Quantity × unit price, before the line discount. */
  grossText: string;
  /** The line discount as a negative amount, when there is one. */
  discountText?: string;
  /** After the line discount. */
  totalText: string;
}

export type TotalEmphasis = 'normal' | 'strong' | 'grand' | 'note';

export interface ViewTotal {
  label: string;
  amountText: string;
  emphasis: TotalEmphasis;
}

export interface ViewPayment {
  label: string;
  amountText: string;
  details: ViewPair[];
}

export interface ViewRefundLine {
  name: string;
  quantityText: string;
  amountText: string;
}

export interface ViewRefund {
  dateText: string;
  amountText: string;
  reason?: string;
  tenderLabel?: string;
  lines: ViewRefundLine[];
}

export interface ReceiptView {
  storeName: string;
  /** Address lines, then phone and tax id, each ready to print on its own line. */
  storeDetails: string[];
  footerMessage?: string;
  /** Printed large when the order is not plainly paid. */
  statusBanner?: string;
  orderNumber: string;
  orderId: string;
  createdAtText: string;
  cashierName: string;
  /** "Till 2 · Shift 7". */
  tillText: string;
  itemCountText: string;
  items: ViewItem[];
  totals: ViewTotal[];
  payments: ViewPayment[];
  refunds: ViewRefund[];
  /** "Total refunded" and "Net paid", when there are refunds. */
  refundTotals: ViewTotal[];
}

export const statusBannerText: Record<ReceiptStatus, string | undefined> = {
  paid: undefined,
  refunded: 'REFUNDED',
  partially_refunded: 'PARTIALLY REFUNDED',
  voided: 'VOID',
};

function formatPercent(ratePercent: string, locale: string): string {
  // Exact: dividing a decimal string by 100 only moves the point; Intl formats the decimal string as is.
  const fraction = new Decimal(ratePercent).div(100).toFixed() as `${number}`;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 6 }).format(fraction);
}

function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

/** Builds the view of a receipt model that `validateReceiptModel` accepted. */
export function buildReceiptView(model: ReceiptModel, encoding: TextEncoding = unicodeEncoding): ReceiptView {
  const { locale, currency } = model;
  const text = (value: string) => encoding.text(value);
  const money = (amountMinor: bigint) => encoding.money(formatMoney(amountMinor, currency, locale), currency);
  // The one clock of every page and print-out (src/shared/time): the store's zone and locale.
  const date = (value: Date) => text(formatDateTime(value, { locale, timeZone: model.store.timeZone }));
  const count = (value: number) => text(formatCount(value, locale));

  const storeDetails = [
    ...model.store.addressLines.map(text),
    ...(model.store.phone === undefined ? [] : [text(`Tel ${model.store.phone}`)]),
    ...(model.store.taxId === undefined ? [] : [text(`Tax ID ${model.store.taxId}`)]),
  ];

  const items: ViewItem[] = model.lines.map((line) => ({
    name: text(line.name),
    ...(line.variant === undefined ? {} : { variant: text(line.variant) }),
    ...(line.sku === undefined ? {} : { sku: text(line.sku) }),
    quantity: line.quantity,
    quantityText: count(line.quantity),
    unitPriceText: money(line.unitPriceMinor),
    grossText: money(BigInt(line.quantity) * line.unitPriceMinor),
    ...(line.discountMinor === 0n ? {} : { discountText: money(-line.discountMinor) }),
    totalText: money(line.totalMinor),
  }));

  const totals: ViewTotal[] = [
    { label: 'Subtotal', amountText: money(model.subtotalMinor), emphasis: 'normal' },
  ];
  if (model.orderDiscountMinor !== 0n) {
    totals.push({
      label: 'Order discount',
      amountText: money(-model.orderDiscountMinor),
      emphasis: 'normal',
    });
  }
  const taxLabel = (name: string, ratePercent: string) =>
    text(`${name} ${formatPercent(ratePercent, locale)}`);
  for (const tax of model.taxes.filter((t) => !t.inclusive)) {
    totals.push({
      label: taxLabel(tax.name, tax.ratePercent),
      amountText: money(tax.amountMinor),
      emphasis: 'normal',
    });
  }
  if (model.tipMinor !== 0n)
    totals.push({ label: 'Tip', amountText: money(model.tipMinor), emphasis: 'normal' });
  totals.push({ label: 'Total', amountText: money(model.totalMinor), emphasis: 'grand' });
  const amountDueMinor = model.totalMinor + model.cashRoundingMinor;
  if (model.cashRoundingMinor !== 0n) {
    totals.push({ label: 'Cash rounding', amountText: money(model.cashRoundingMinor), emphasis: 'normal' });
    totals.push({ label: 'Rounded total', amountText: money(amountDueMinor), emphasis: 'strong' });
  }
  for (const tax of model.taxes.filter((t) => t.inclusive)) {
    totals.push({
      label: `Incl. ${taxLabel(tax.name, tax.ratePercent)}`,
      amountText: money(tax.amountMinor),
      emphasis: 'note',
    });
  }

  const payments: ViewPayment[] = model.tenders.map((tender) => ({
    label: text(tender.label),
    amountText: money(tender.amountMinor),
    details: [
      ...(tender.tenderedMinor === undefined
        ? []
        : [{ label: 'Tendered', value: money(tender.tenderedMinor) }]),
      ...(tender.changeMinor === undefined ? [] : [{ label: 'Change', value: money(tender.changeMinor) }]),
      ...(tender.lines ?? []).map((line) => ({
        label: text(line.label),
        value: text(line.value),
        ...(line.qr !== undefined && isReceiptQrUrl(line.qr) ? { qr: line.qr } : {}),
      })),
    ],
  }));

  const refunds: ViewRefund[] = model.refunds.map((refund) => ({
    dateText: date(refund.refundedAt),
    amountText: money(-refund.amountMinor),
    ...(refund.reason === undefined ? {} : { reason: text(refund.reason) }),
    ...(refund.tenderLabel === undefined ? {} : { tenderLabel: text(refund.tenderLabel) }),
    lines: refund.lines.map((line) => ({
      name: text(line.variant === undefined ? line.name : `${line.name} (${line.variant})`),
      quantityText: count(line.quantity),
      amountText: money(-line.amountMinor),
    })),
  }));

  const refundedMinor = model.refunds.reduce((sum, refund) => sum + refund.amountMinor, 0n);
  const refundTotals: ViewTotal[] =
    model.refunds.length === 0
      ? []
      : [
          { label: 'Total refunded', amountText: money(-refundedMinor), emphasis: 'normal' },
          { label: 'Net paid', amountText: money(amountDueMinor - refundedMinor), emphasis: 'strong' },
        ];

  const itemCount = model.lines.reduce((sum, line) => sum + line.quantity, 0);
  const banner = statusBannerText[model.status];
  return {
    storeName: text(model.store.name),
    storeDetails,
    ...(model.store.footerMessage === undefined ? {} : { footerMessage: text(model.store.footerMessage) }),
    ...(banner === undefined ? {} : { statusBanner: banner }),
    orderNumber: text(model.orderNumber),
    orderId: model.orderId,
    createdAtText: date(model.createdAt),
    cashierName: text(model.cashierName),
    tillText: text(
      model.shiftLabel === undefined ? model.tillName : `${model.tillName} · ${model.shiftLabel}`,
    ),
    itemCountText: text(`${formatCount(itemCount, locale)} ${itemCount === 1 ? 'item' : 'items'}`),
    items,
    totals,
    payments,
    refunds,
    refundTotals,
  };
}
