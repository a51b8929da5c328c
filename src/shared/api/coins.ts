/**
 * The `coins.*` handlers: store coins (asset COIN, scale 0). Packages with bonus coins are sold as order
 * lines (`coins.addTopUp`) and their coins post when the order is paid; coins pay at checkout as the
 * `coins` tender of `payments.start` (from the order's customer, at the store's coin value); gifts and
 * tips between customers; balances, lifetime figures and history per customer; the liability.
 */
import { z } from 'zod';
import { amountText, assetCodeSchema, maxMinorUnits, positiveFiatAmountSchema } from '../money/schemas';
import { percentText, text, ulidText } from './bounds';
import { defineHandler } from './define';
import { customerIdSchema } from './customers';
import { orderViewSchema } from './orders';

/** A number of coins a caller sends: above 0, at most 10^12. */
export const coinsAmountSchema = amountText({ sign: 'positive', max: maxMinorUnits('COIN') });

export const coinPackageSchema = z.object({
  id: z.string(),
  name: z.string(),
  coins: z.string().describe('the coins bought'),
  bonusPercent: z.string(),
  bonusCoins: z.string().describe('coins × bonus %, rounded down to a whole coin'),
  totalCoins: z.string(),
  prices: z.array(z.object({ currency: z.string(), amount: z.string() })),
  active: z.boolean(),
});

export const coinSettingsSchema = z.object({
  currency: z.string().describe('the store currency coins are valued in'),
  coinValueMinor: z.string().describe('what one coin pays, in minor units of the store currency'),
  expiryMonths: z.number().int().nullable().describe('a balance expires this long after its last top-up'),
});

export const coinLifetimeSchema = z.object({
  bought: z.string(),
  bonus: z.string(),
  spent: z.string().describe('net of coins that came back by refunds of coin payments'),
  expired: z.string(),
  giftsIn: z.string(),
  giftsOut: z.string(),
  refunded: z.string().describe('coins taken back by refunds of top-ups'),
});

const balanceSchema = z.object({
  customerId: z.string(),
  balance: z.string(),
  valueMinor: z.string().describe('the balance at the coin value, in the store currency'),
  lifetime: coinLifetimeSchema,
});

const packageInput = z
  .object({
    packageId: ulidText().optional().describe('absent: a new package'),
    name: text({ max: 60, min: 1, minMessage: 'a package needs a name' }),
    coins: coinsAmountSchema,
    bonusPercent: percentText({ maxDecimals: 2 }),
    prices: z
      .array(z.object({ currency: assetCodeSchema, amount: positiveFiatAmountSchema }).strict())
      .min(1)
      .max(20),
    active: z.boolean().optional(),
  })
  .strict();

export const coinsHandlers = [
  defineHandler({
    name: 'coins.packages',
    summary: 'The coin packages (active ones unless all is asked) and the coin settings.',
    permission: 'sales.sell',
    input: z.object({ all: z.boolean().optional() }).strict(),
    output: z.object({ packages: z.array(coinPackageSchema), settings: coinSettingsSchema }),
  }),
  defineHandler({
    name: 'coins.savePackage',
    summary: 'Adds or changes a coin package (coins, bonus %, a price per currency).',
    permission: 'settings.edit',
    input: packageInput,
    output: z.object({ package: coinPackageSchema }),
  }),
  defineHandler({
    name: 'coins.saveSettings',
    summary: 'Sets the value of one coin in the store currency and the months after which a balance expires.',
    permission: 'settings.edit',
    input: z
      .object({
        coinValueMinor: amountText({ sign: 'positive', max: 10n ** 8n }),
        expiryMonths: z.number().int().min(1).max(120).nullable(),
      })
      .strict(),
    output: z.object({ settings: coinSettingsSchema }),
  }),
  defineHandler({
    name: 'coins.addTopUp',
    summary:
      'Adds a coin package to an open order as a line, for the order’s customer (or the one given, who ' +
      'becomes the order’s customer); its coins post to them when the order is paid.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: ulidText(),
        packageId: ulidText(),
        customerId: customerIdSchema.optional(),
        approval: text({ max: 200, min: 1, trim: false })
          .optional()
          .describe("a manager's approval (price_override) for a package priced above the store's threshold"),
      })
      .strict(),
    output: z.object({ order: orderViewSchema }),
  }),
  defineHandler({
    name: 'coins.balance',
    summary: 'A customer’s coin balance, its value, and lifetime bought / bonus / spent / expired / gifts.',
    permission: 'sales.sell',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: balanceSchema,
  }),
  defineHandler({
    name: 'coins.history',
    summary: 'A customer’s coin movements, newest first, with the balance after each.',
    permission: 'sales.sell',
    input: z.object({ customerId: customerIdSchema }).strict(),
    output: z.object({
      entries: z.array(
        z.object({
          id: z.string(),
          at: z.string(),
          kind: z.string(),
          coins: z.string().describe('signed: + in, − out'),
          balanceAfter: z.string(),
          ref: z.string(),
          message: z.string().nullable(),
        }),
      ),
    }),
  }),
  defineHandler({
    name: 'coins.gift',
    summary:
      'Moves coins from one customer to another as a gift or a tip, with a message; refused with ' +
      'insufficient_funds (required and available) when the giver’s balance is short.',
    permission: 'sales.sell',
    input: z
      .object({
        fromCustomerId: customerIdSchema,
        toCustomerId: customerIdSchema,
        coins: coinsAmountSchema,
        kind: z.enum(['gift', 'tip']).optional(),
        message: text({ max: 280 }).optional(),
      })
      .strict(),
    output: z.object({ from: balanceSchema, to: balanceSchema }),
  }),
  defineHandler({
    name: 'coins.liability',
    summary:
      'The coins outstanding (the sum of every customer’s balance) and their value, and what the store has ' +
      'issued, redeemed and written off as breakage.',
    permission: 'reports.read',
    input: z.object({}).strict(),
    output: z.object({
      outstandingCoins: z.string(),
      outstandingValueMinor: z.string(),
      liabilityMinor: z.string().describe('the coins_liability account in the store currency'),
      breakageMinor: z.string(),
      currency: z.string(),
    }),
  }),
] as const;
