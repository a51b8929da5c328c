/**
 * The cash count screen's arithmetic and words, pure. The core sums a count when it is sent and
 * its figure is the one that counts; these sums are only for display while someone types
 * (count × denomination in bigint minor units, never a float).
 */
import { minorPerUnit } from '../../../../shared/money';

export interface Denomination {
  /** The value of one bill or coin, minor units as a decimal string (as shifts.denominations gives). */
  denominationMinor: string;
  kind: 'coin' | 'note';
  /** The core's label, e.g. "$20.00". */
  label: string;
}

/** Counts typed so far, by denominationMinor; a missing key is 0. */
export type Counts = Readonly<Record<string, number>>;

/** The most pieces of one denomination a count accepts (a sanity bound for the field). */
export const maxPieces = 99_999;

/** count × denomination, in minor units. */
export function lineTotalMinor(denominationMinor: string, count: number): bigint {
  return BigInt(denominationMinor) * BigInt(count);
}

/** The sum of every line, in minor units: what the person has counted so far. */
export function countTotalMinor(counts: Counts): bigint {
  let total = 0n;
  for (const [denominationMinor, count] of Object.entries(counts)) {
    total += lineTotalMinor(denominationMinor, count);
  }
  return total;
}

/** How many pieces were counted in all (to tell "nothing counted yet"). */
export function countPieces(counts: Counts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** The count as the API takes it: only denominations with pieces, largest first. */
export function toCountEntries(counts: Counts): { denominationMinor: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (BigInt(b) > BigInt(a) ? 1 : BigInt(b) < BigInt(a) ? -1 : 0))
    .map(([denominationMinor, count]) => ({ denominationMinor, count }));
}

/** What a count field accepts: digits only, at most maxPieces; "" is 0. Null refuses the edit. */
export function parseCountText(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value > maxPieces ? null : value;
}

/** Sets one count, clamped to 0…maxPieces. */
export function withCount(counts: Counts, denominationMinor: string, count: number): Counts {
  const clamped = Math.min(maxPieces, Math.max(0, Math.trunc(count)));
  return { ...counts, [denominationMinor]: clamped };
}

/**
 * A short name for a denomination: whole units without decimals ("$20", "20 €"), anything else
 * as the core labels it ("$0.25").
 */
export function denominationName(denomination: Denomination, currency: string, locale: string): string {
  const minor = BigInt(denomination.denominationMinor);
  const perUnit = minorPerUnit(currency);
  if (minor % perUnit !== 0n) return denomination.label;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
      // The whole units go to Intl as a decimal string, so no amount passes through a float.
    }).format(`${minor / perUnit}` as `${number}`);
  } catch {
    return denomination.label;
  }
}

/** The count field's accessible name: "Count of $20 bills", "Count of $0.25 coins". */
export function countFieldLabel(denomination: Denomination, currency: string, locale: string): string {
  return `Count of ${denominationName(denomination, currency, locale)} ${denomination.kind === 'note' ? 'bills' : 'coins'}`;
}

/** Bills then coins, each largest first: the order a drawer is counted in. */
export function countingOrder(denominations: readonly Denomination[]): {
  notes: Denomination[];
  coins: Denomination[];
} {
  const largestFirst = (a: Denomination, b: Denomination) => {
    const difference = BigInt(b.denominationMinor) - BigInt(a.denominationMinor);
    return difference > 0n ? 1 : difference < 0n ? -1 : 0;
  };
  return {
    notes: denominations.filter((d) => d.kind === 'note').sort(largestFirst),
    coins: denominations.filter((d) => d.kind === 'coin').sort(largestFirst),
  };
}
