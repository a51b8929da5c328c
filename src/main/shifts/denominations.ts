/**
 * The bills and coins of a store currency, in minor units, smallest first: what the cash count
 * screen lists and what a count may name. One entry per value: where a value circulates both as a
 * coin and as a note (the US dollar, the Indian ₹10 and ₹20) it is listed once, as its commoner form.
 * Currencies not in the table get a generic 1-2-5 series (see `fallbackDenominations`).
 */
import { assetScale } from '../../shared/money';

export type DenominationKind = 'coin' | 'note';

export interface Denomination {
  readonly denominationMinor: bigint;
  readonly kind: DenominationKind;
}

export interface DenominationTable {
  readonly currency: string;
  /** True when the currency is not in the table and the generic 1-2-5 series stands in. */
  readonly fallback: boolean;
  readonly denominations: readonly Denomination[];
}

interface Series {
  readonly coinsMinor: readonly number[];
  readonly notesMinor: readonly number[];
}

/** Legal tender in common circulation, in minor units (cents, pence, kobo, rappen; yen have none). */
const knownSeries: Readonly<Record<string, Series>> = {
  USD: { coinsMinor: [1, 5, 10, 25, 50], notesMinor: [100, 200, 500, 1000, 2000, 5000, 10000] },
  // Canada withdrew the 1¢ coin in 2013: cash totals round to 5¢.
  CAD: { coinsMinor: [5, 10, 25, 50, 100, 200], notesMinor: [500, 1000, 2000, 5000, 10000] },
  EUR: {
    coinsMinor: [1, 2, 5, 10, 20, 50, 100, 200],
    notesMinor: [500, 1000, 2000, 5000, 10000, 20000, 50000],
  },
  GBP: { coinsMinor: [1, 2, 5, 10, 20, 50, 100, 200], notesMinor: [500, 1000, 2000, 5000] },
  JPY: { coinsMinor: [1, 5, 10, 50, 100, 500], notesMinor: [1000, 2000, 5000, 10000] },
  // Australia withdrew its 1¢ and 2¢ coins in 1992.
  AUD: { coinsMinor: [5, 10, 20, 50, 100, 200], notesMinor: [500, 1000, 2000, 5000, 10000] },
  NZD: { coinsMinor: [10, 20, 50, 100, 200], notesMinor: [500, 1000, 2000, 5000, 10000] },
  NGN: {
    coinsMinor: [50, 100, 200],
    notesMinor: [500, 1000, 2000, 5000, 10000, 20000, 50000, 100000],
  },
  CHF: { coinsMinor: [5, 10, 20, 50, 100, 200, 500], notesMinor: [1000, 2000, 5000, 10000, 20000, 100000] },
  SEK: { coinsMinor: [100, 200, 500, 1000], notesMinor: [2000, 5000, 10000, 20000, 50000, 100000] },
  NOK: { coinsMinor: [100, 500, 1000, 2000], notesMinor: [5000, 10000, 20000, 50000, 100000] },
  DKK: { coinsMinor: [50, 100, 200, 500, 1000, 2000], notesMinor: [5000, 10000, 20000, 50000, 100000] },
  INR: { coinsMinor: [100, 200, 500], notesMinor: [1000, 2000, 5000, 10000, 20000, 50000] },
  MXN: {
    coinsMinor: [10, 20, 50, 100, 200, 500, 1000],
    notesMinor: [2000, 5000, 10000, 20000, 50000, 100000],
  },
  BRL: { coinsMinor: [5, 10, 25, 50, 100], notesMinor: [200, 500, 1000, 2000, 5000, 10000, 20000] },
  ZAR: { coinsMinor: [10, 20, 50, 100, 200, 500], notesMinor: [1000, 2000, 5000, 10000, 20000] },
  KES: { coinsMinor: [100, 500, 1000, 2000], notesMinor: [5000, 10000, 20000, 50000, 100000] },
};

/** The currencies with a table of their own. */
export const currenciesWithDenominations: readonly string[] = Object.keys(knownSeries).sort();

/**
 * A generic series for a currency without a table: 1, 2 and 5 times every power of ten from one minor
 * unit up to 100,000 whole units (enough for the largest notes of currencies with big nominal values,
 * such as KRW's ₩50,000). Values below one whole unit are coins, the rest notes.
 */
export function fallbackDenominations(currency: string): Denomination[] {
  const scale = assetScale(currency);
  const oneUnitMinor = 10n ** BigInt(scale);
  const ceilingMinor = 100_000n * oneUnitMinor;
  const out: Denomination[] = [];
  for (let decade = 1n; decade <= ceilingMinor; decade *= 10n) {
    for (const step of [1n, 2n, 5n]) {
      const value = decade * step;
      if (value > ceilingMinor) break;
      out.push({ denominationMinor: value, kind: value < oneUnitMinor ? 'coin' : 'note' });
    }
  }
  return out;
}

/** The denominations of `currency`, smallest first; throws bad_input when the currency is unknown. */
export function denominationsFor(currency: string): DenominationTable {
  const series = knownSeries[currency];
  if (!series) {
    return { currency, fallback: true, denominations: fallbackDenominations(currency) };
  }
  assetScale(currency);
  const denominations: Denomination[] = [
    ...series.coinsMinor.map((value): Denomination => ({ denominationMinor: BigInt(value), kind: 'coin' })),
    ...series.notesMinor.map((value): Denomination => ({ denominationMinor: BigInt(value), kind: 'note' })),
  ].sort((a, b) => (a.denominationMinor < b.denominationMinor ? -1 : 1));
  return { currency, fallback: false, denominations };
}
