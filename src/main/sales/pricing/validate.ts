/**
 * Checks a PricingInput and turns its percents into exact integers. Bad input is refused with a
 * TillpointError `bad_input` whose message names the field and what was wrong, and whose details carry
 * `{ field, value }`.
 */
import { TillpointError } from '../../../shared/api/errors';
import {
  type Discount,
  type PricingInput,
  type PricingRoundingMode,
  type TaxMode,
  type TaxRounding,
} from './types';

/**
 * 100 % as an integer. A percent has at most 6 decimals, so `percent × 10^6` is a whole number and
 * `amount × that / PERCENT_SCALE` is the exact share of the amount (`"8.875"` → 8 875 000 / 100 000 000).
 */
export const PERCENT_SCALE = 100_000_000n;
const percentFormat = /^(\d{1,3})(?:\.(\d{1,6}))?$/;

export type ParsedDiscount =
  | { readonly kind: 'amount'; readonly amountMinor: bigint }
  | { readonly kind: 'percent'; readonly percentScaled: bigint };

export interface ParsedTaxRate {
  readonly taxId: string;
  readonly name: string;
  readonly ratePercent: string;
  /** The rate × 10^6, so that rateScaled / PERCENT_SCALE is the rate as a fraction. */
  readonly rateScaled: bigint;
}

export interface ValidLine {
  readonly lineId: string;
  readonly quantity: number;
  readonly unitPriceMinor: bigint;
  readonly grossMinor: bigint;
  readonly rates: readonly ParsedTaxRate[];
  readonly discount: ParsedDiscount | undefined;
}

export type ParsedTip =
  | { readonly kind: 'amount'; readonly amountMinor: bigint }
  | { readonly kind: 'percent'; readonly percentScaled: bigint; readonly base: 'pre_tax' | 'post_tax' };

export interface ValidInput {
  readonly lines: readonly ValidLine[];
  readonly orderDiscount: ParsedDiscount | undefined;
  readonly taxMode: TaxMode;
  readonly taxRounding: TaxRounding;
  readonly roundingMode: PricingRoundingMode;
  readonly tip: ParsedTip | undefined;
  readonly cashRoundingIncrementMinor: bigint | undefined;
}

function fail(field: string, message: string, value: unknown): never {
  const shown = typeof value === 'bigint' ? value.toString() : value;
  throw new TillpointError('bad_input', `${field} ${message}.`, { field, value: shown });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

/** `"12.5"` → 12 500 000 (percent × 10^6). Accepts 0 to 100 with at most 6 decimals. */
export function parsePercent(value: unknown, field: string): bigint {
  const match = typeof value === 'string' ? percentFormat.exec(value) : null;
  if (!match) {
    if (typeof value === 'string' && value.trim().startsWith('-')) {
      fail(field, `must be a percent from 0 to 100, got ${describe(value)}`, value);
    }
    fail(
      field,
      `must be a percent written like "10" or "12.5" (at most 6 decimals), got ${describe(value)}`,
      value,
    );
  }
  const [, whole = '0', fraction = ''] = match;
  const scaled = BigInt(whole + fraction.padEnd(6, '0'));
  if (scaled > PERCENT_SCALE) fail(field, `must be a percent from 0 to 100, got ${describe(value)}`, value);
  return scaled;
}

function nonNegativeAmount(value: unknown, field: string): bigint {
  if (typeof value !== 'bigint')
    fail(field, `must be a bigint of minor units, got ${describe(value)}`, value);
  if (value < 0n) fail(field, `must not be negative, got ${describe(value)}`, value);
  return value;
}

function oneOf<const T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(
      field,
      `must be one of ${allowed.map((option) => `"${option}"`).join(', ')}, got ${describe(value)}`,
      value,
    );
  }
  return value as T;
}

function parseDiscount(discount: Discount | undefined, field: string): ParsedDiscount | undefined {
  if (discount === undefined) return undefined;
  const kind = oneOf(discount?.kind, ['amount', 'percent'], `${field}.kind`);
  return kind === 'amount'
    ? {
        kind,
        amountMinor: nonNegativeAmount(
          (discount as { amountMinor?: unknown }).amountMinor,
          `${field}.amountMinor`,
        ),
      }
    : { kind, percentScaled: parsePercent((discount as { percent?: unknown }).percent, `${field}.percent`) };
}

function parseTip(tip: PricingInput['tip'], field: string): ParsedTip | undefined {
  if (tip === undefined) return undefined;
  const kind = oneOf(tip?.kind, ['amount', 'percent'], `${field}.kind`);
  if (kind === 'amount') {
    return {
      kind,
      amountMinor: nonNegativeAmount((tip as { amountMinor?: unknown }).amountMinor, `${field}.amountMinor`),
    };
  }
  const percentTip = tip as { percent?: unknown; base?: unknown };
  return {
    kind,
    percentScaled: parsePercent(percentTip.percent, `${field}.percent`),
    base: oneOf(percentTip.base, ['pre_tax', 'post_tax'], `${field}.base`),
  };
}

