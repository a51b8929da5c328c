import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TillpointError } from '../../shared/api/errors';
import { checkCashAmount, countCash, type CountEntry } from './counting';

const entry = (denominationMinor: bigint, count: number): CountEntry => ({ denominationMinor, count });

describe('countCash', () => {
  it.each<[string, CountEntry[], bigint]>([
    ['USD', [], 0n],
    ['USD', [entry(2000n, 3), entry(500n, 2), entry(25n, 4), entry(1n, 7)], 7107n],
    ['USD', [entry(10000n, 0)], 0n],
    ['CAD', [entry(200n, 5), entry(5n, 3)], 1015n],
    ['JPY', [entry(10000n, 2), entry(1n, 9)], 20009n],
    ['EUR', [entry(50000n, 1), entry(2n, 1)], 50002n],
    ['GBP', [entry(5000n, 2), entry(1n, 1)], 10001n],
    ['NGN', [entry(100000n, 3), entry(50n, 1)], 300050n],
    ['CHF', [entry(500n, 4), entry(100000n, 1)], 102000n],
    ['AUD', [entry(5n, 1)], 5n],
  ])('%s count #%# sums to %s', (currency, entries, total) => {
    expect(countCash(currency, entries).totalMinor).toBe(total);
  });

  it('returns the lines smallest first with their subtotals', () => {
    const counted = countCash('USD', [entry(2000n, 3), entry(25n, 4)]);
    expect(counted.lines).toEqual([
      { denominationMinor: 25n, count: 4, subtotalMinor: 100n },
      { denominationMinor: 2000n, count: 3, subtotalMinor: 6000n },
    ]);
  });

  it.each<[string, string, CountEntry[], RegExp]>([
    ['negative count', 'USD', [entry(100n, -1)], /cannot be negative/],
    ['fractional count', 'USD', [entry(25n, 1.5)], /whole number of pieces/],
    ['NaN count', 'USD', [entry(25n, Number.NaN)], /whole number of pieces/],
    ['huge count', 'USD', [entry(1n, 2_000_000)], /more than a drawer holds/],
    ['unknown denomination', 'USD', [entry(300n, 1)], /USD has no \$3\.00 bill or coin/],
    ['CAD has no 1¢ coin', 'CAD', [entry(1n, 1)], /CAD has no/],
    ['AUD has no 2¢ coin', 'AUD', [entry(2n, 1)], /AUD has no/],
    ['zero denomination', 'USD', [entry(0n, 1)], /USD has no 0 bill or coin/],
    ['negative denomination', 'EUR', [entry(-100n, 1)], /EUR has no -100 bill or coin/],
    ['denomination twice', 'USD', [entry(100n, 1), entry(100n, 2)], /counted twice/],
  ])('refuses a %s', (_label, currency, entries, message) => {
    let caught: unknown;
    try {
      countCash(currency, entries);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TillpointError);
    expect((caught as TillpointError).code).toBe('bad_input');
    expect((caught as TillpointError).message).toMatch(message);
    expect((caught as TillpointError).details).toMatchObject({ reason: 'bad_count' });
  });

  it('refuses an unknown currency', () => {
    expect(() => countCash('ZZZ', [])).toThrow(/Unknown asset "ZZZ"/);
  });

  it('counts a currency without a table on the generic 1-2-5 series', () => {
    expect(countCash('KRW', [entry(50000n, 2), entry(1000n, 1)]).totalMinor).toBe(101000n);
    expect(() => countCash('KRW', [entry(3000n, 1)])).toThrow(/KRW has no/);
  });
});

describe('checkCashAmount', () => {
  it.each<[bigint, boolean]>([
    [0n, true],
    [15000n, true],
    [-1n, false],
  ])('%s is accepted: %s', (amount, ok) => {
    if (ok) expect(checkCashAmount(amount, 'float')).toBe(amount);
    else expect(() => checkCashAmount(amount, 'float')).toThrow(/float cannot be negative/);
  });
});

describe('countCash (property)', () => {
  it('the total is the sum of denomination × count, whatever the order of the entries', () => {
    const usd = [1n, 5n, 10n, 25n, 50n, 100n, 200n, 500n, 1000n, 2000n, 5000n, 10000n];
    fc.assert(
      fc.property(
        fc
          .shuffledSubarray(usd)
          .chain((values) =>
            fc.tuple(
              fc.constant(values),
              fc.array(fc.nat({ max: 10_000 }), { minLength: values.length, maxLength: values.length }),
            ),
          ),
        ([values, pieces]) => {
          const entries = values.map((denominationMinor, i) => entry(denominationMinor, pieces[i]!));
          const expected = entries.reduce((sum, e) => sum + e.denominationMinor * BigInt(e.count), 0n);
          const counted = countCash('USD', entries);
          expect(counted.totalMinor).toBe(expected);
          expect(counted.lines.map((l) => l.denominationMinor)).toEqual(
            [...values].sort((a, b) => (a < b ? -1 : 1)),
          );
        },
      ),
    );
  });
});
