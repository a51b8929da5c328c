/**
 * The `orders.*` and `receipts.*` handlers and the `order.updated` event: an open order is the cart
 * (lines from the catalog or custom items, line and order discounts, a tip), priced by the core with
 * the store settings (the renderer never computes money); paid orders never change, and are refunded
 * line by line or voided before payment. Amounts are decimal strings of minor units of the order's
 * currency ("1250" = $12.50).
 */
import { z } from 'zod';
import { fiatAmountSchema, minorAmountSchema, positiveFiatAmountSchema } from '../money';
import { isoDateTimeText, maxLineQuantity, percentText, text, ulidText } from './bounds';
import { defineEvent, defineHandler } from './define';

export const orderStatusValues = ['open', 'paid', 'partially_refunded', 'refunded', 'voided'] as const;
/**
 * A tender's kind is a short lower-case name that the tender registers with (cash, card, crypto,
 * coins, ...): no fixed list, so a new tender plugs in without changing the contract.
 */
export const tenderKindSchema = text({
  max: 32,
  trim: false,
  pattern: /^[a-z][a-z0-9_]{0,31}$/,
  patternMessage: 'must be a tender name (lower-case letters, digits, _; at most 32)',
});
export const paymentStatusValues = [
  'pending',
  'succeeded',
  'failed',
  'canceled',
  'expired',
  'refunded',
  'partially_refunded',
] as const;
export const refundStatusValues = ['pending', 'succeeded', 'failed', 'partially_failed'] as const;

export const orderIdSchema = ulidText();

/** A percentage as text from 0 to 100 with at most 6 decimals: "10", "12.5", "8.875". */
export const percentSchema = percentText({ maxDecimals: 6 });

/** An amount in the order's currency above 0 (bounded: shared/money/schemas.ts). */
const positiveMinorSchema = positiveFiatAmountSchema;

/** A discount: an amount off (minor units) or a percent of what it applies to. */
export const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amount: positiveMinorSchema }).strict(),
  z.object({ kind: z.literal('percent'), percent: percentSchema }).strict(),
]);

/** A tip: an amount, or a percent of the order before tax (`pre_tax`, the default) or with tax (`post_tax`). */
export const tipSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amount: positiveMinorSchema }).strict(),
  z
    .object({
      kind: z.literal('percent'),
      percent: percentSchema,
      base: z.enum(['pre_tax', 'post_tax']).default('pre_tax'),
    })
    .strict(),
]);

const quantitySchema = z
  .number()
  .int('a quantity is a whole number')
  .min(1, 'a quantity is at least 1')
  .max(maxLineQuantity, `a line has at most ${maxLineQuantity} items`);
const approvalSchema = text({ max: 200, min: 1, trim: false })
  .optional()
  .describe("a manager's approval token (staff.approve)");
const reasonSchema = text({ max: 200, min: 1, minMessage: 'give a reason' });

const taxRateViewSchema = z.object({ taxId: z.string(), name: z.string(), ratePercent: z.string() });
const staffRefSchema = z.object({ staffId: z.string(), name: z.string() });

export const orderLineViewSchema = z.object({
  id: z.string(),
  variantId: z.string().nullable().describe('null for a custom item'),
  name: z.string(),
  sku: z.string(),
  unitPriceMinor: z.string(),
  quantity: z.number().int(),
  taxClassId: z.string().nullable(),
  taxRates: z.array(taxRateViewSchema).describe('the rates when the line was added'),
  discount: discountSchema.nullable(),
  grossMinor: z.string().describe('unit price × quantity'),
  lineDiscountMinor: z.string(),
  orderDiscountShareMinor: z.string(),
  netMinor: z.string().describe('after both discounts; includes tax when prices include it'),
  taxes: z.array(taxRateViewSchema.extend({ amountMinor: z.string() })),
  taxMinor: z.string(),
  totalMinor: z.string().describe('what the customer pays for the line, before the tip'),
  refundedQuantity: z.number().int(),
  refundableQuantity: z.number().int(),
});

export const orderTotalsSchema = z.object({
  subtotalMinor: z.string().describe('sum of unit price × quantity, before discounts'),
  lineDiscountsMinor: z.string(),
  orderDiscountMinor: z.string(),
  discountTotalMinor: z.string(),
  taxTotalMinor: z.string().describe('added to the prices (exclusive) or included in them (inclusive)'),
  tipMinor: z.string(),
  totalMinor: z.string(),
  cashTotalMinor: z.string().describe('the total rounded to the cash increment'),
  cashRoundingMinor: minorAmountSchema.describe(
    'once paid: the cash rounding applied; before: what it would be',
  ),
});

