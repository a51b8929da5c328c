/**
 * Prices in crypto from prices in fiat, and back, exactly (decimal.js; no float anywhere).
 *
 * The rules (DESIGN.md, Money):
 * - what the customer owes in crypto is rounded UP to the asset's unit, so the merchant never receives
 *   less than the price plus the spread (the customer pays at most one sat / wei / token unit more);
 * - the spread is the merchant's margin over the market rate in basis points: the customer pays the
 *   crypto worth `fiat × (1 + spreadBps / 10,000)` at the market rate;
 * - a fiat value of crypto for reports is rounded half-even to the fiat's minor unit (information only).
 */
import Decimal from 'decimal.js';
import { TillpointError } from '../../shared/api/errors';

/**
 * A private Decimal whose every operation rounds UP (away from zero) at 200 significant digits. The
 * products below are exact (their digits fit); the one division rounds up, so its result is never
 * below the exact quotient, and the final rounding up to a whole unit then gives exactly the ceiling:
 * an exact integer quotient stays itself, any other rounds to the next unit.
 */
const UpDecimal = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
const HalfEvenDecimal = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

export const maxSpreadBps = 10_000;
const maxRateSignificantDigits = 40;
const rateText = /^\d{1,30}(\.\d{1,30})?$/;

function bad(message: string, reason: string, details: Record<string, unknown> = {}): TillpointError {
  return new TillpointError('bad_input', message, { reason, ...details });
}

/** Whether `rate` is a plain decimal string above zero (`"97123.45"`, `"0.9998"`), as quotes carry. */
export function isRateText(rate: unknown): rate is string {
  return typeof rate === 'string' && rateText.test(rate) && /[1-9]/.test(rate);
}

function checkRate(rate: string): Decimal {
  if (!isRateText(rate)) {
    throw bad(
      `The rate "${String(rate).slice(0, 40)}" is not a positive decimal number like "97123.45".`,
      'bad_rate',
    );
  }
  const exact = new UpDecimal(rate);
  if (exact.sd() > maxRateSignificantDigits) {
    throw bad(`The rate "${rate}" has more than ${maxRateSignificantDigits} significant digits.`, 'bad_rate');
  }
  return exact;
}

function checkScale(scale: number, what: string): number {
  if (!Number.isInteger(scale) || scale < 0 || scale > 30)
    throw bad(`The ${what} scale must be 0 to 30.`, 'bad_scale');
  return scale;
}

function checkSpread(spreadBps: number): number {
  if (!Number.isInteger(spreadBps) || spreadBps < 0 || spreadBps > maxSpreadBps) {
    throw bad(`The spread must be a whole number of basis points from 0 to ${maxSpreadBps}.`, 'bad_spread');
  }
  return spreadBps;
}

/**
 * The crypto amount, in the asset's smallest unit, that pays `fiatMinor` (minor units of a fiat with
 * `fiatScale` decimals) at `rate` (fiat per whole unit) plus `spreadBps`:
 *
 *   units = ⌈ fiatMinor / 10^fiatScale × (1 + spreadBps / 10,000) / rate × 10^assetScale ⌉
 *
 * Rounded UP to the unit (see the top of this file). E.g. USD 12.50 at 97,123.45 USD/BTC, no spread:
 * 12.50 / 97,123.45 BTC = 12,870.21… sats → 12,871 sats.
 */
export function cryptoAmountFor(
  fiatMinor: bigint,
  fiatScale: number,
  rate: string,
  spreadBps: number,
  assetScale: number,
): bigint {
  if (typeof fiatMinor !== 'bigint' || fiatMinor < 0n || fiatMinor.toString().length > 40) {
    throw bad('The fiat amount must be a non-negative bigint of minor units.', 'bad_amount');
  }
  checkScale(fiatScale, 'fiat');
  checkScale(assetScale, 'asset');
  checkSpread(spreadBps);
  const exactRate = checkRate(rate);
  // numerator = fiatMinor × (10,000 + spreadBps) × 10^assetScale: an exact integer
  const numerator = new UpDecimal(fiatMinor.toString())
    .times(10_000 + spreadBps)
    .times(new UpDecimal(10).pow(assetScale));
  // denominator = 10^fiatScale × 10,000 × rate: exact
  const denominator = new UpDecimal(10).pow(fiatScale).times(10_000).times(exactRate);
  // Rounded UP: the one inexact step (the division) rounds up, then up to a whole unit.
  const units = numerator.dividedBy(denominator).toDecimalPlaces(0, Decimal.ROUND_UP);
  return BigInt(units.toFixed(0));
}

/**
 * The fiat value, in minor units, of `units` of an asset with `assetScale` decimals at `rate` (fiat
 * per whole unit): for reports and receipts ("0.00012871 BTC ≈ USD 12.50"). Rounded half-even to the
 * fiat's minor unit (information only, see the top of this file).
 */
export function fiatValueOf(units: bigint, assetScale: number, rate: string, fiatScale: number): bigint {
  if (typeof units !== 'bigint' || units.toString().length > 80) {
    throw bad('The crypto amount must be a bigint of the smallest unit.', 'bad_amount');
  }
  checkScale(assetScale, 'asset');
  checkScale(fiatScale, 'fiat');
  const exactRate = new HalfEvenDecimal(checkRate(rate));
  // exact product (digits fit in the precision), one division by a power of ten (exact), one rounding
  const value = new HalfEvenDecimal(units.toString())
    .times(exactRate)
    .times(new HalfEvenDecimal(10).pow(fiatScale))
    .dividedBy(new HalfEvenDecimal(10).pow(assetScale))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN); // half-even: information only
  return BigInt(value.toFixed(0));
}

/**
 * A provider's price (a JSON string `"97123.4500"` or number `97123.45`) as a plain decimal string
 * (`"97123.45"`), or undefined when it is no positive finite price. A JSON number is read through its
 * shortest round-trip text (`String(n)`), which is the provider's own literal for any price of up to
 * 15 significant digits.
 */
export function normalizeRate(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    text = String(value);
  } else if (
    typeof value === 'string' &&
    value.length <= 64 &&
    /^\d+(\.\d+)?([eE][-+]?\d{1,3})?$/.test(value)
  ) {
    text = value;
  } else {
    return undefined;
  }
  const exact = new HalfEvenDecimal(text);
  if (!exact.isFinite() || exact.lte(0) || exact.sd() > maxRateSignificantDigits) return undefined;
  const plain = exact.toFixed();
  return isRateText(plain) ? plain : undefined;
}
