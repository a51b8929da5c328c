/**
 * The `payments.*` handlers and the `payment.updated` event. Every tender goes through one flow:
 * `payments.start` writes the payment as `pending` (a pending ledger transfer) and asks the tender;
 * the tender's answer, now or later, posts it (`succeeded`) or voids it (`failed`, `canceled`,
 * `expired`). The order is paid when its last payment posts. `payments.cash` is the cash tender's
 * short way through the same flow. Amounts are decimal strings of minor units.
 */
import { z } from 'zod';
import { fiatAmountSchema } from '../money';
import { ulidText } from './bounds';
import { defineEvent, defineHandler } from './define';
import {
  orderIdSchema,
  orderViewSchema,
  paymentStatusValues,
  paymentViewSchema,
  tenderKindSchema,
} from './orders';

export const tenderStateValues = ['ready', 'not_set_up', 'offline'] as const;

export const tenderInfoSchema = z.object({
  kind: tenderKindSchema,
  label: z.string().describe('what the cashier reads on the tender button'),
  state: z.enum(tenderStateValues),
  reason: z.string().nullable().describe('why it is not ready, worded for the cashier'),
  settlesAtOnce: z.boolean().describe('true when a payment is decided the moment it starts (cash)'),
});

/** At most this many entries in `payments.start`'s `options`. */
export const tenderOptionsMaxEntries = 8;

/**
 * A tender's own options for one payment (crypto: `{ chainKey, asset }`): short keys to short
 * strings, finite numbers or booleans. A tender refuses keys it does not know (bad_input).
 */
export const tenderOptionsSchema = z
  .record(
    z
      .string()
      .max(32)
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'an option name is a letter then up to 31 letters, digits or _'),
    z.union([z.string().max(100), z.number().finite(), z.boolean()]),
  )
  .refine((options) => Object.keys(options).length <= tenderOptionsMaxEntries, {
    message: `at most ${tenderOptionsMaxEntries} options`,
  });

const paymentResultSchema = z.object({
  payment: paymentViewSchema,
  changeMinor: z.string(),
  order: orderViewSchema,
});

export const paymentsHandlers = [
  defineHandler({
    name: 'payments.tenders',
    summary:
      'The tenders this till can take, each with its state (ready, not set up, offline) and why; the checkout ' +
      'draws its tender buttons from this list.',
    permission: 'sales.sell',
    input: z.object({}).strict(),
    output: z.object({ tenders: z.array(tenderInfoSchema) }),
  }),
  defineHandler({
    name: 'payments.start',
    summary:
      'Starts a payment of an open order with a tender: written as pending (what it collects counts in the due at ' +
      'once), then the tender decides it now (cash) or later (a card reader, a chain). Retrying with the same ' +
      'paymentId returns the payment as it is and writes nothing twice.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        paymentId: orderIdSchema.optional().describe('a ULID made by the client: the idempotency key'),
        tender: tenderKindSchema,
        amount: fiatAmountSchema
          .optional()
          .describe('split tender: collect only this much; absent: everything due'),
        tendered: fiatAmountSchema.optional().describe('cash: what the customer handed over'),
        options: tenderOptionsSchema
          .optional()
          .describe(
            "the tender's own options (crypto: { chainKey, asset }); a tender refuses ones it does not know",
          ),
      })
      .strict(),
    output: paymentResultSchema,
  }),
  defineHandler({
    name: 'payments.get',
    summary: 'One payment as it is now.',
    permission: 'sales.sell',
    input: z.object({ paymentId: orderIdSchema }).strict(),
    output: z.object({ payment: paymentViewSchema, orderId: z.string() }),
  }),
  defineHandler({
    name: 'payments.cancel',
    summary:
      'Cancels a payment still in flight (the reader stops collecting). A payment already decided cannot be ' +
      'cancelled: void the order or refund it instead.',
    permission: 'sales.sell',
    input: z.object({ paymentId: orderIdSchema }).strict(),
    output: z.object({ payment: paymentViewSchema, order: orderViewSchema }),
  }),
  defineHandler({
    name: 'payments.cash',
    summary:
      'Takes cash for an open order: what the customer handed over, and for a split tender how much of it to ' +
      'apply. The same flow as payments.start with the cash tender, decided at once; when nothing is left to ' +
      'pay the order is paid in the same transaction. Retrying with the same paymentId returns the first result ' +
      'and writes nothing twice.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        paymentId: orderIdSchema.optional().describe('a ULID made by the client: the idempotency key'),
        tendered: fiatAmountSchema.describe('what the customer handed over'),
        amount: fiatAmountSchema
          .optional()
          .describe('split tender: apply only this much; absent: pay everything due'),
      })
      .strict(),
    output: paymentResultSchema,
  }),
  defineHandler({
    name: 'payments.quickAmounts',
    summary:
      'The amounts to offer for a cash payment: the exact cash amount due, the next whole unit, and the next 5, ' +
      '10, 20, 50 and 100 bills above it, each with the change it gives (`options`); with `tendered`, what ' +
      'that typed amount would give back or why it cannot be taken (`typed`). With `amount` (a split tender), ' +
      'the options pay that much. Writes nothing: the cashier sees the change before taking the payment.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        amount: fiatAmountSchema.optional().describe('split tender: the part of the sale to pay in cash now'),
        tendered: fiatAmountSchema.optional().describe('what the cashier typed as handed over'),
      })
      .strict(),
    output: z.object({
      cashAmountDueMinor: z.string(),
      amountsMinor: z.array(z.string()),
      options: z.array(z.object({ tenderedMinor: z.string(), changeMinor: z.string() })),
      typed: z
        .union([
          z.object({ ok: z.literal(true), tenderedMinor: z.string(), changeMinor: z.string() }),
          z.object({ ok: z.literal(false), tenderedMinor: z.string(), problem: z.string() }),
        ])
        .nullable(),
    }),
  }),
  defineHandler({
    name: 'payments.inFlight',
    summary:
      'Payments and refunds still waiting for their tender (a reader collecting, a chain confirming), oldest ' +
      'first: what a shift close or a void waits for.',
    permission: 'sales.sell',
    input: z.object({ shiftId: ulidText().optional() }).strict(),
    output: z.object({
      payments: z.array(
        paymentViewSchema.extend({
          orderId: z.string(),
          orderNumber: z.number().int(),
          carried: z.boolean().describe('a manager let its shift close without it'),
        }),
      ),
    }),
  }),
] as const;

export const paymentsEvents = [
  defineEvent({
    name: 'payment.updated',
    summary: 'A payment changed state (started, succeeded, failed, canceled, expired, refunded).',
    payload: z.object({
      paymentId: z.string(),
      orderId: z.string(),
      kind: tenderKindSchema,
      status: z.enum(paymentStatusValues),
      amountMinor: z.string(),
      message: z.string().nullable(),
    }),
  }),
] as const;
