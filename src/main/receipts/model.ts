/**
 * The receipt model: everything a printed receipt shows, already priced and settled. Whoever owns the order
 * (the sales code) builds one of these; the renderers in this folder only lay it out. Amounts are `bigint`
 * minor units of `currency` in code, and decimal strings of minor units in JSON (`receiptModelSchema`).
 *
 * Sums the renderers rely on (checked by `validateReceiptModel`):
 * - a line's `totalMinor` = quantity × `unitPriceMinor` − `discountMinor` (line discount, a positive amount);
 * - `subtotalMinor` = the sum of the lines' `totalMinor` (after line discounts, before the order discount);
 * - `totalMinor` = subtotal − `orderDiscountMinor` + taxes that are added (not `inclusive`) + `tipMinor`;
 * - the tenders add up to `totalMinor` + `cashRoundingMinor` (signed: −3 when $14.18 is paid as $14.15).
 */
import { z } from 'zod';
import { TillpointError, describeZodError } from '../../shared/api/errors';
import { assetCodeSchema, minorAmountSchema, nonNegativeMinorAmountSchema } from '../../shared/money';

export const receiptStatuses = ['paid', 'refunded', 'partially_refunded', 'voided'] as const;
export type ReceiptStatus = (typeof receiptStatuses)[number];

/** A tender's registered name (cash, card, crypto, coins, ...); the receipt prints its label. */
export type TenderKind = string;

export interface ReceiptStore {
  name: string;
  addressLines: string[];
  phone?: string;
  taxId?: string;
  /** Printed at the bottom ("Thank you! Returns within 30 days with this receipt."). */
  footerMessage?: string;
  /** IANA zone the store's clock shows, e.g. "America/Chicago"; dates print in it. */
  timeZone: string;
}

export interface ReceiptLine {
  name: string;
  variant?: string;
  sku?: string;
  /** Units sold, a positive integer. */
  quantity: number;
  unitPriceMinor: bigint;
  /** The line discount, as a positive amount taken off quantity × unit price (0n when none). */
  discountMinor: bigint;
  totalMinor: bigint;
}

export interface ReceiptTax {
  name: string;
  /** Decimal percent as text, e.g. "8.875". */
  ratePercent: string;
  amountMinor: bigint;
  /** True when the tax is included in the prices (VAT style), false when it was added on top. */
  inclusive: boolean;
}

export interface ReceiptTender {
  kind: TenderKind;
  /** What the customer recognises: "Cash", "Visa •••• 4242", "BTC 0.00012345 @ 64,250.00". */
  label: string;
  /** The part of the order this tender paid, in the order's currency. */
  amountMinor: bigint;
  /** Cash only: what the customer handed over. */
  tenderedMinor?: bigint;
  /** Cash only: what went back to the customer. */
  changeMinor?: bigint;
  /** What card brands require on the receipt of a card payment: entry mode, application, AID, account type, auth code. */
  lines?: ReceiptTenderLine[];
}

/** A line printed under a payment; `qr` (a public link, e.g. a transaction's explorer page) is printed as a QR code under it. */
export interface ReceiptTenderLine {
  label: string;
  value: string;
  qr?: string;
}

/** The longest link a receipt prints as a QR code (a version 10 QR at error correction M holds ~213 bytes). */
export const receiptQrMaxLength = 200;

/**
 * A link a receipt may print as a QR code: https, or http to this machine (a local test explorer); no
 * credentials in it, printable ASCII only, at most `receiptQrMaxLength` characters.
 */
