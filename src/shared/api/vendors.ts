/**
 * The `vendors.*` handlers: revenue splits. A product can belong to a vendor (consignment, artists,
 * market stalls) with a share of the net sale or a fixed commission per unit kept by the store; every
 * sale credits the vendor's payable in the same ledger group, refunds take it back, payouts reduce it,
 * and a statement lists any period. Amounts are decimal strings of minor units of the store currency.
 */
import { z } from 'zod';
import { positiveFiatAmountSchema, fiatAmountSchema } from '../money/schemas';
import { isoDateTimeText, percentText, text, ulidText } from './bounds';
import { defineHandler } from './define';

const termsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('share'), percent: percentText({ maxDecimals: 2 }) }).strict(),
  z.object({ kind: z.literal('commission'), commission: fiatAmountSchema }).strict(),
]);

export const vendorViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  terms: z.union([
    z.object({ kind: z.literal('share'), percent: z.string() }),
    z.object({ kind: z.literal('commission'), commission: z.string() }),
  ]),
  active: z.boolean(),
  payableMinor: z.string().describe('what the store owes the vendor now'),
  currency: z.string(),
});

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string().describe('vendor_share, vendor_share_return, vendor_payout'),
  amountMinor: z.string().describe('signed: + owed to the vendor, − taken back or paid out'),
  balanceAfterMinor: z.string(),
  ref: z.string(),
});

export const vendorsHandlers = [
  defineHandler({
    name: 'vendors.save',
    summary: 'Adds or changes a vendor and their terms (a share of the net sale, or a commission per unit).',
    permission: 'catalog.edit',
    input: z
      .object({
        vendorId: ulidText().optional(),
        name: text({ max: 120, min: 1, minMessage: 'a vendor needs a name' }),
        contact: text({ max: 500 }).optional(),
        terms: termsSchema,
        active: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ vendor: vendorViewSchema }),
  }),
  defineHandler({
    name: 'vendors.list',
    summary: 'The vendors with what the store owes each.',
    permission: 'reports.read',
    input: z.object({}).strict(),
    output: z.object({ vendors: z.array(vendorViewSchema) }),
  }),
  defineHandler({
    name: 'vendors.assignProduct',
    summary:
      'Makes a product one vendor’s (or, with null, the store’s own); applies to sales paid from then on.',
    permission: 'catalog.edit',
    input: z.object({ productId: ulidText(), vendorId: ulidText().nullable() }).strict(),
    output: z.object({ productId: z.string(), vendorId: z.string().nullable() }),
  }),
  defineHandler({
    name: 'vendors.payout',
    summary:
      'Pays a vendor: cash from the open shift’s drawer, a bank transfer recorded, or crypto to their address. ' +
      'Refused with insufficient_funds beyond what the store owes them (or, for cash, what the drawer holds).',
    permission: 'reports.read',
    input: z
      .object({
        vendorId: ulidText(),
        amount: positiveFiatAmountSchema,
        method: z.enum(['cash', 'bank', 'crypto']),
        reference: text({ max: 200 }).optional().describe('the transfer reference or the crypto address'),
      })
      .strict(),
    output: z.object({ payoutId: z.string(), vendor: vendorViewSchema }),
  }),
  defineHandler({
    name: 'vendors.statement',
    summary:
      'A vendor’s statement for a period: opening balance, every share, return and payout, closing balance.',
    permission: 'reports.read',
    input: z
      .object({ vendorId: ulidText(), from: isoDateTimeText().optional(), to: isoDateTimeText().optional() })
      .strict(),
    output: z.object({
      vendor: vendorViewSchema,
      openingMinor: z.string(),
      closingMinor: z.string(),
      salesMinor: z.string(),
      returnsMinor: z.string(),
      payoutsMinor: z.string(),
      entries: z.array(entrySchema),
    }),
  }),
] as const;