function parseLine(
  line: PricingInput['lines'][number],
  index: number,
  seenLineIds: Set<string>,
  taxesById: Map<string, ParsedTaxRate>,
): ValidLine {
  const field = `lines[${index}]`;
  if (typeof line !== 'object' || line === null) fail(field, 'must be an object', line);
  if (typeof line.lineId !== 'string' || line.lineId === '') {
    fail(`${field}.lineId`, `must be a non-empty string, got ${describe(line.lineId)}`, line.lineId);
  }
  if (seenLineIds.has(line.lineId))
    fail(`${field}.lineId`, `repeats the line id ${describe(line.lineId)}`, line.lineId);
  seenLineIds.add(line.lineId);
  const unitPriceMinor = nonNegativeAmount(line.unitPriceMinor, `${field}.unitPriceMinor`);
  if (typeof line.quantity !== 'number' || !Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    fail(
      `${field}.quantity`,
      `must be a whole number of at least 1, got ${describe(line.quantity)}`,
      line.quantity,
    );
  }
  if (!Array.isArray(line.taxRates))
    fail(`${field}.taxRates`, 'must be a list (empty for no tax)', line.taxRates);

  const rates: ParsedTaxRate[] = [];
  line.taxRates.forEach((rate, rateIndex) => {
    const rateField = `${field}.taxRates[${rateIndex}]`;
    if (typeof rate?.taxId !== 'string' || rate.taxId === '') {
      fail(`${rateField}.taxId`, `must be a non-empty string, got ${describe(rate?.taxId)}`, rate?.taxId);
    }
    if (typeof rate.name !== 'string')
      fail(`${rateField}.name`, `must be a string, got ${describe(rate.name)}`, rate.name);
    const parsed: ParsedTaxRate = {
      taxId: rate.taxId,
      name: rate.name,
      ratePercent: rate.ratePercent,
      rateScaled: parsePercent(rate.ratePercent, `${rateField}.ratePercent`),
    };
    if (rates.some((other) => other.taxId === parsed.taxId)) {
      fail(`${rateField}.taxId`, `lists the tax ${describe(parsed.taxId)} twice on one line`, parsed.taxId);
    }
    const known = taxesById.get(parsed.taxId);
    if (known && (known.rateScaled !== parsed.rateScaled || known.name !== parsed.name)) {
      fail(
        rateField,
        `gives tax ${describe(parsed.taxId)} as ${describe(parsed.name)} at ${parsed.ratePercent} %, but another line has ${describe(known.name)} at ${known.ratePercent} %`,
        parsed.taxId,
      );
    }
    taxesById.set(parsed.taxId, parsed);
    rates.push(parsed);
  });

  return {
    lineId: line.lineId,
    quantity: line.quantity,
    unitPriceMinor,
    grossMinor: unitPriceMinor * BigInt(line.quantity),
    rates,
    discount: parseDiscount(line.discount, `${field}.discount`),
  };
}

/** Checks every field of `input`; returns it with percents as integers and each line's gross. */
export function validatePricingInput(input: PricingInput): ValidInput {
  if (typeof input !== 'object' || input === null) fail('input', 'must be an object', input);
  if (!Array.isArray(input.lines)) fail('lines', 'must be a list', input.lines);
  const seenLineIds = new Set<string>();
  const taxesById = new Map<string, ParsedTaxRate>();
  const lines = input.lines.map((line, index) => parseLine(line, index, seenLineIds, taxesById));
  let cashRoundingIncrementMinor: bigint | undefined;
  if (input.cashRoundingIncrementMinor !== undefined) {
    cashRoundingIncrementMinor = nonNegativeAmount(
      input.cashRoundingIncrementMinor,
      'cashRoundingIncrementMinor',
    );
    if (cashRoundingIncrementMinor === 0n) fail('cashRoundingIncrementMinor', 'must be at least 1', 0n);
  }
  return {
    lines,
    orderDiscount: parseDiscount(input.orderDiscount, 'orderDiscount'),
    taxMode: oneOf(input.taxMode, ['inclusive', 'exclusive'], 'taxMode'),
    taxRounding: oneOf(input.taxRounding, ['per_line', 'per_order'], 'taxRounding'),
    roundingMode: oneOf(input.roundingMode, ['half_up', 'half_even'], 'roundingMode'),
    tip: parseTip(input.tip, 'tip'),
    cashRoundingIncrementMinor,
  };
}