export const paymentViewSchema = z.object({
  id: z.string(),
  kind: tenderKindSchema,
  status: z.enum(paymentStatusValues),
  amountMinor: z.string().describe('what it paid of the order (or, while pending, what it is collecting)'),
  tenderedMinor: z.string().nullable(),
  changeMinor: z.string().nullable(),
  roundingMinor: minorAmountSchema,
  refundedMinor: z.string(),
  createdBy: staffRefSchema,
  shiftId: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  externalId: z.string().nullable().describe("the outside world's id (a PaymentIntent, a transaction)"),
  message: z.string().nullable().describe('for the cashier: why it failed, what the tender says'),
});

export const refundViewSchema = z.object({
  id: z.string(),
  amountMinor: z.string().describe('the money given back'),
  netMinor: z.string(),
  taxMinor: z.string(),
  tipMinor: z.string(),
  roundingMinor: minorAmountSchema.describe('money given back − what the lines (and tip) were worth'),
  complete: z.boolean().describe('true when it refunded everything left'),
  reason: z.string(),
  tender: tenderKindSchema,
  status: z.enum(refundStatusValues).describe('pending until every tender it goes back through has answered'),
  shares: z.array(
    z.object({
      paymentId: z.string(),
      kind: tenderKindSchema,
      amountMinor: z.string(),
      status: z.enum(['pending', 'succeeded', 'failed']),
      message: z.string().nullable(),
    }),
  ),
  lines: z.array(
    z.object({ lineId: z.string(), name: z.string(), quantity: z.number().int(), amountMinor: z.string() }),
  ),
  createdBy: staffRefSchema,
  approvedBy: staffRefSchema.nullable(),
  shiftId: z.string(),
  createdAt: z.iso.datetime(),
});

export const orderViewSchema = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  status: z.enum(orderStatusValues),
  currency: z.string(),
  taxMode: z.enum(['exclusive', 'inclusive']),
  shiftId: z.string(),
  carriedOver: z
    .boolean()
    .optional()
    .describe(
      'started in an earlier shift than the one it was paid or voided in (or, open, than the open shift)',
    ),
  createdBy: staffRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  voidedAt: z.iso.datetime().nullable(),
  voidReason: z.string().nullable(),
  note: z.string(),
  discount: discountSchema.nullable(),
  tip: tipSchema.nullable(),
  lines: z.array(orderLineViewSchema),
  totals: orderTotalsSchema,
  taxes: z.array(taxRateViewSchema.extend({ baseMinor: z.string(), amountMinor: z.string() })),
  payments: z.array(paymentViewSchema),
  refunds: z.array(refundViewSchema),
  paidMinor: z.string().describe('what the successful payments paid'),
  inFlightMinor: z
    .string()
    .describe(
      'what payments still in flight (a reader collecting, a chain confirming) may pay; counted in the due',
    ),
  amountDueMinor: minorAmountSchema.describe('what is still to pay (0 once paid)'),
  cashAmountDueMinor: minorAmountSchema.describe('what is still to pay in cash, after cash rounding'),
  refundedMinor: z.string(),
  notices: z.array(z.string()).describe('what the pricing changed from what was asked, for the cashier'),
});

export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  status: z.enum(orderStatusValues),
  currency: z.string(),
  carriedOver: z
    .boolean()
    .optional()
    .describe(
      'started in an earlier shift than the one it was paid or voided in (or, open, than the open shift)',
    ),
  createdBy: staffRefSchema,
  createdAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  itemCount: z.number().int().nonnegative(),
  totalMinor: z.string(),
});

const customItemSchema = z
  .object({
    name: text({ max: 200, min: 1, minMessage: 'a custom item needs a name' }),
    unitPrice: fiatAmountSchema,
    taxClassId: orderIdSchema.optional().describe('no tax when absent'),
  })
  .strict();

const orderOutput = z.object({ order: orderViewSchema });

