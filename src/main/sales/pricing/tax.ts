/**
 * Tax on the discounted lines: the third step of the pricing order. Every rate of a line applies to the
 * same base (no tax on tax). All arithmetic is on exact integers; each rounding is written where it happens.
 */
import { allocate, divideRounded } from '../../../shared/money';
import {
  type LineTax,
  type PricingRoundingMode,
  type TaxMode,
  type TaxRounding,
  type TaxSummary,
} from './types';
import { PERCENT_SCALE, type ParsedTaxRate } from './validate';

export interface TaxableLine {
  /** The line after both discounts; includes the tax when prices include it. */
  readonly netMinor: bigint;
  readonly rates: readonly ParsedTaxRate[];
}

export interface LineTaxes {
  readonly taxes: readonly LineTax[];
  readonly taxMinor: bigint;
}

export interface TaxOutcome {
  readonly lines: readonly LineTaxes[];
  readonly summary: readonly TaxSummary[];
}

/** amounts[line][rate]: the tax of each rate of each line, filled by the strategies below. */
type TaxGrid = bigint[][];

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

/** Splits `amountMinor` over `weights`, or gives zeros when every weight is zero (nothing to split over). */
function allocateOrZero(amountMinor: bigint, weights: readonly bigint[]): bigint[] {
  return sum(weights) === 0n ? weights.map(() => 0n) : allocate(amountMinor, weights);
}

/** The lines' taxes and the order's tax summary for the given mode and rounding. */
export function computeTaxes(
  lines: readonly TaxableLine[],
  taxMode: TaxMode,
  taxRounding: TaxRounding,
  roundingMode: PricingRoundingMode,
): TaxOutcome {
  const grid: TaxGrid = lines.map((line) => line.rates.map(() => 0n));
  if (taxMode === 'exclusive' && taxRounding === 'per_line') exclusivePerLine(lines, grid, roundingMode);
  if (taxMode === 'exclusive' && taxRounding === 'per_order') exclusivePerOrder(lines, grid, roundingMode);
  if (taxMode === 'inclusive' && taxRounding === 'per_line') inclusivePerLine(lines, grid, roundingMode);
  if (taxMode === 'inclusive' && taxRounding === 'per_order') inclusivePerOrder(lines, grid, roundingMode);

  const summaryById = new Map<string, { rate: ParsedTaxRate; baseMinor: bigint; amountMinor: bigint }>();
  const lineTaxes = lines.map((line, lineIndex): LineTaxes => {
    const amounts = grid[lineIndex] ?? [];
    const taxMinor = sum(amounts);
    // The base a rate applies to: the net when tax is added; the net less its tax when it is included.
    const baseMinor = taxMode === 'exclusive' ? line.netMinor : line.netMinor - taxMinor;
    const taxes = line.rates.map((rate, rateIndex): LineTax => {
      const amountMinor = amounts[rateIndex] ?? 0n;
      const entry = summaryById.get(rate.taxId) ?? { rate, baseMinor: 0n, amountMinor: 0n };
      summaryById.set(rate.taxId, {
        rate,
        baseMinor: entry.baseMinor + baseMinor,
        amountMinor: entry.amountMinor + amountMinor,
      });
      return { taxId: rate.taxId, name: rate.name, ratePercent: rate.ratePercent, baseMinor, amountMinor };
    });
    return { taxes, taxMinor };
  });

  const summary = [...summaryById.values()].map(({ rate, baseMinor, amountMinor }): TaxSummary => ({
    taxId: rate.taxId,
    name: rate.name,
    ratePercent: rate.ratePercent,
    baseMinor,
    amountMinor,
  }));
  return { lines: lineTaxes, summary };
}

/** Tax added, rounded per line: each rate of each line is `net × rate` rounded with the store's mode. */
function exclusivePerLine(
  lines: readonly TaxableLine[],
  grid: TaxGrid,
  roundingMode: PricingRoundingMode,
): void {
  lines.forEach((line, lineIndex) => {
    line.rates.forEach((rate, rateIndex) => {
      const row = grid[lineIndex];
      if (row) row[rateIndex] = divideRounded(line.netMinor * rate.rateScaled, PERCENT_SCALE, roundingMode);
    });
  });
}

