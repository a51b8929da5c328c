/**
 * Pricing rules: priceCart, one pure function from a cart (lines, discounts, tax mode and rounding, tip,
 * cash rounding) to every figure of the order, line by line and in total, in the design's pricing order
 * (line discounts, order discount, tax, tip). Amounts are bigint minor units of the store currency.
 */
export { priceCart } from './pricing';
export { PERCENT_SCALE, parsePercent } from './validate';
export type {
  Discount,
  LineTax,
  PricedLine,
  PricingInput,
  PricingLineInput,
  PricingNotice,
  PricingResult,
  PricingRoundingMode,
  TaxMode,
  TaxRate,
  TaxRounding,
  TaxSummary,
  Tip,
} from './types';
