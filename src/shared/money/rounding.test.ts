import { describe, expect, it } from 'vitest';
import { divideRounded, type RoundingMode, roundToIncrement } from './rounding';

describe('divideRounded', () => {
  it.each<[bigint, bigint, RoundingMode, bigint]>([
    [10n, 4n, 'up', 3n], // 2.5
    [10n, 4n, 'down', 2n],
    [10n, 4n, 'half_up', 3n],
    [10n, 4n, 'half_even', 2n],
    [14n, 4n, 'half_even', 4n], // 3.5 → 4
    [-10n, 4n, 'up', -3n], // away from zero
    [-10n, 4n, 'down', -2n], // toward zero
    [-10n, 4n, 'half_up', -3n],
    [-10n, 4n, 'half_even', -2n],
    [-14n, 4n, 'half_even', -4n],
    [9n, 4n, 'half_up', 2n], // 2.25
    [11n, 4n, 'half_even', 3n], // 2.75
    [1n, 3n, 'up', 1n],
    [1n, 3n, 'half_up', 0n],
    [12n, 4n, 'up', 3n], // exact
    [0n, 7n, 'up', 0n],
    [10n ** 40n + 1n, 10n ** 22n, 'up', 10n ** 18n + 1n],
    [10n ** 40n + 5n * 10n ** 21n, 10n ** 22n, 'half_even', 10n ** 18n],
  ])('%s / %s %s → %s', (numerator, denominator, mode, result) => {
    expect(divideRounded(numerator, denominator, mode)).toBe(result);
  });

  it('refuses a zero or negative divisor and an unknown mode', () => {
    expect(() => divideRounded(1n, 0n, 'up')).toThrowError(/divisor must be positive/);
    expect(() => divideRounded(1n, -2n, 'up')).toThrowError(/divisor must be positive/);
    expect(() => divideRounded(1n, 2n, 'ceiling' as RoundingMode)).toThrowError(
      /Unknown rounding mode "ceiling"/,
    );
  });
});

describe('roundToIncrement', () => {
  // CAD cash rounding: half up to 5 cents.
  it.each<[bigint, bigint]>([
    [1000n, 1000n],
    [1001n, 1000n],
    [1002n, 1000n],
    [1003n, 1005n],
    [1004n, 1005n],
    [1005n, 1005n],
    [1006n, 1005n],
    [1007n, 1005n],
    [1008n, 1010n],
    [1009n, 1010n],
    [-1003n, -1005n],
    [-1002n, -1000n],
    [2n, 0n],
  ])('CAD %s → %s', (amountMinor, rounded) => {
    expect(roundToIncrement(amountMinor, 5n, 'half_up')).toBe(rounded);
  });

  it.each<[bigint, bigint, RoundingMode, bigint]>([
    [1005n, 10n, 'half_up', 1010n],
    [1005n, 10n, 'half_even', 1000n],
    [1015n, 10n, 'half_even', 1020n],
    [1001n, 10n, 'up', 1010n],
    [1009n, 10n, 'down', 1000n],
    [-1005n, 10n, 'half_up', -1010n],
    [1250n, 1n, 'half_up', 1250n],
    [149n, 100n, 'half_up', 100n],
    [150n, 100n, 'half_up', 200n],
    [12345678901234567890123n, 1000n, 'half_even', 12345678901234567890000n],
  ])('%s to %s %s → %s', (amountMinor, increment, mode, rounded) => {
    expect(roundToIncrement(amountMinor, increment, mode)).toBe(rounded);
  });

  it.each([[0n], [-5n]])('refuses increment %s', (increment) => {
    expect(() => roundToIncrement(100n, increment, 'half_up')).toThrowError(
      expect.objectContaining({ code: 'bad_input' }),
    );
  });
});