/**
 * Tax added, rounded per order: each tax is `(sum of the nets of its lines) × rate` rounded once with the
 * store's mode, then spread back over those lines in proportion to their nets (largest remainder), so each
 * line's part is within one unit of its exact tax and the parts sum to the rounded tax.
 */
function exclusivePerOrder(
  lines: readonly TaxableLine[],
  grid: TaxGrid,
  roundingMode: PricingRoundingMode,
): void {
  for (const taxId of taxIdsInOrder(lines)) {
    const members = lines.flatMap((line, lineIndex) => {
      const rateIndex = line.rates.findIndex((rate) => rate.taxId === taxId);
      const rate = line.rates[rateIndex];
      return rate ? [{ lineIndex, rateIndex, netMinor: line.netMinor, rate }] : [];
    });
    const rateScaled = members[0]?.rate.rateScaled ?? 0n;
    const nets = members.map((member) => member.netMinor);
    const taxMinor = divideRounded(sum(nets) * rateScaled, PERCENT_SCALE, roundingMode);
    allocateOrZero(taxMinor, nets).forEach((share, memberIndex) => {
      const member = members[memberIndex];
      const row = member ? grid[member.lineIndex] : undefined;
      if (member && row) row[member.rateIndex] = share;
    });
  }
}

/**
 * Tax included, rounded per line: the line's tax is `net − net / (1 + sum of rates)`, computed as
 * `net × R / (100 % + R)` and rounded once with the store's mode; it is then split between the line's rates
 * in proportion to the rates (largest remainder, ties to the first rate).
 */
function inclusivePerLine(
  lines: readonly TaxableLine[],
  grid: TaxGrid,
  roundingMode: PricingRoundingMode,
): void {
  lines.forEach((line, lineIndex) => {
    const weights = line.rates.map((rate) => rate.rateScaled);
    const rateSum = sum(weights);
    const taxMinor = divideRounded(line.netMinor * rateSum, PERCENT_SCALE + rateSum, roundingMode);
    grid[lineIndex] = allocateOrZero(taxMinor, weights);
  });
}

/**
 * Tax included, rounded per order: lines that carry the same set of taxes form a group; the group's tax is
 * `(sum of its nets) × R / (100 % + R)` rounded once with the store's mode, spread back over its lines in
 * proportion to their nets, and each line's part split between its rates in proportion to the rates
 * (largest remainder both times). When every line has one tax (VAT), this is one rounding per tax. A
 * line's tax never exceeds its net, because the group's tax never exceeds the group's net.
 */
function inclusivePerOrder(
  lines: readonly TaxableLine[],
  grid: TaxGrid,
  roundingMode: PricingRoundingMode,
): void {
  const groups = new Map<string, number[]>();
  lines.forEach((line, lineIndex) => {
    const key = JSON.stringify(line.rates.map((rate) => rate.taxId).sort());
    groups.set(key, [...(groups.get(key) ?? []), lineIndex]);
  });
  for (const lineIndexes of groups.values()) {
    const firstLine = lines[lineIndexes[0] ?? 0];
    const rateSum = sum(firstLine?.rates.map((rate) => rate.rateScaled) ?? []);
    const nets = lineIndexes.map((lineIndex) => lines[lineIndex]?.netMinor ?? 0n);
    const groupTaxMinor = divideRounded(sum(nets) * rateSum, PERCENT_SCALE + rateSum, roundingMode);
    allocateOrZero(groupTaxMinor, nets).forEach((lineTaxMinor, memberIndex) => {
      const lineIndex = lineIndexes[memberIndex] ?? 0;
      const weights = lines[lineIndex]?.rates.map((rate) => rate.rateScaled) ?? [];
      grid[lineIndex] = allocateOrZero(lineTaxMinor, weights);
    });
  }
}

/** Every taxId of the cart, in the order it first appears. */
function taxIdsInOrder(lines: readonly TaxableLine[]): string[] {
  return [...new Set(lines.flatMap((line) => line.rates.map((rate) => rate.taxId)))];
}
