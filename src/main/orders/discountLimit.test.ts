import { describe, expect, it } from 'vitest';
import { discountOverLimit } from './cart';
import { uncoveredMeasures } from './discountLimit';

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

describe('uncoveredMeasures: what over the limit no earlier approval covers', () => {
  const limit = { discountLimitPercent: '10', roundingMode: 'half_up' } as const;
  const line = (discountMinor: bigint, baseMinor: bigint) => ({
    key: 'L1',
    label: 'Coffee',
    discountMinor,
    baseMinor,
  });
  it.each([
    // name, before, after, approved before?, newly set?, uncovered?
    ['within the limit', line(10n, 100n), line(10n, 100n), false, false, false],
    ['goes over the limit', line(10n, 100n), line(10n, 50n), false, false, true],
    ['approved, same share on more items', line(50n, 100n), line(100n, 200n), true, false, false],
    ['approved, smaller share', line(50n, 100n), line(50n, 200n), true, false, false],
    ['approved, bigger share', line(50n, 100n), line(50n, 60n), true, false, true],
    ['approved, but set again', line(50n, 100n), line(50n, 100n), true, true, true],
    ['over before but never approved (limit lowered)', line(50n, 100n), line(50n, 100n), false, false, true],
    ['new, nothing before', null, line(50n, 100n), false, false, true],
  ] as const)('%s → uncovered: %s', (_name, before, after, approved, fresh, uncovered) => {
    const result = uncoveredMeasures(
      before ? [before] : [],
      [after],
      new Map([['L1', approved ? 'manager' : null]]),
      fresh ? ['L1'] : [],
      limit,
    );
    expect(result.length > 0).toBe(uncovered);
  });
});
