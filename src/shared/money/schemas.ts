/**
 * zod schemas for amounts in API contracts. JSON carries an amount as a decimal string of minor units
 * (`"1250"` is $12.50 when the asset is USD), never as a JSON number; handlers turn it into a bigint with
 * `BigInt(text)`.
 *
 * The bound of every amount a caller sends — the rule, kept next to the code that keeps it:
 *
 * - An amount of an asset is at most **one trillion whole units** of it: 10^(scale + 12) minor units
 *   (`maxMinorUnits`). USD 10^14 cents ($1,000,000,000,000), JPY 10^12 yen, BTC 10^20 sats, ETH 10^30
 *   wei. Larger than any real sale, in any asset, and far below where anything breaks (bigint math,
 *   TEXT columns, the ledger's balances and cursors).
 * - Where the input names the asset (`moneySchema`, a price with its currency), the amount is checked
 *   against that asset's maximum.
 * - Amounts in the store currency (discounts, tips, prices of custom items, cash movements, floats,
 *   denominations) name no asset; the store currency is always a fiat currency, and no ISO 4217
 *   currency has more than 4 decimals, so they are bounded by the largest fiat maximum, 10^16 minor
 *   units (`maxFiatMinorUnits`). A handler that needs the exact bound of the store currency calls
 *   `amountTooLarge(amount, currency)`.
 * - Any other amount is bounded by the largest maximum of all, 10^30 (`maxAnyMinorUnits`, 18 decimals).
 *
 * Every amount schema checks its length first, then its digits, then its size, and stops at the first
 * failure: `BigInt()` only ever sees at most 32 checked digits, so a million-digit price is refused
 * at once and nothing throws. Output schemas (sums a core computed) check the format only.
 */
import { z } from 'zod';
import { assetScale, isKnownAsset } from './assets';

/** At most one trillion whole units of an asset (see the rule above). */
const maxWholeUnitsExponent = 12;
/** The most decimals of any asset this till knows (ETH and DAI: 18). */
const maxAssetScale = 18;
/** The most decimals of an ISO 4217 currency (CLF and UYW: 4). */
const maxFiatScale = 4;

/** The largest amount of `asset` a caller may send, in minor units: 10^(scale + 12). */
export function maxMinorUnits(asset: string): bigint {
  return 10n ** BigInt(assetScale(asset) + maxWholeUnitsExponent);
}

/** The largest amount in the store currency (any fiat currency): 10^16 minor units. */
export const maxFiatMinorUnits = 10n ** BigInt(maxFiatScale + maxWholeUnitsExponent);

/** The largest amount of any asset: 10^30 minor units (10^12 ETH in wei). */
export const maxAnyMinorUnits = 10n ** BigInt(maxAssetScale + maxWholeUnitsExponent);

/** Whether `amount` of `asset` is beyond its maximum (either sign). False for an unknown asset. */
export function amountTooLarge(amount: bigint, asset: string): boolean {
  if (!isKnownAsset(asset)) return false;
  const max = maxMinorUnits(asset);
  return amount > max || amount < -max;
}

/** What to tell a person whose amount of `asset` is too large. */
export function amountTooLargeMessage(asset: string): string {
  return `is too large: at most ${maxMinorUnits(asset)} minor units of ${asset} (one trillion ${asset})`;
}

export interface AmountTextOptions {
  /** Which amounts are allowed: any sign, zero and above, or above zero. */
  sign: 'any' | 'nonNegative' | 'positive';
  /** The largest magnitude, in minor units. */
  max: bigint;
}

const digitsMessage = {
  any: 'must be a whole number of minor units as a string of digits, e.g. "1250" for 12.50',
  nonNegative:
    'must be a non-negative whole number of minor units as a string of digits, e.g. "1250" for 12.50',
  positive: 'must be a whole number of minor units above 0 as a string of digits, e.g. "1250" for 12.50',
} as const;

