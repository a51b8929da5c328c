/**
 * The `display.updated` event: what the customer display shows of the sale being rung up on this
 * till. The display has no staff session, so the event carries a customer-safe view of the order —
 * its number, the lines' names, quantities and amounts, the totals, what is paid and due, and the
 * change of a cash payment — and nothing else (no staff, no ids, no notes). The figures are the
 * ones the receipt prints: a line's amount is after its own discount, the subtotal is the sum of
 * the lines, the discount is the order discount. Amounts are decimal strings of minor units of
 * `currency`.
 */
import { z } from 'zod';
import { minorAmountSchema, nonNegativeMinorAmountSchema } from '../money';
import { defineEvent } from './define';

export const displayStateValues = ['idle', 'cart', 'paid', 'voided'] as const;

export const displayLineSchema = z.object({
  name: z.string(),
  quantity: z.number().int().positive(),
  totalMinor: nonNegativeMinorAmountSchema.describe("unit price × quantity, after the line's discount"),
});

export const displayUpdateSchema = z.object({
  state: z
    .enum(displayStateValues)
    .describe('idle: an open order with no lines; cart: being rung up (maybe partly paid); paid; voided'),
  orderNumber: z.number().int().positive().optional(),
  currency: z.string(),
  locale: z.string().describe("the store's locale, to format the amounts"),
  timeZone: z.string().optional().describe("the store's IANA time zone, for the display's clock"),
  taxIncluded: z.boolean().describe('true when the prices include the tax (it is shown, not added)'),
  lines: z.array(displayLineSchema),
  subtotalMinor: nonNegativeMinorAmountSchema.describe('the sum of the lines'),
  discountMinor: nonNegativeMinorAmountSchema.describe('the order discount'),
  taxMinor: nonNegativeMinorAmountSchema,
  tipMinor: nonNegativeMinorAmountSchema,
  totalMinor: nonNegativeMinorAmountSchema,
  paidMinor: nonNegativeMinorAmountSchema.describe('what the payments took, as orders.get counts it'),
  changeMinor: nonNegativeMinorAmountSchema
    .optional()
    .describe('right after a cash payment: the change it gave back'),
  amountDueMinor: minorAmountSchema.describe('what is still to pay (0 once paid or voided)'),
  customerNote: z
    .string()
    .optional()
    .describe("a sentence for the sale's customer, e.g. their store coin balance (no name, no id)"),
});

export const displayEvents = [
  defineEvent({
    name: 'display.updated',
    summary:
      'The sale the customer display shows changed: lines, totals, a payment (with its change), paid or voided.',
    payload: displayUpdateSchema,
  }),
] as const;
