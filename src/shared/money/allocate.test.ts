import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, splitEvenly } from './allocate';

const huge = 2n ** 64n * 10n ** 18n + 7n; // an 18-decimal amount far beyond 2^63

describe('allocate', () => {
  it.each<[bigint, bigint[], bigint[]]>([
    [1000n, [1n, 1n, 1n], [334n, 333n, 333n]],
    [1001n, [1n, 1n, 1n], [334n, 334n, 333n]],
    [-1000n, [1n, 1n, 1n], [-334n, -333n, -333n]],
    [-1001n, [1n, 1n, 1n], [-334n, -334n, -333n]],
    [100n, [1n, 1n], [50n, 50n]],
    [5n, [1n, 1n], [3n, 2n]],
    [5n, [0n, 1n, 1n], [0n, 3n, 2n]],
    [0n, [3n, 7n], [0n, 0n]],
    [-0n, [1n], [0n]],
    [7n, [10n], [7n]],
    [100n, [1n, 2n, 3n, 4n], [10n, 20n, 30n, 40n]],
    // 1/3 vs 2/3 of 10: 3.33 and 6.67; the larger remainder (.67) gets the unit.
    [10n, [1n, 2n], [3n, 7n]],
    // remainders .2, .4, .4 (weights 1,2,2 of 5 → 1.2, 2.4, 2.4 of 6): the tie goes to the earlier part.
    [6n, [1n, 2n, 2n], [1n, 3n, 2n]],
    [1n, [1n, 1n, 1n, 1n], [1n, 0n, 0n, 0n]],
    [3n, [0n, 0n, 5n], [0n, 0n, 3n]],
    [2000n, [1500n, 500n], [1500n, 500n]],
    [huge, [1n, 1n], [huge / 2n + 1n, huge / 2n]],
    [-huge, [1n, 1n], [-(huge / 2n + 1n), -(huge / 2n)]],
  ])('allocate(%s, [%s]) → [%s]', (amountMinor, weights, parts) => {
    expect(allocate(amountMinor, weights)).toEqual(parts);
  });

  it.each<[string, bigint[], RegExp]>([
    ['no weights', [], /at least one weight/],
    ['all-zero weights', [0n, 0n], /every weight is zero/],
    ['a negative weight', [1n, -1n], /Weight 1 must be a non-negative bigint/],
  ])('refuses %s', (_what, weights, message) => {
    expect(() => allocate(100n, weights)).toThrowError(message);
    expect(() => allocate(100n, weights)).toThrowError(expect.objectContaining({ code: 'bad_input' }));
  });

  it('sums to the amount, and each part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 20 }),
        (amountMinor, weights) => {
          fc.pre(weights.some((weight) => weight > 0n));
          const parts = allocate(amountMinor, weights);
          const totalWeight = weights.reduce((sum, weight) => sum + weight, 0n);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(amountMinor);
          parts.forEach((part, index) => {
            // |part − amount × w / W| < 1  ⇔  |part × W − amount × w| < W
            const gap = part * totalWeight - amountMinor * (weights[index] ?? 0n);
            expect(gap < 0n ? -gap : gap).toBeLessThan(totalWeight);
            if (weights[index] === 0n) expect(part).toBe(0n);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('splits a negative amount as the mirror of the positive one', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.array(fc.bigInt({ min: 1n, max: 1000n }), { minLength: 1, maxLength: 10 }),
        (amountMinor, weights) => {
          expect(allocate(-amountMinor, weights)).toEqual(
            allocate(amountMinor, weights).map((part) => -part),
          );
        },
      ),
    );
  });
});

describe('splitEvenly', () => {
  it.each<[bigint, number, bigint[]]>([
    [1000n, 3, [334n, 333n, 333n]],
    [-1000n, 3, [-334n, -333n, -333n]],
    [1000n, 1, [1000n]],
    [2n, 4, [1n, 1n, 0n, 0n]],
    [0n, 2, [0n, 0n]],
  ])('splitEvenly(%s, %i) → [%s]', (amountMinor, parts, shares) => {
    expect(splitEvenly(amountMinor, parts)).toEqual(shares);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses %s parts', (parts) => {
    expect(() => splitEvenly(100n, parts)).toThrowError(expect.objectContaining({ code: 'bad_input' }));
  });
});
