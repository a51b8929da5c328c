/**
 * Builders for pricing test cases: short names for carts, lines, discounts and rates, so a table of
 * cases reads like a receipt. Used only by the tests beside this file.
 */
import {
  type Discount,
  type PricingInput,
  type PricingLineInput,
  type PricingResult,
  type TaxRate,
  type Tip,
} from './types';

export function rate(taxId: string, ratePercent: string, name = taxId): TaxRate {
  return { taxId, name, ratePercent };
}

export function line(
  lineId: string,
  unitPriceMinor: bigint,
  quantity: number,
  taxRates: readonly TaxRate[] = [],
  discount?: Discount,
): PricingLineInput {
  return discount === undefined
    ? { lineId, unitPriceMinor, quantity, taxRates }
    : { lineId, unitPriceMinor, quantity, taxRates, discount };
}

export const percentOff = (percent: string): Discount => ({ kind: 'percent', percent });
export const amountOff = (amountMinor: bigint): Discount => ({ kind: 'amount', amountMinor });
export const tipAmount = (amountMinor: bigint): Tip => ({ kind: 'amount', amountMinor });
export const tipPercent = (percent: string, base: 'pre_tax' | 'post_tax'): Tip => ({
  kind: 'percent',
  percent,
  base,
});

/** A cart with tax added, rounded per line, half-up, unless `options` say otherwise. */
export function cart(
  lines: readonly PricingLineInput[],
  options: Partial<Omit<PricingInput, 'lines'>> = {},
): PricingInput {
  return { lines, taxMode: 'exclusive', taxRounding: 'per_line', roundingMode: 'half_up', ...options };
}

/** The figures of a result a test case checks; lines and taxes only when the case lists them. */
export interface ExpectedPricing {
  subtotal: bigint;
  discount: bigint;
  tax: bigint;
  tip?: bigint;
  total: bigint;
  cash?: bigint;
  lines?: {
    gross?: bigint;
    lineDiscount?: bigint;
    orderShare?: bigint;
    net?: bigint;
    tax?: bigint;
    total?: bigint;
  }[];
  /** [taxId, base, amount] for every tax of the order. */
  taxes?: [string, bigint, bigint][];
  notices?: PricingResult['notices'];
}

/** The same shape as ExpectedPricing, read from a result, for toMatchObject. */
export function summarize(result: PricingResult): Required<ExpectedPricing> {
  return {
    subtotal: result.subtotalMinor,
    discount: result.discountTotalMinor,
    tax: result.taxTotalMinor,
    tip: result.tipMinor,
    total: result.totalMinor,
    cash: result.cashTotalMinor,
    lines: result.lines.map((priced) => ({
      gross: priced.grossMinor,
      lineDiscount: priced.lineDiscountMinor,
      orderShare: priced.orderDiscountShareMinor,
      net: priced.netMinor,
      tax: priced.taxMinor,
      total: priced.totalMinor,
    })),
    taxes: result.taxes.map((tax): [string, bigint, bigint] => [tax.taxId, tax.baseMinor, tax.amountMinor]),
    notices: result.notices,
  };
}

/** One row of a pricing table: what goes in, and the figures that must come out. */
export interface PricingCase {
  name: string;
  input: PricingInput;
  expected: ExpectedPricing;
}

// The rates, modes and options the tables use.
export const tax10 = rate('tax10', '10');
export const zero = rate('zero', '0');
export const nyc = rate('nyc', '8.875', 'NY State + NYC');
export const state6 = rate('state', '6', 'State');
export const city25 = rate('city', '2.5', 'City');
export const vat20 = rate('vat20', '20', 'VAT');
export const vat5 = rate('vat5', '5', 'VAT reduced');
export const r10 = rate('r10', '10');
export const r5 = rate('r5', '5');
export const gst = rate('gst', '5', 'GST');
export const pst = rate('pst', '7', 'PST');
export const jct10 = rate('jct10', '10', '消費税');
export const jct8 = rate('jct8', '8', '消費税 (軽減)');
export const inclusive = { taxMode: 'inclusive' } as const;
export const cad = { cashRoundingIncrementMinor: 5n };
