/**
 * The `memberships.*` handlers: tiers (Basic, Premium, VIP, ...) with a discount percent, a period in
 * months and a price per currency or in store coins; sold at the counter as an order line (applied
 * when the order is paid) or renewed from the coin balance (also by itself when it runs out, if the
 * customer chose so); the discount is applied to an order of a member while the membership is valid.
 */
import { z } from 'zod';
import { amountText, assetCodeSchema, maxMinorUnits, positiveFiatAmountSchema } from '../money/schemas';
import { percentText, text, ulidText } from './bounds';
import { customerIdSchema } from './customers';
import { defineHandler } from './define';
import { orderViewSchema } from './orders';

export const tierViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  discountPercent: z.string(),
  periodMonths: z.number().int(),
  prices: z.array(z.object({ currency: z.string(), amount: z.string() })),
  coinPrice: z.string().nullable(),
  active: z.boolean(),
});

export const membershipViewSchema = z.object({
  customerId: z.string(),
  tier: tierViewSchema,
  validFrom: z.string(),
  validUntil: z.string(),
  valid: z.boolean(),
  daysLeft: z.number().int().describe('whole days until it ends (0 once ended)'),
  endsSoon: z.boolean().describe('valid, and ends within 7 days: remind the customer'),
  autoRenew: z.boolean().describe('renews itself from the coin balance when it ends'),
  source: z.enum(['sale', 'coins']),
});

export const membershipsHandlers = [
  defineHandler({
    name: 'memberships.tiers',
    summary: 'The membership tiers (those on sale unless all is asked).',
    permission: 'sales.sell',
    input: z.object({ all: z.boolean().optional() }).strict(),
    output: z.object({ tiers: z.array(tierViewSchema) }),
  }),
  defineHandler({
    name: 'memberships.saveTier',
    summary: 'Adds or changes a tier: its discount, its period, its price per currency and in coins.',
    permission: 'settings.edit',
    input: z
      .object({
        tierId: ulidText().optional(),
        name: text({ max: 60, min: 1, minMessage: 'a tier needs a name' }),
        discountPercent: percentText({ maxDecimals: 2 }),
        periodMonths: z.number().int().min(1).max(60),
        prices: z
          .array(z.object({ currency: assetCodeSchema, amount: positiveFiatAmountSchema }).strict())
          .max(20),
        coinPrice: amountText({ sign: 'positive', max: maxMinorUnits('COIN') })
          .nullable()
          .optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ tier: tierViewSchema }),
  }),
  defineHandler({
    name: 'memberships.addToOrder',
    summary:
      'Sells a period of a tier as a line of an open order, for the order’s customer (or the one given); the ' +
      'membership starts or extends when the order is paid.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: ulidText(),
        tierId: ulidText(),
        customerId: customerIdSchema.optional(),
        approval: text({ max: 200, min: 1, trim: false })
          .optional()
          .describe("a manager's approval (price_override) for a tier priced above the store's threshold"),
      })
      .strict(),
    output: z.object({ order: orderViewSchema }),
  }),
  defineHandler({
    name: 'memberships.renewWithCoins',
    summary:
      'Starts or extends a customer’s membership of a tier, paid from their coin balance (insufficient_funds ' +
      'when short); autoRenew: renew it the same way each time it ends.',
    permission: 'sales.sell',
    input: z
      .object({ customerId: customerIdSchema, tierId: ulidText(), autoRenew: z.boolean().optional() })
      .strict(),
    output: z.object({ membership: membershipViewSchema }),
  }),
  defineHandler({
    name: 'memberships.status',
    summary: 'A customer’s membership (valid or ended, days left, whether to remind them), or null.',
    permission: 'sales.sell',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: z.object({ membership: membershipViewSchema.nullable() }),
  }),
  defineHandler({
    name: 'memberships.applyDiscount',
    summary:
      'Gives an open order its customer’s member discount (the tier’s percent as the order discount) while the ' +
      'membership is valid; above the store’s limit it needs a manager’s approval like any discount.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: ulidText(),
        approval: text({ max: 200, min: 1, trim: false }).optional(),
      })
      .strict(),
    output: z.object({ order: orderViewSchema, discountPercent: z.string() }),
  }),
] as const;
