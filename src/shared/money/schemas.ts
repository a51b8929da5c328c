/**
 * zod schemas for amounts in API contracts. JSON carries an amount as a decimal string of minor units
 * (`"1250"` is $12.50 when the asset is USD), never as a JSON number; handlers turn it into a bigint with
 * `BigInt(text)`.
 */
import { z } from 'zod';
import { isKnownAsset } from './assets';

/** A whole number of minor units as a decimal string: `"1250"`, `"-300"`, `"0"`. */
export const minorAmountSchema = z
  .string()
  .regex(/^-?\d+$/, 'must be a whole number of minor units as a string of digits, e.g. "1250" for 12.50');

/** A whole, non-negative number of minor units as a decimal string: `"1250"`, `"0"`. */
export const nonNegativeMinorAmountSchema = z
  .string()
  .regex(
    /^\d+$/,
    'must be a non-negative whole number of minor units as a string of digits, e.g. "1250" for 12.50',
  );

/** An asset code this till knows (`USD`, `JPY`, `BTC`, `USDC`, `COIN`, ...). */
export const assetCodeSchema = z.string().refine(isKnownAsset, {
  message: 'must be a known asset code in upper case, e.g. "USD", "BTC", "USDC" or "COIN"',
});

/** An amount with its asset: `{ "amount": "1250", "asset": "USD" }` is $12.50. */
export const moneySchema = z.object({ amount: minorAmountSchema, asset: assetCodeSchema });

export type MoneyJson = z.infer<typeof moneySchema>;
