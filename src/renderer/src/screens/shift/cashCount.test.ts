import { describe, expect, it } from 'vitest';
import {
  countFieldLabel,
  countingOrder,
  countPieces,
  countTotalMinor,
  type Denomination,
  denominationName,
  lineTotalMinor,
  parseCountText,
  toCountEntries,
  withCount,
} from './cashCount';

const usd: Denomination[] = [
  { denominationMinor: '1', kind: 'coin', label: '$0.01' },
  { denominationMinor: '25', kind: 'coin', label: '$0.25' },
  { denominationMinor: '100', kind: 'note', label: '$1.00' },
  { denominationMinor: '2000', kind: 'note', label: '$20.00' },
  { denominationMinor: '10000', kind: 'note', label: '$100.00' },
];

describe('sums for display', () => {
  it.each([
    ['2000', 0, 0n],
    ['2000', 5, 10000n],
    ['25', 3, 75n],
    ['1', 99_999, 99_999n],
  ])('%s × %i = %s', (denomination, count, expected) => {
    expect(lineTotalMinor(denomination, count)).toBe(expected);
  });

  it.each([
    [{}, 0n, 0],
    [{ '2000': 5, '25': 3 }, 10075n, 8],
    [{ '2000': 0, '1': 0 }, 0n, 0],
    [{ '10000': 12, '1': 7 }, 120007n, 19],
  ])('%o totals %s minor units in %i pieces', (counts, total, pieces) => {
    expect(countTotalMinor(counts)).toBe(total);
    expect(countPieces(counts)).toBe(pieces);
  });
});

describe('toCountEntries', () => {
  it.each([
    [{}, []],
    [{ '25': 0 }, []],
    [
      { '25': 3, '2000': 5, '100': 0, '10000': 1 },
      [
        { denominationMinor: '10000', count: 1 },
        { denominationMinor: '2000', count: 5 },
        { denominationMinor: '25', count: 3 },
      ],
    ],
  ])('%o → %o', (counts, expected) => {
    expect(toCountEntries(counts)).toEqual(expected);
  });
});

describe('parseCountText', () => {
  it.each([
    ['', 0],
    ['  ', 0],
    ['0', 0],
    ['7', 7],
    ['012', 12],
    ['99999', 99_999],
    ['100000', null],
    ['-1', null],
    ['1.5', null],
    ['3a', null],
    ['1e3', null],
  ])('%j → %s', (text, expected) => {
    expect(parseCountText(text)).toBe(expected);
  });
});

describe('withCount', () => {
  it.each([
    [{ '25': 2 }, '25', 3, { '25': 3 }],
    [{ '25': 0 }, '25', -1, { '25': 0 }],
    [{}, '2000', 1_000_000, { '2000': 99_999 }],
  ])('%o set %s to %i → %o', (counts, denomination, count, expected) => {
    expect(withCount(counts, denomination, count)).toEqual(expected);
  });
});

describe('names', () => {
  it.each([
    [usd[3]!, 'USD', 'en-US', '$20', 'Count of $20 bills'],
    [usd[2]!, 'USD', 'en-US', '$1', 'Count of $1 bills'],
    [usd[1]!, 'USD', 'en-US', '$0.25', 'Count of $0.25 coins'],
    [
      { denominationMinor: '200', kind: 'coin', label: '2,00 €' } as const,
      'EUR',
      'de-DE',
      '2\u00a0€',
      'Count of 2\u00a0€ coins',
    ],
    [
      { denominationMinor: '1000', kind: 'note', label: '¥1,000' } as const,
      'JPY',
      'ja-JP',
      '￥1,000',
      'Count of ￥1,000 bills',
    ],
  ])('%o in %s/%s is %j', (denomination, currency, locale, name, label) => {
    expect(denominationName(denomination, currency, locale)).toBe(name);
    expect(countFieldLabel(denomination, currency, locale)).toBe(label);
  });
});

describe('countingOrder', () => {
  it('puts bills before coins, each largest first', () => {
    const { notes, coins } = countingOrder(usd);
    expect(notes.map((d) => d.denominationMinor)).toEqual(['10000', '2000', '100']);
    expect(coins.map((d) => d.denominationMinor)).toEqual(['25', '1']);
  });
});
