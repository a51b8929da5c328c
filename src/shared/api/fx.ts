/**
 * The `fx.*` handlers: foreign cash. A manager sets the rate of each foreign currency the till accepts;
 * a cashier takes foreign notes for a sale at that rate (`fx.cash`, the `foreign_cash` tender of the
 * payments flow, decided at once): the notes are credited at their value in the store currency rounded
 * up (the customer's favour), the change is given in the store currency, and the exact value, the
 * credited amount and their difference are kept; `fx.position` says what foreign cash the till holds
 * and what it was credited at.
 */
import { z } from 'zod';
import { assetCodeSchema, positiveFiatAmountSchema } from '../money/schemas';
import { text, ulidText } from './bounds';
import { defineHandler } from './define';
import { orderViewSchema, paymentViewSchema } from './orders';

const rateText = text({
  max: 24,
  pattern: /^(?!0+(\.0+)?$)\d{1,12}(\.\d{1,8})?$/,
  patternMessage: 'must be a rate above 0 like "1.0850" (at most 12 digits and 8 decimals)',
});

const rateViewSchema = z.object({
  currency: z.string(),
  rate: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});

export const fxHandlers = [
  defineHandler({
    name: 'fx.setRate',
    summary:
      'Sets the rate of a foreign currency the till accepts as cash: how many units of the store currency one ' +
      'unit of it is worth.',
    permission: 'sales.refund',
    input: z.object({ currency: assetCodeSchema, rate: rateText }).strict(),
    output: z.object({ rate: rateViewSchema }),
  }),
  defineHandler({
    name: 'fx.rates',
    summary: 'The foreign currencies this till accepts as cash, with their rates.',
    permission: 'sales.sell',
    input: z.object({}).strict(),
    output: z.object({ storeCurrency: z.string(), rates: z.array(rateViewSchema) }),
  }),
  defineHandler({
    name: 'fx.cash',
    summary:
      'Takes foreign cash for an open order at the manager-set rate: credited in the store currency rounded up ' +
      '(the customer’s favour), change in the store currency; decided at once. Retrying with the same paymentId ' +
      'writes nothing twice.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: ulidText(),
        paymentId: ulidText().optional(),
        currency: assetCodeSchema,
        tendered: positiveFiatAmountSchema.describe(
          'the notes handed over, in minor units of the foreign currency',
        ),
      })
      .strict(),
    output: z.object({
      payment: paymentViewSchema,
      order: orderViewSchema,
      creditedMinor: z.string().describe('what the notes were credited at, in the store currency'),
      changeMinor: z.string().describe('change in the store currency'),
    }),
  }),
  defineHandler({
    name: 'fx.position',
    summary:
      'Per foreign currency: the notes taken, what they were credited at in the store currency, and the ' +
      'rounding difference given to customers.',
    permission: 'reports.read',
    input: z.object({}).strict(),
    output: z.object({
      positions: z.array(
        z.object({
          currency: z.string(),
          heldMinor: z.string(),
          creditedMinor: z.string(),
          differenceTotal: z
            .string()
            .describe('credited minus exact value, in store currency units (decimal)'),
        }),
      ),
    }),
  }),
] as const;
