/**
 * The input and result of priceCart. Every amount is a bigint of minor units of the store currency
 * (cents for USD, yen for JPY); every percent is a decimal string (`"8.875"`, `"12.5"`), never a float.
 */

/** A discount: an amount off the line total (not per unit), or a percent of it. */
export type Discount =
  | { readonly kind: 'amount'; readonly amountMinor: bigint }
  | { readonly kind: 'percent'; readonly percent: string };

/** A tax that applies to a line. A taxId means one tax: the same rate and name on every line. */
export interface TaxRate {
  readonly taxId: string;
  readonly name: string;
  /** `"8.875"` for 8.875 %; from 0 to 100, at most 6 decimals. */
  readonly ratePercent: string;
}

export interface PricingLineInput {
  readonly lineId: string;
  /** Price of one unit; includes tax when the cart's taxMode is `inclusive`. */
  readonly unitPriceMinor: bigint;
  /** A positive whole number. */
  readonly quantity: number;
  /** Each rate applies to the same base (no tax on tax). Empty or `"0"` for a zero-rated line. */
  readonly taxRates: readonly TaxRate[];
  readonly discount?: Discount;
}

export type Tip =
  | { readonly kind: 'amount'; readonly amountMinor: bigint }
  | {
      readonly kind: 'percent';
      readonly percent: string;
      /** `pre_tax`: percent of the discounted amount without tax; `post_tax`: of the total with tax. */
      readonly base: 'pre_tax' | 'post_tax';
    };

export type TaxMode = 'inclusive' | 'exclusive';
export type TaxRounding = 'per_line' | 'per_order';
export type PricingRoundingMode = 'half_up' | 'half_even';

export interface PricingInput {
  readonly lines: readonly PricingLineInput[];
  /** Spread over the lines in proportion to their net after line discounts. */
  readonly orderDiscount?: Discount;
  /** `inclusive`: prices include tax; `exclusive`: tax is added on top. */
  readonly taxMode: TaxMode;
  /** Round each line's tax, or each tax once for the whole order. */
  readonly taxRounding: TaxRounding;
  /** How percent discounts, taxes and percent tips round to the minor unit. */
  readonly roundingMode: PricingRoundingMode;
  readonly tip?: Tip;
  /** Cash rounding step, e.g. 5n for CAD (no 1-cent coins); no cash rounding when absent. */
  readonly cashRoundingIncrementMinor?: bigint;
}

/** One tax on one line. */
export interface LineTax {
  readonly taxId: string;
  readonly name: string;
  readonly ratePercent: string;
  /** The amount the rate applies to: the line net, without the tax when prices include it. */
  readonly baseMinor: bigint;
  readonly amountMinor: bigint;
}

export interface PricedLine {
  readonly lineId: string;
  readonly quantity: number;
  readonly unitPriceMinor: bigint;
  /** unitPrice × quantity. */
  readonly grossMinor: bigint;
  /** The line discount applied, at most the gross. */
  readonly lineDiscountMinor: bigint;
  /** True when the line discount asked for more than the gross and was cut to it. */
  readonly lineDiscountClamped: boolean;
  /** This line's part of the order discount. */
  readonly orderDiscountShareMinor: bigint;
  /** gross − line discount − order-discount share; includes tax when prices include it. Never negative. */
  readonly netMinor: bigint;
  readonly taxes: readonly LineTax[];
  readonly taxMinor: bigint;
  /** What the customer pays for this line before the tip: net + tax (exclusive) or net (inclusive). */
  readonly totalMinor: bigint;
}

/** One tax over the whole order, for the receipt and the tax report. */
export interface TaxSummary {
  readonly taxId: string;
  readonly name: string;
  readonly ratePercent: string;
  readonly baseMinor: bigint;
  readonly amountMinor: bigint;
}

/** Something the pricing changed from what was asked, to show the cashier. */
export type PricingNotice =
  | {
      readonly kind: 'line_discount_clamped';
      readonly lineId: string;
      readonly requestedMinor: bigint;
      readonly appliedMinor: bigint;
    }
  | {
      readonly kind: 'order_discount_clamped';
      readonly requestedMinor: bigint;
      readonly appliedMinor: bigint;
    };

export interface PricingResult {
  readonly lines: readonly PricedLine[];
  /** One entry per taxId, in the order the taxes first appear on the lines. */
  readonly taxes: readonly TaxSummary[];
  /** Sum of the line grosses, before any discount. */
  readonly subtotalMinor: bigint;
  readonly lineDiscountTotalMinor: bigint;
  readonly orderDiscountMinor: bigint;
  /** Line discounts + order discount. */
  readonly discountTotalMinor: bigint;
  /** All tax, whether added (exclusive) or included in the prices (inclusive). */
  readonly taxTotalMinor: bigint;
  readonly tipMinor: bigint;
  /**
   * What the customer pays: subtotal − discounts + tax + tip when tax is added; subtotal − discounts + tip
   * when prices include it.
   */
  readonly totalMinor: bigint;
  /** The total rounded half-up to the cash increment; equal to totalMinor without cash rounding. */
  readonly cashTotalMinor: bigint;
  /** cashTotal − total: what cash rounding added (positive) or took off (negative). */
  readonly cashRoundingMinor: bigint;
  readonly notices: readonly PricingNotice[];
}
