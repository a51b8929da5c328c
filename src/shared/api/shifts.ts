/**
 * The `shifts.*` and `drawer.*` handlers and events: opening a shift with its counted float, the live
 * X report, closing (sales stop, the drawer is counted per denomination, the difference is booked, the
 * Z report is frozen), cash pay-ins, pay-outs and safe drops, the denominations of the store currency,
 * and no-sale drawer opens. Amounts are decimal strings of minor units of the shift's currency.
 */
import { z } from 'zod';
import { fiatAmountSchema, minorAmountSchema, positiveFiatAmountSchema } from '../money';
import { maxCountPieces, text, ulidText } from './bounds';
import { defineEvent, defineHandler } from './define';

export const shiftStatusValues = ['open', 'closing', 'closed'] as const;
export const cashMovementKinds = ['pay_in', 'pay_out', 'drop'] as const;
export type CashMovementKind = (typeof cashMovementKinds)[number];

/** Why the drawer was opened: the shell kicks it; the renderer may show it. */
export const drawerOpenCauses = [
  'no_sale',
  'shift_open',
  'count',
  'cash_movement',
  'payment',
  'refund',
] as const;

const ulidSchema = ulidText();

/** An amount in the store currency above 0 (bounded: shared/money/schemas.ts). */
const positiveMinorAmountSchema = positiveFiatAmountSchema;

export const countEntrySchema = z
  .object({
    denominationMinor: positiveMinorAmountSchema.describe('the value of one bill or coin, in minor units'),
    count: z
      .number()
      .int('a count is a whole number of pieces')
      .min(0, 'a count cannot be negative')
      .max(maxCountPieces, `a count is at most ${maxCountPieces} pieces`),
  })
  .strict();

export const countedLineSchema = z.object({
  denominationMinor: z.string(),
  count: z.number().int().nonnegative(),
  subtotalMinor: z.string(),
});

export const staffRefSchema = z.object({ staffId: z.string(), name: z.string() });

export const shiftSchema = z.object({
  id: z.string(),
  number: z.number().int().positive().describe('sequential per till: shift 1, 2, 3...'),
  tillId: z.string(),
  status: z.enum(shiftStatusValues),
  currency: z.string(),
  openedBy: staffRefSchema,
  openedAt: z.iso.datetime(),
  openingFloatMinor: z.string(),
  openingCounts: z
    .array(countedLineSchema)
    .nullable()
    .describe('null when the float was given as one amount'),
  closingStartedBy: staffRefSchema.nullable(),
  closingStartedAt: z.iso.datetime().nullable(),
  closedBy: staffRefSchema.nullable(),
  closedAt: z.iso.datetime().nullable(),
  expectedCashMinor: minorAmountSchema.nullable().describe('from the ledger, at close'),
  countedTotalMinor: z.string().nullable(),
  differenceMinor: minorAmountSchema
    .nullable()
    .describe('counted − expected: negative when the drawer is short'),
  note: z.string().nullable(),
});

/** The drawer's figures, from the shift's drawer account in the ledger. */
export const cashFiguresSchema = z.object({
  openingFloatMinor: z.string(),
  cashSalesMinor: minorAmountSchema.describe('cash taken for orders (tendered − change)'),
  cashRefundsMinor: minorAmountSchema,
  reversedMinor: minorAmountSchema.describe('cash handed back when payments were voided'),
  payInsMinor: z.string(),
  payOutsMinor: z.string(),
  dropsMinor: z.string(),
  otherMinor: minorAmountSchema.describe('any other movement of the drawer account (normally 0)'),
  expectedMinor: minorAmountSchema.describe('what the drawer should hold: the balance of its ledger account'),
});

export const salesSummarySchema = z.object({
  ordersPaid: z.number().int().nonnegative(),
  grossSalesMinor: minorAmountSchema,
  discountsMinor: minorAmountSchema,
  netSalesMinor: minorAmountSchema,
  taxes: z.array(
    z.object({
      taxId: z.string(),
      name: z.string(),
      ratePercent: z.string(),
      amountMinor: minorAmountSchema,
    }),
  ),
  tipsMinor: minorAmountSchema,
  cashRoundingMinor: minorAmountSchema,
  refunds: z.object({ count: z.number().int().nonnegative(), amountMinor: minorAmountSchema }),
  voids: z.object({ count: z.number().int().nonnegative() }),
  tenders: z.array(
    z.object({ kind: z.string(), count: z.number().int().nonnegative(), amountMinor: minorAmountSchema }),
  ),
  cashSalesMinor: minorAmountSchema,
  cashRefundsMinor: minorAmountSchema,
});