/** Whether checked digits are within ±max: compares lengths first, so it is cheap on any text. */
function withinMax(text: string, max: bigint): boolean {
  const digits = text.startsWith('-') ? text.slice(1) : text;
  const maxDigits = max.toString();
  if (digits.replace(/^0+(?=\d)/, '').length > maxDigits.length) return false;
  return BigInt(digits) <= max;
}

/**
 * An amount a caller sends: a whole number of minor units as a decimal string, within ±`max`. The
 * length, the digits, the size and the sign are checked in that order, each stopping the rest.
 */
export function amountText(options: AmountTextOptions) {
  const { sign, max } = options;
  const maxLength = max.toString().length + (sign === 'any' ? 1 : 0);
  let schema = z
    .string()
    .max(maxLength, { message: `is too long: at most ${maxLength} characters`, abort: true })
    .regex(sign === 'any' ? /^-?\d+$/ : /^\d+$/, { message: digitsMessage[sign], abort: true })
    .refine((text) => withinMax(text, max), {
      message: `is too large: at most ${max} minor units`,
      abort: true,
    });
  if (sign === 'positive') {
    schema = schema.refine((text) => /[1-9]/.test(text), { message: 'must be more than 0', abort: true });
  }
  return schema;
}

/** A whole number of minor units as a decimal string: `"1250"`, `"-300"`, `"0"`. Format only: for outputs. */
export const minorAmountSchema = z.string().regex(/^-?\d+$/, { message: digitsMessage.any, abort: true });

/** A whole, non-negative number of minor units as a decimal string. Format only: for outputs. */
export const nonNegativeMinorAmountSchema = z
  .string()
  .regex(/^\d+$/, { message: digitsMessage.nonNegative, abort: true });

/** An amount of any asset a caller sends, within ±10^30. */
export const minorAmountInputSchema = amountText({ sign: 'any', max: maxAnyMinorUnits });

/** An amount in the store currency a caller sends, 0 or more, at most 10^16. */
export const fiatAmountSchema = amountText({ sign: 'nonNegative', max: maxFiatMinorUnits });

/** An amount in the store currency a caller sends, above 0, at most 10^16. */
export const positiveFiatAmountSchema = amountText({ sign: 'positive', max: maxFiatMinorUnits });

/** An asset code this till knows (`USD`, `JPY`, `BTC`, `USDC`, `COIN`, ...). */
export const assetCodeSchema = z
  .string()
  .max(8, { message: 'must be an asset code of at most 8 characters', abort: true })
  .refine(isKnownAsset, {
    message: 'must be a known asset code in upper case, e.g. "USD", "BTC", "USDC" or "COIN"',
    abort: true,
  });

/**
 * An amount with its asset, `{ "amount": "1250", "asset": "USD" }` ($12.50), within the asset's
 * maximum; the keys are named by the caller (`amount`/`asset`, or `amount`/`currency` in a price).
 */
export function assetAmountSchema<K extends string, A extends string>(
  amountKey: K,
  assetKey: A,
  sign: AmountTextOptions['sign'] = 'any',
) {
  return z
    .object({
      [amountKey]: amountText({ sign, max: maxAnyMinorUnits }),
      [assetKey]: assetCodeSchema,
    } as { [P in K]: ReturnType<typeof amountText> } & { [P in A]: typeof assetCodeSchema })
    .superRefine((value, ctx) => {
      const record = value as Record<string, string>;
      const asset = record[assetKey] as string;
      const amount = record[amountKey] as string;
      if (!/^-?\d{1,40}$/.test(amount) || !isKnownAsset(asset)) return;
      if (amountTooLarge(BigInt(amount), asset)) {
        ctx.addIssue({ code: 'custom', path: [amountKey], message: amountTooLargeMessage(asset) });
      }
    });
}

/** An amount with its asset: `{ "amount": "1250", "asset": "USD" }` is $12.50. */
export const moneySchema = assetAmountSchema('amount', 'asset');

export type MoneyJson = z.infer<typeof moneySchema>;