export const ordersHandlers = [
  defineHandler({
    name: 'orders.create',
    summary: 'Starts a new open order (the cart) in the store currency. Needs an open shift.',
    permission: 'sales.sell',
    input: z.object({ note: text({ max: 500 }).optional() }).strict(),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.get',
    summary: 'An order with its priced lines, totals, taxes, payments, refunds and what is still due.',
    permission: 'sales.sell',
    input: z.object({ orderId: orderIdSchema }).strict(),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.list',
    summary: 'Orders, newest first: by status, by number or product name/SKU, by creation time.',
    permission: 'sales.sell',
    input: z
      .object({
        status: z.enum(orderStatusValues).optional(),
        search: text({ max: 100 }).optional().describe('an order number, or part of a product name or SKU'),
        from: isoDateTimeText().optional(),
        to: isoDateTimeText().optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(1_000_000_000).default(0),
      })
      .strict(),
    output: z.object({ orders: z.array(orderSummarySchema), total: z.number().int().nonnegative() }),
  }),
  defineHandler({
    name: 'orders.addLine',
    summary:
      'Adds an item to an open order: a variant by id or by barcode/SKU (adding the same variant again adds to ' +
      "its line), or a custom item with its own name and price. A custom item priced above the store's " +
      "priceOverrideThresholdMinor needs a manager's approval (price_override), and a change that puts a " +
      'discount over the limit needs one too (discount_over_limit); both with ref: the order id.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        variantId: orderIdSchema.optional(),
        barcode: text({ max: 200, min: 1 }).optional(),
        custom: customItemSchema.optional(),
        quantity: quantitySchema.default(1),
        approval: approvalSchema,
      })
      .strict()
      .refine(
        (input) => [input.variantId, input.barcode, input.custom].filter((v) => v !== undefined).length === 1,
        {
          message: 'give exactly one of variantId, barcode or custom',
        },
      ),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.updateLine',
    summary:
      "Changes a line's quantity or discount. A discount above the store's limit needs a manager's approval " +
      '(action discount_over_limit, ref: the order id).',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        lineId: orderIdSchema,
        quantity: quantitySchema.optional(),
        discount: discountSchema.nullable().optional(),
        approval: approvalSchema,
      })
      .strict(),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.removeLine',
    summary:
      "Removes a line from an open order. When that puts a discount over the limit it needs a manager's " +
      'approval (action discount_over_limit, ref: the order id).',
    permission: 'sales.sell',
    input: z.object({ orderId: orderIdSchema, lineId: orderIdSchema, approval: approvalSchema }).strict(),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.setDiscount',
    summary:
      "Sets (or clears, with null) the order discount. Above the store's limit it needs a manager's approval " +
      '(action discount_over_limit, ref: the order id).',
    permission: 'sales.sell',
    input: z
      .object({ orderId: orderIdSchema, discount: discountSchema.nullable(), approval: approvalSchema })
      .strict(),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.setTip',
    summary: 'Sets (or clears, with null) the tip of an open order, when tips are enabled in the settings.',
    permission: 'sales.sell',
    input: z.object({ orderId: orderIdSchema, tip: tipSchema.nullable() }).strict(),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.void',
    summary:
      "Voids an open order: hands back whatever its payments took. With lines, it needs a manager's approval " +
      '(action void, ref: the order id).',
    permission: 'sales.sell',
    input: z.object({ orderId: orderIdSchema, reason: reasonSchema, approval: approvalSchema }).strict(),
    output: orderOutput,
  }),
  defineHandler({
    name: 'orders.refund',
    summary:
      "Refunds quantities of a paid order's lines: the money goes back (cash from the current shift's drawer) " +
      "and the items back to stock. Needs a manager's approval (action refund, ref: the order id).",
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        lines: z
          .array(z.object({ lineId: orderIdSchema, quantity: quantitySchema }).strict())
          .min(1, 'name at least one line to refund')
          .max(1000),
        reason: reasonSchema,
        approval: approvalSchema,
        tender: tenderKindSchema
          .optional()
          .describe('the tender to give the money back through first (else cash, else the newest payment)'),
      })
      .strict(),
    output: z.object({ order: orderViewSchema, refund: refundViewSchema }),
  }),
  defineHandler({
    name: 'orders.refundQuote',
    summary:
      'What a refund of these lines would give back (the amount, the tip it includes), worked out as ' +
      'orders.refund would, without refunding: the refund dialog shows it before the cashier confirms.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        lines: z
          .array(z.object({ lineId: orderIdSchema, quantity: quantitySchema }).strict())
          .min(1, 'name at least one line to refund')
          .max(1000),
        tender: tenderKindSchema.optional(),
      })
      .strict(),
    output: z.object({
      amountMinor: minorAmountSchema,
      tipMinor: minorAmountSchema,
      currency: z.string(),
      tender: tenderKindSchema,
    }),
  }),
  defineHandler({
    name: 'receipts.render',
    summary:
      'The receipt of an order (paid, refunded or voided) as a PDF (base64), an HTML page or plain text.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        layout: z.enum(['thermal80', 'a4']).optional().describe("the store's receipt layout when absent"),
        format: z.enum(['pdf', 'html', 'text']),
      })
      .strict(),
    output: z.object({
      contentType: z.string(),
      base64: z.string().optional().describe('the PDF'),
      text: z.string().optional().describe('the HTML page or the plain text'),
    }),
  }),
  defineHandler({
    name: 'receipts.print',
    summary:
      "Prints an order's receipt on the store's printer. 'unavailable' when this door has no printer: then " +
      "print the HTML from receipts.render with the browser's print dialog.",
    permission: 'sales.sell',
    input: z.object({ orderId: orderIdSchema, layout: z.enum(['thermal80', 'a4']).optional() }).strict(),
    output: z.object({ printed: z.literal(true) }),
  }),
] as const;

export const ordersEvents = [
  defineEvent({
    name: 'order.updated',
    summary: 'An order changed (lines, payment, refund, void): fetch it again with orders.get.',
    payload: z.object({ orderId: z.string(), status: z.enum(orderStatusValues) }),
  }),
] as const;
