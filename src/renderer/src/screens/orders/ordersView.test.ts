import { describe, expect, it } from 'vitest';
import {
  canRefund,
  emptyPick,
  normalizeOrderSearch,
  pickAll,
  pickedCount,
  refundLines,
  setPicked,
  statusFilters,
} from './ordersView';

const lines = [
  { id: 'A', refundableQuantity: 2 },
  { id: 'B', refundableQuantity: 0 },
  { id: 'C', refundableQuantity: 1 },
];

describe('canRefund', () => {
  it.each([
    ['paid', lines, true],
    ['partially_refunded', lines, true],
    ['paid', [{ id: 'B', refundableQuantity: 0 }], false],
    ['refunded', lines, false],
    ['open', lines, false],
    ['voided', lines, false],
  ] as const)('%s with %j → %s', (status, orderLines, expected) => {
    expect(canRefund({ status, lines: orderLines })).toBe(expected);
  });
});

describe('normalizeOrderSearch', () => {
  it.each([
    ['1042', '1042'],
    [' #1042 ', '1042'],
    ['# 7', '7'],
    ['latte', 'latte'],
    ['', ''],
  ])('%j → %j', (text, expected) => expect(normalizeOrderSearch(text)).toBe(expected));
});

describe('refund picking', () => {
  it('starts empty and picks all of what is left, skipping lines with nothing left', () => {
    expect(emptyPick(lines)).toEqual({ A: 0, C: 0 });
    expect(pickAll(lines)).toEqual({ A: 2, C: 1 });
  });

  it.each([
    [1, 1],
    [2, 2],
    [5, 2],
    [-1, 0],
    [1.7, 1],
    [Number.NaN, 0],
  ])('setPicked(A, %s) keeps it to %s', (quantity, expected) => {
    expect(setPicked(emptyPick(lines), lines[0]!, quantity).A).toBe(expected);
  });

  it.each([
    [{ A: 0, C: 0 }, []],
    [{ A: 2, C: 0 }, [{ lineId: 'A', quantity: 2 }]],
    [
      { C: 1, A: 1 },
      [
        { lineId: 'A', quantity: 1 },
        { lineId: 'C', quantity: 1 },
      ],
    ],
    [{ A: 9, B: 3 }, [{ lineId: 'A', quantity: 2 }]],
  ])('refundLines(%j)', (pick, expected) => {
    expect(refundLines(lines, pick)).toEqual(expected);
  });

  it('counts what is picked', () => {
    expect(pickedCount({ A: 2, C: 1 })).toBe(3);
    expect(pickedCount({})).toBe(0);
  });
});

describe('statusFilters', () => {
  it('offers All then each status', () => {
    expect(statusFilters.map((filter) => filter.value)).toEqual([
      'all',
      'open',
      'paid',
      'partially_refunded',
      'refunded',
      'voided',
    ]);
  });
});
