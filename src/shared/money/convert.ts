/**
 * Converting an amount from one asset to another at a rate, with decimal.js.
 *
 * Which rounding to pass (the caller writes it next to the call):
 * - what a customer owes in crypto for a fiat price: `up`, so the merchant never receives less than the
 *   price (the customer pays at most one unit more);
 * - change and refunds: in the customer's favour, i.e. `up` for what the customer gets back;
 * - anything shown for information only: `half_even`.
 */
import Decimal from 'decimal.js';
import { TillpointError } from '../api/errors';
import { assetScale } from './assets';
import { type RoundingMode, roundingModes } from './rounding';

/**
 * A private Decimal constructor (the global one stays untouched). The product of an amount and a rate is
 * computed exactly as long as their digits together fit in `precision`; inputs larger than that are
 * refused below rather than rounded silently.
 */
const ExactDecimal = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
const maxAmountDigits = 80;
const maxRateDigits = 60;

const decimalRounding: Record<RoundingMode, Decimal.Rounding> = {
  up: Decimal.ROUND_UP, // away from zero
  down: Decimal.ROUND_DOWN, // toward zero
  half_up: Decimal.ROUND_HALF_UP, // nearest, half away from zero
  half_even: Decimal.ROUND_HALF_EVEN, // nearest, half to even
};

const rateFormat = /^\d+(\.\d+)?$/;

/**
 * `amountMinor` of `fromAsset` in minor units of `toAsset`, where `rate` is how many `toAsset` one whole
 * `fromAsset` is worth (a decimal string such as `"0.0000152"` BTC per USD). The exact result is rounded
 * once to a whole minor unit of `toAsset` with `rounding` (see the top of this file for which to use).
 */
export function convert(
  amountMinor: bigint,
  fromAsset: string,
  toAsset: string,
  rate: string,
  rounding: RoundingMode,
): bigint {
  const fromScale = assetScale(fromAsset);
  const toScale = assetScale(toAsset);
  if (typeof amountMinor !== 'bigint') {
    throw new TillpointError(
      'bad_input',
      `The amount to convert must be a bigint, got ${typeof amountMinor}.`,
    );
  }
  if (!(roundingModes as readonly string[]).includes(rounding)) {
    throw new TillpointError(
      'bad_input',
      `Unknown rounding "${String(rounding)}" (expected ${roundingModes.join(', ')}).`,
      {
        rounding,
      },
    );
  }
  if (typeof rate !== 'string' || !rateFormat.test(rate)) {
    throw new TillpointError(
      'bad_input',
      `The rate "${String(rate)}" is not a positive decimal number like "0.0000152".`,
      {
        rate,
        reason: 'bad_rate',
      },
    );
  }
  const exactRate = new ExactDecimal(rate);
  if (exactRate.isZero()) {
    throw new TillpointError('bad_input', `The rate from ${fromAsset} to ${toAsset} must be above zero.`, {
      rate,
      reason: 'zero_rate',
    });
  }
  const amountDigits = (amountMinor < 0n ? -amountMinor : amountMinor).toString().length;
  if (amountDigits > maxAmountDigits || exactRate.sd() > maxRateDigits) {
    throw new TillpointError(
      'bad_input',
      `Cannot convert exactly: the amount may have at most ${maxAmountDigits} digits and the rate ${maxRateDigits} significant digits.`,
      { amountMinor: amountMinor.toString(), rate, reason: 'too_many_digits' },
    );
  }

  // minor(to) = minor(from) / 10^fromScale × rate × 10^toScale; exact at this precision, rounded once.
  const exact = new ExactDecimal(amountMinor.toString())
    .times(exactRate)
    .times(ExactDecimal.pow(10, toScale - fromScale));
  return BigInt(exact.toDecimalPlaces(0, decimalRounding[rounding]).toFixed(0));
}
