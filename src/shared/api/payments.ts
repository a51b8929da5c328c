/**
 * The `payments.*` handlers: tenders that pay an order. Cash here (amount tendered, change, cash
 * rounding when the payment settles the order, split tender with `amount`); card, crypto and store
 * coins plug into the same payments service. Amounts are decimal strings of minor units.
 */
import { z } from 'zod';
import { nonNegativeMinorAmountSchema } from '../money';
import { defineHandler } from './define';
import { orderIdSchema, orderViewSchema, paymentViewSchema } from './orders';

export const paymentsHandlers = [
  defineHandler({
    name: 'payments.cash',
    summary:
      'Takes cash for an open order: what the customer handed over, and for a split tender how much of it to ' +
      'apply. When nothing is left to pay the order is paid in the same transaction. Retrying with the same ' +
      'paymentId returns the first result and writes nothing twice.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: orderIdSchema,
        paymentId: orderIdSchema.optional().describe('a ULID made by the client: the idempotency key'),
        tendered: nonNegativeMinorAmountSchema.describe('what the customer handed over'),
        amount: nonNegativeMinorAmountSchema
          .optional()
          .describe('split tender: apply only this much; absent: pay everything due'),
      })
      .strict(),
    output: z.object({ payment: paymentViewSchema, changeMinor: z.string(), order: orderViewSchema }),
  }),
  defineHandler({
    name: 'payments.quickAmounts',
    summary:
      'The amounts to offer for a cash payment: the exact cash amount due, the next whole unit, and the next 5, ' +
      '10, 20, 50 and 100 bills above it.',
    permission: 'sales.sell',
    input: z.object({ orderId: orderIdSchema }).strict(),
    output: z.object({ cashAmountDueMinor: z.string(), amountsMinor: z.array(z.string()) }),
  }),
] as const;