export function isReceiptQrUrl(value: string): boolean {
  if (value.length > receiptQrMaxLength || !/^[\x21-\x7e]+$/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export interface ReceiptRefundLine {
  name: string;
  variant?: string;
  quantity: number;
  amountMinor: bigint;
}

export interface ReceiptRefund {
  refundedAt: Date;
  /** Positive amount given back. */
  amountMinor: bigint;
  reason?: string;
  /** Where the money went back to, e.g. "Visa •••• 4242". */
  tenderLabel?: string;
  /** The lines taken back; empty for an amount-only refund. */
  lines: ReceiptRefundLine[];
}

export interface ReceiptModel {
  store: ReceiptStore;
  status: ReceiptStatus;
  /** The number people read out, e.g. "A-0042". */
  orderNumber: string;
  /** The order's ULID; also what the QR code holds. */
  orderId: string;
  createdAt: Date;
  cashierName: string;
  tillName: string;
  shiftLabel?: string;
  /** Asset code of every amount on the receipt, e.g. "USD". */
  currency: string;
  /** BCP 47 locale for numbers and dates, e.g. "en-US". */
  locale: string;
  lines: ReceiptLine[];
  orderDiscountMinor: bigint;
  subtotalMinor: bigint;
  taxes: ReceiptTax[];
  tipMinor: bigint;
  totalMinor: bigint;
  cashRoundingMinor: bigint;
  tenders: ReceiptTender[];
  refunds: ReceiptRefund[];
}

const text = (maxLength: number) => z.string().trim().min(1, 'must not be empty').max(maxLength);
const quantity = z.number().int('must be a whole number').positive('must be at least 1').max(1_000_000_000);
const isoDateTime = z.iso.datetime({ offset: true });

const timeZoneText = text(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "America/Chicago"');

const localeText = text(35).refine((locale) => {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 locale such as "en-US"');

export const receiptModelSchema = z
  .object({
    store: z
      .object({
        name: text(120),
        addressLines: z.array(text(120)).max(6),
        phone: text(40).optional(),
        taxId: text(60).optional(),
        footerMessage: text(500).optional(),
        timeZone: timeZoneText,
      })
      .strict(),
    status: z.enum(receiptStatuses),
    orderNumber: text(40),
    orderId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 Crockford base-32 characters)'),
    createdAt: isoDateTime,
    cashierName: text(80),
    tillName: text(80),
    shiftLabel: text(80).optional(),
    currency: assetCodeSchema,
    locale: localeText,
    lines: z
      .array(
        z
          .object({
            name: text(200),
            variant: text(120).optional(),
            sku: text(64).optional(),
            quantity,
            unitPrice: nonNegativeMinorAmountSchema,
            discount: nonNegativeMinorAmountSchema,
            total: nonNegativeMinorAmountSchema,
          })
          .strict(),
      )
      .max(5000),
    orderDiscount: nonNegativeMinorAmountSchema,
    subtotal: nonNegativeMinorAmountSchema,
    taxes: z
      .array(
        z
          .object({
            name: text(60),
            ratePercent: z
              .string()
              .regex(/^\d{1,3}(\.\d{1,6})?$/, 'must be a decimal percent such as "8.875"'),
            amount: nonNegativeMinorAmountSchema,
            inclusive: z.boolean(),
          })
          .strict(),
      )
      .max(20),
    tip: nonNegativeMinorAmountSchema,
    total: nonNegativeMinorAmountSchema,
    cashRounding: minorAmountSchema,
    tenders: z
      .array(
        z
          .object({
            kind: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
            label: text(80),
            amount: nonNegativeMinorAmountSchema,
            tendered: nonNegativeMinorAmountSchema.optional(),
            change: nonNegativeMinorAmountSchema.optional(),
            lines: z
              .array(
                z
                  .object({
                    label: text(40),
                    value: text(80),
                    qr: z
                      .string()
                      .max(receiptQrMaxLength)
                      .refine(isReceiptQrUrl, 'must be an https link without credentials')
                      .optional(),
                  })
                  .strict(),
              )
              .max(10)
              .optional(),
          })
          .strict(),
      )
      .max(50),
    refunds: z
      .array(
        z
          .object({
            refundedAt: isoDateTime,
            amount: nonNegativeMinorAmountSchema,
            reason: text(200).optional(),
            tenderLabel: text(80).optional(),
            lines: z
              .array(
                z
                  .object({
                    name: text(200),
                    variant: text(120).optional(),
                    quantity,
                    amount: nonNegativeMinorAmountSchema,
                  })
                  .strict(),
              )
              .max(5000),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();

/** The receipt as JSON carries it: amounts as decimal strings of minor units, dates as ISO 8601. */
export type ReceiptModelJson = z.infer<typeof receiptModelSchema>;

function isoOf(date: Date, where: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TillpointError('bad_input', `Invalid receipt — ${where}: not a valid date`, { path: where });
  }
  return date.toISOString();
}

/** `{ key: value }`, or `{}` when the value is undefined, so optional fields stay absent rather than undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Converts a receipt model to its JSON form (amounts as strings). Does not validate; see `validateReceiptModel`. */
export function receiptModelToJson(model: ReceiptModel): ReceiptModelJson {
  return {
    store: {
      name: model.store.name,
      addressLines: [...model.store.addressLines],
      ...optional('phone', model.store.phone),
      ...optional('taxId', model.store.taxId),
      ...optional('footerMessage', model.store.footerMessage),
      timeZone: model.store.timeZone,
    },
    status: model.status,
    orderNumber: model.orderNumber,
    orderId: model.orderId,
    createdAt: isoOf(model.createdAt, 'createdAt'),
    cashierName: model.cashierName,
    tillName: model.tillName,
    ...optional('shiftLabel', model.shiftLabel),
    currency: model.currency,
    locale: model.locale,
    lines: model.lines.map((line) => ({
      name: line.name,
      ...optional('variant', line.variant),
      ...optional('sku', line.sku),
      quantity: line.quantity,
      unitPrice: String(line.unitPriceMinor),
      discount: String(line.discountMinor),
      total: String(line.totalMinor),
    })),
    orderDiscount: String(model.orderDiscountMinor),
    subtotal: String(model.subtotalMinor),
    taxes: model.taxes.map((tax) => ({
      name: tax.name,
      ratePercent: tax.ratePercent,
      amount: String(tax.amountMinor),
      inclusive: tax.inclusive,
    })),
    tip: String(model.tipMinor),
    total: String(model.totalMinor),
    cashRounding: String(model.cashRoundingMinor),
    tenders: model.tenders.map((tender) => ({
      kind: tender.kind,
      label: tender.label,
      amount: String(tender.amountMinor),
      ...optional('tendered', tender.tenderedMinor === undefined ? undefined : String(tender.tenderedMinor)),
      ...optional('change', tender.changeMinor === undefined ? undefined : String(tender.changeMinor)),
      ...optional('lines', tender.lines),
    })),
    refunds: model.refunds.map((refund, index) => ({
      refundedAt: isoOf(refund.refundedAt, `refunds.${index}.refundedAt`),
      amount: String(refund.amountMinor),
      ...optional('reason', refund.reason),
      ...optional('tenderLabel', refund.tenderLabel),
      lines: refund.lines.map((line) => ({
        name: line.name,
        ...optional('variant', line.variant),
        quantity: line.quantity,
        amount: String(line.amountMinor),
      })),
    })),
  };
}

/** Parses JSON (from the API or a file) into a receipt model; bad shape → TillpointError 'bad_input'. */
export function receiptModelFromJson(json: unknown): ReceiptModel {
  const parsed = receiptModelSchema.safeParse(json);
  if (!parsed.success) {
    const { message, issues } = describeZodError(parsed.error);
    throw new TillpointError('bad_input', message.replace(/^Invalid input/, 'Invalid receipt'), { issues });
  }
  const data = parsed.data;
  return {
    store: { ...data.store, addressLines: [...data.store.addressLines] },
    status: data.status,
    orderNumber: data.orderNumber,
    orderId: data.orderId,
    createdAt: new Date(data.createdAt),
    cashierName: data.cashierName,
    tillName: data.tillName,
    ...optional('shiftLabel', data.shiftLabel),
    currency: data.currency,
    locale: data.locale,
    lines: data.lines.map(({ unitPrice, discount, total, ...rest }) => ({
      ...rest,
      unitPriceMinor: BigInt(unitPrice),
      discountMinor: BigInt(discount),
      totalMinor: BigInt(total),
    })),
    orderDiscountMinor: BigInt(data.orderDiscount),
    subtotalMinor: BigInt(data.subtotal),
    taxes: data.taxes.map(({ amount, ...rest }) => ({ ...rest, amountMinor: BigInt(amount) })),
    tipMinor: BigInt(data.tip),
    totalMinor: BigInt(data.total),
    cashRoundingMinor: BigInt(data.cashRounding),
    tenders: data.tenders.map(({ amount, tendered, change, lines, ...rest }) => ({
      ...rest,
      ...optional('lines', lines),
      amountMinor: BigInt(amount),
      ...optional('tenderedMinor', tendered === undefined ? undefined : BigInt(tendered)),
      ...optional('changeMinor', change === undefined ? undefined : BigInt(change)),
    })),
    refunds: data.refunds.map(({ refundedAt, amount, lines, ...rest }) => ({
      ...rest,
      refundedAt: new Date(refundedAt),
      amountMinor: BigInt(amount),
      lines: lines.map(({ amount: lineAmount, ...line }) => ({ ...line, amountMinor: BigInt(lineAmount) })),
    })),
  };
}