export const cashMovementSchema = z.object({
  id: z.string(),
  shiftId: z.string(),
  kind: z.enum(cashMovementKinds),
  amountMinor: z.string(),
  reason: z.string(),
  staff: staffRefSchema,
  approvedBy: staffRefSchema.nullable(),
  at: z.iso.datetime(),
});

/** The live figures of an open (or closing) shift. */
export const xReportSchema = z.object({
  blind: z
    .boolean()
    .describe(
      "true under the store's blind count for staff without reports.read: the drawer's and the sales figures " +
        'are held back until the shift is closed (its Z report has them), so the count is not led by them',
    ),
  cash: cashFiguresSchema.nullable().describe('null when blind'),
  sales: salesSummarySchema
    .nullable()
    .describe(
      'null when this core has no sales domain, or when blind (the cash sales give the expected cash)',
    ),
  movements: z.array(cashMovementSchema),
  noSales: z.number().int().nonnegative(),
  generatedAt: z.iso.datetime(),
});

/** The shift's totals, frozen at close: it never changes afterwards. */
export const zReportSchema = z.object({
  shiftId: z.string(),
  shiftNumber: z.number().int().positive(),
  tillId: z.string(),
  tillName: z.string().describe("the till's name when the shift closed (settings.tillName)"),
  storeName: z.string(),
  currency: z.string(),
  openedBy: staffRefSchema,
  openedAt: z.iso.datetime(),
  closingStartedAt: z.iso.datetime(),
  closedBy: staffRefSchema,
  closedAt: z.iso.datetime(),
  sales: salesSummarySchema.nullable(),
  cash: cashFiguresSchema.extend({
    openingCounts: z.array(countedLineSchema).nullable(),
    counted: z.array(countedLineSchema),
    countedTotalMinor: z.string(),
    differenceMinor: minorAmountSchema.describe('counted − expected: negative when short'),
  }),
  movements: z.array(cashMovementSchema),
  noSales: z.number().int().nonnegative(),
  note: z.string().nullable(),
  generatedAt: z.iso.datetime(),
});

export type ShiftView = z.output<typeof shiftSchema>;
export type CashFiguresView = z.output<typeof cashFiguresSchema>;
export type SalesSummaryView = z.output<typeof salesSummarySchema>;
export type CashMovementView = z.output<typeof cashMovementSchema>;
export type XReport = z.output<typeof xReportSchema>;
export type ZReport = z.output<typeof zReportSchema>;

const floatSchema = z.union([
  z.object({ counts: z.array(countEntrySchema).max(100) }).strict(),
  z.object({ amount: fiatAmountSchema.describe('the float as one amount, in minor units') }).strict(),
]);

const approvalSchema = text({ max: 200, min: 1, trim: false })
  .optional()
  .describe("a manager's approval token (staff.approve)");
const reasonSchema = text({ max: 200, min: 1, minMessage: 'give a reason' });

