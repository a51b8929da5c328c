import { describe, expect, it } from 'vitest';
import { currenciesWithDenominations, denominationsFor, fallbackDenominations } from './denominations';

const values = (currency: string): bigint[] =>
  denominationsFor(currency).denominations.map((d) => d.denominationMinor);

describe('denominationsFor', () => {
  it.each<[string, bigint, bigint, number]>([
    ['USD', 1n, 10000n, 12],
    ['CAD', 5n, 10000n, 11],
    ['EUR', 1n, 50000n, 15],
    ['GBP', 1n, 5000n, 12],
    ['JPY', 1n, 10000n, 10],
    ['AUD', 5n, 10000n, 11],
    ['NGN', 50n, 100000n, 11],
    ['CHF', 5n, 100000n, 13],
  ])('%s runs from %s to %s minor units (%s values)', (currency, smallest, largest, howMany) => {
    const list = values(currency);
    expect(list[0]).toBe(smallest);
    expect(list.at(-1)).toBe(largest);
    expect(list).toHaveLength(howMany);
    expect(denominationsFor(currency).fallback).toBe(false);
  });

  it.each(currenciesWithDenominations)('%s is sorted, unique, with coins below notes', (currency) => {
    const table = denominationsFor(currency);
    const list = table.denominations;
    for (let i = 1; i < list.length; i += 1) {
      expect(list[i]!.denominationMinor > list[i - 1]!.denominationMinor).toBe(true);
    }
    const lastCoin = list.filter((d) => d.kind === 'coin').at(-1)!.denominationMinor;
    const firstNote = list.find((d) => d.kind === 'note')!.denominationMinor;
    expect(lastCoin < firstNote).toBe(true);
  });

  it('CAD has no 1¢ coin', () => {
    expect(values('CAD')).not.toContain(1n);
  });

  it('falls back to a 1-2-5 series for a currency without a table', () => {
    const table = denominationsFor('KRW');
    expect(table.fallback).toBe(true);
    expect(table.denominations.slice(0, 4).map((d) => d.denominationMinor)).toEqual([1n, 2n, 5n, 10n]);
    expect(table.denominations.at(-1)!.denominationMinor).toBe(100000n);
    expect(table.denominations.map((d) => d.denominationMinor)).toContain(50000n);
  });

  it('a fallback series marks values under one whole unit as coins', () => {
    const list = fallbackDenominations('THB');
    expect(list.find((d) => d.denominationMinor === 50n)!.kind).toBe('coin');
    expect(list.find((d) => d.denominationMinor === 100n)!.kind).toBe('note');
    expect(list.at(-1)!.denominationMinor).toBe(10_000_000n);
  });

  it('refuses an unknown currency', () => {
    expect(() => denominationsFor('usd')).toThrow(/Unknown asset "usd"/);
  });
});
