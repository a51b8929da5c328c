/**
 * Counting cash: the total of a count is the sum of denomination × count. A count names only the
 * denominations of the store currency, each at most once, with whole, non-negative numbers of pieces.
 * A float may also be given as one amount (a drawer prepared in the back office).
 */
import { TillpointError } from '../../shared/api/errors';
import { formatMoney } from '../../shared/money';
import { denominationsFor } from './denominations';

/** The largest number of pieces of one denomination a count accepts: a sanity bound, not a rule of money. */
export const maxPiecesPerDenomination = 1_000_000;

export interface CountEntry {
  readonly denominationMinor: bigint;
  readonly count: number;
}

export interface CountedLine {
  readonly denominationMinor: bigint;
  readonly count: number;
  readonly subtotalMinor: bigint;
}

export interface CashCount {
  /** The lines as counted, smallest denomination first; zero counts are kept. */
  readonly lines: readonly CountedLine[];
  readonly totalMinor: bigint;
}

function badCount(message: string, details: Record<string, unknown>): TillpointError {
  return new TillpointError('bad_input', message, { reason: 'bad_count', ...details });
}

/**
 * Checks a count against the currency's denominations and sums it. Throws bad_input (reason
 * `bad_count`) for a negative, fractional or absurdly large count, a denomination the currency does
 * not have, or a denomination listed twice.
 */
export function countCash(currency: string, entries: readonly CountEntry[], locale = 'en-US'): CashCount {
  const table = denominationsFor(currency);
  const known = new Set(table.denominations.map((d) => d.denominationMinor));
  const seen = new Set<bigint>();
  const lines: CountedLine[] = [];
  for (const entry of entries) {
    const value = entry.denominationMinor;
    if (!known.has(value)) {
      const label = value > 0n ? formatMoney(value, currency, locale) : String(value);
      throw badCount(`${currency} has no ${label} bill or coin (denomination ${value} in minor units).`, {
        currency,
        denominationMinor: value.toString(),
      });
    }
    const label = formatMoney(value, currency, locale);
    if (seen.has(value)) {
      throw badCount(`The ${label} denomination is counted twice; give each denomination once.`, {
        currency,
        denominationMinor: value.toString(),
      });
    }
    seen.add(value);
    const { count } = entry;
    if (typeof count !== 'number' || !Number.isInteger(count)) {
      throw badCount(`The count of ${label} must be a whole number of pieces, got ${String(count)}.`, {
        denominationMinor: value.toString(),
        count: String(count),
      });
    }
    if (count < 0) {
      throw badCount(`The count of ${label} cannot be negative (got ${count}).`, {
        denominationMinor: value.toString(),
        count: String(count),
      });
    }
    if (count > maxPiecesPerDenomination) {
      throw badCount(
        `${count} pieces of ${label} is more than a drawer holds (at most ${maxPiecesPerDenomination}).`,
        {
          denominationMinor: value.toString(),
          count: String(count),
        },
      );
    }
    lines.push({ denominationMinor: value, count, subtotalMinor: value * BigInt(count) });
  }
  lines.sort((a, b) => (a.denominationMinor < b.denominationMinor ? -1 : 1));
  const totalMinor = lines.reduce((sum, line) => sum + line.subtotalMinor, 0n);
  return { lines, totalMinor };
}

/** A float or a count given as one amount: whole, non-negative minor units. */
export function checkCashAmount(amountMinor: bigint, what: string): bigint {
  if (typeof amountMinor !== 'bigint' || amountMinor < 0n) {
    throw new TillpointError('bad_input', `The ${what} cannot be negative (got ${String(amountMinor)}).`, {
      reason: 'bad_amount',
      amountMinor: String(amountMinor),
    });
  }
  return amountMinor;
}