export const shiftsHandlers = [
  defineHandler({
    name: 'shifts.current',
    summary:
      "The till's open (or closing) shift with its live figures (the X report), or null when none is open. " +
      "Under the store's blind count a cashier's X report holds its figures back (xReport.blind).",
    permission: 'session',
    input: z.object({}).strict(),
    output: z.object({ shift: shiftSchema.nullable(), xReport: xReportSchema.nullable() }),
  }),
  defineHandler({
    name: 'shifts.open',
    summary:
      'Opens a shift with its counted float (per denomination, or as one amount). One shift at a time per till.',
    permission: 'shift.manage',
    input: z.object({ float: floatSchema }).strict(),
    output: z.object({ shift: shiftSchema }),
  }),
  defineHandler({
    name: 'shifts.startClose',
    summary: 'Starts closing the open shift: payments are refused until the close is finished or cancelled.',
    permission: 'shift.manage',
    input: z.object({}).strict(),
    output: z.object({ shift: shiftSchema, xReport: xReportSchema }),
  }),
  defineHandler({
    name: 'shifts.cancelClose',
    summary: 'Cancels the close of the shift: it is open again and takes payments.',
    permission: 'shift.manage',
    input: z.object({}).strict(),
    output: z.object({ shift: shiftSchema }),
  }),
  defineHandler({
    name: 'shifts.carryPayments',
    summary:
      'Lets the shift close without waiting for its payments still in flight (a reader, a chain): they count in ' +
      "the shift they settle in. Needs a manager's approval (action carry_payments, ref: the shift id).",
    permission: 'shift.manage',
    input: z.object({ approval: approvalSchema }).strict(),
    output: z.object({ carried: z.number().int().nonnegative() }),
  }),
  defineHandler({
    name: 'shifts.close',
    summary:
      'Closes the closing shift with the drawer counted per denomination: books the difference to over/short, ' +
      'deposits the counted cash to the safe, and freezes the Z report, in one transaction.',
    permission: 'shift.manage',
    input: z
      .object({ counts: z.array(countEntrySchema).max(100), note: text({ max: 500 }).optional() })
      .strict(),
    output: z.object({ shift: shiftSchema, zReport: zReportSchema }),
  }),
  defineHandler({
    name: 'shifts.checkCount',
    summary:
      'Checks a count of the closing shift without closing it: the counted total, the expected cash and the ' +
      'difference (over/short), as shifts.close would book them. Writes only an audit line (shifts.count_checked), ' +
      'so a manager sees how often a count was checked; under a blind count the cashier confirms or recounts ' +
      'with the over/short alone.',
    permission: 'shift.manage',
    input: z.object({ counts: z.array(countEntrySchema).max(100) }).strict(),
    output: z.object({
      countedTotalMinor: z.string(),
      expectedCashMinor: minorAmountSchema
        .nullable()
        .describe('null under a blind count for staff without reports.read (the over/short still shows)'),
      differenceMinor: minorAmountSchema.describe('counted − expected: negative when the drawer is short'),
    }),
  }),
  defineHandler({
    name: 'shifts.zReport',
    summary:
      "A closed shift's Z report, as frozen at close. Needs reports.read, except for the staff member who closed it.",
    permission: 'session',
    input: z.object({ shiftId: ulidSchema }).strict(),
    output: z.object({ zReport: zReportSchema }),
  }),
  defineHandler({
    name: 'shifts.list',
    summary: "The till's shifts, newest first.",
    permission: 'reports.read',
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(1_000_000_000).default(0),
      })
      .strict(),
    output: z.object({ shifts: z.array(shiftSchema), total: z.number().int().nonnegative() }),
  }),
  defineHandler({
    name: 'shifts.denominations',
    summary: 'The bills and coins of the store currency, smallest first, for the cash count screen.',
    permission: 'session',
    input: z.object({}).strict(),
    output: z.object({
      currency: z.string(),
      fallback: z
        .boolean()
        .describe('true when the currency has no table and a generic 1-2-5 series stands in'),
      denominations: z.array(
        z.object({ denominationMinor: z.string(), kind: z.enum(['coin', 'note']), label: z.string() }),
      ),
    }),
  }),
  defineHandler({
    name: 'shifts.cashMovement',
    summary:
      'Moves cash in or out of the drawer during the shift: pay_in (from the safe), drop (to the safe), ' +
      "pay_out (petty cash; a cashier needs a manager's approval).",
    permission: 'shift.manage',
    input: z
      .object({
        kind: z.enum(cashMovementKinds),
        amount: positiveMinorAmountSchema,
        reason: reasonSchema,
        approval: approvalSchema,
      })
      .strict(),
    output: z.object({
      movement: cashMovementSchema,
      expectedCashMinor: minorAmountSchema
        .nullable()
        .describe('what the drawer should hold now; null under a blind count for staff without reports.read'),
    }),
  }),
  defineHandler({
    name: 'drawer.noSale',
    summary: "Opens the cash drawer without a sale (a cashier needs a manager's approval); audited.",
    permission: 'sales.sell',
    input: z.object({ reason: reasonSchema, approval: approvalSchema }).strict(),
    output: z.object({
      id: z.string(),
      shiftId: z.string().nullable(),
      approvedBy: staffRefSchema,
      at: z.iso.datetime(),
    }),
  }),
] as const;

export const shiftsEvents = [
  defineEvent({
    name: 'shift.updated',
    summary: 'A shift was opened, started closing, went back to open, or closed.',
    payload: z.object({ shift: shiftSchema }),
  }),
  defineEvent({
    name: 'drawer.open',
    summary: 'The cash drawer should open now (the Electron shell kicks it through the receipt printer).',
    payload: z.object({
      cause: z.enum(drawerOpenCauses),
      shiftId: z.string().nullable(),
      staffId: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  }),
] as const;
