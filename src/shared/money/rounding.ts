/**
 * Exact integer rounding. Every mode works on the magnitude and puts the sign back, so a negative amount
 * (a refund) rounds exactly like its positive mirror:
 * - `up`: away from zero (any remainder adds one unit);
 * - `down`: toward zero (the remainder is dropped);
 * - `half_up`: to the nearest, an exact half away from zero;
 * - `half_even`: to the nearest, an exact half to the even neighbour (banker's rounding).
 */
import { TillpointError } from '../api/errors';

export const roundingModes = ['up', 'down', 'half_up', 'half_even'] as const;
export type RoundingMode = (typeof roundingModes)[number];

function assertRoundingMode(mode: string): asserts mode is RoundingMode {
  if (!(roundingModes as readonly string[]).includes(mode)) {
    throw new TillpointError(
      'bad_input',
      `Unknown rounding mode "${mode}" (expected ${roundingModes.join(', ')}).`,
      {
        mode,
      },
    );
  }
}

/**
 * `numerator / denominator` rounded to an integer with `mode` (see the top of this file). Exact for any
 * size: no float and no precision limit. The denominator must be positive.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  assertRoundingMode(mode);
  if (denominator <= 0n) {
    throw new TillpointError('bad_input', `Cannot divide by ${denominator}: the divisor must be positive.`, {
      denominator: denominator.toString(),
    });
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const remainder = magnitude % denominator;
  let rounded = quotient;
  if (remainder !== 0n) {
    const twiceRemainder = remainder * 2n;
    switch (mode) {
      case 'up':
        rounded = quotient + 1n;
        break;
      case 'down':
        break;
      case 'half_up':
        if (twiceRemainder >= denominator) rounded = quotient + 1n;
        break;
      case 'half_even':
        if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
          rounded = quotient + 1n;
        }
        break;
    }
  }
  return negative ? -rounded : rounded;
}

/**
 * The multiple of `incrementMinor` nearest to `amountMinor` under `mode` (see the top of this file), for
 * cash rounding: CAD rounds cash totals half-up to 5 cents, so x.x1/x.x2 go down to x.x0, x.x3/x.x4 go up
 * to x.x5, x.x6/x.x7 go down to x.x5 and x.x8/x.x9 go up to the next x.x0.
 */
export function roundToIncrement(amountMinor: bigint, incrementMinor: bigint, mode: RoundingMode): bigint {
  if (typeof incrementMinor !== 'bigint' || incrementMinor <= 0n) {
    throw new TillpointError(
      'bad_input',
      `The rounding increment must be a positive amount, got ${String(incrementMinor)}.`,
      {
        incrementMinor: String(incrementMinor),
      },
    );
  }
  return divideRounded(amountMinor, incrementMinor, mode) * incrementMinor;
}
