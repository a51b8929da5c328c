import { describe, expect, it } from 'vitest';
import { discountOverLimit } from './cart';

describe('discountOverLimit: the limit is money rounded like a percent discount', () => {
  it.each([
    // applied, base, limit %, rounding, over?
    [33n, 325n, '10', 'half_up', false], // exactly 10% of $3.25 (0.325 → 0.33) is within the limit
    [34n, 325n, '10', 'half_up', true],
    [32n, 325n, '10', 'half_even', false], // half-even: 0.325 → 0.32
    [33n, 325n, '10', 'half_even', true],
    [210n, 2100n, '10', 'half_up', false],
    [211n, 2100n, '10', 'half_up', true],
    [0n, 2100n, '0', 'half_up', false], // no discount is never over
    [1n, 2100n, '0', 'half_up', true], // a 0% limit: any discount needs a manager
    [2100n, 2100n, '100', 'half_up', false],
    [1250n, 10000n, '12.5', 'half_up', false],
    [1251n, 10000n, '12.5', 'half_up', true],
  ] as const)('%s off %s with a %s%% limit (%s) → over: %s', (applied, base, limit, mode, over) => {
    expect(discountOverLimit(applied, base, limit, mode)).toBe(over);
  });
});
