/**
 * priceCart: the one pure function that prices a cart, in the order the design sets: line discounts, then
 * the order discount, then tax (included in or added to the prices), then the tip, then cash rounding.
 */
import { divideRounded, roundToIncrement } from '../../../shared/money';
import { applyDiscount, spreadOrderDiscount } from './discounts';
import { computeTaxes } from './tax';
import { type PricedLine, type PricingInput, type PricingNotice, type PricingResult } from './types';
import { PERCENT_SCALE, type ParsedTip, validatePricingInput } from './validate';

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

/**
 * The tip. A percent tip is `base × percent` rounded to the minor unit with the store's rounding mode;
 * the base is the discounted amount without tax (`pre_tax`) or the total with tax (`post_tax`).
 */
function computeTip(
  tip: ParsedTip | undefined,
  preTaxMinor: bigint,
  postTaxMinor: bigint,
  roundingMode: 'half_up' | 'half_even',
): bigint {
  if (tip === undefined) return 0n;
  if (tip.kind === 'amount') return tip.amountMinor;
  const baseMinor = tip.base === 'pre_tax' ? preTaxMinor : postTaxMinor;
  return divideRounded(baseMinor * tip.percentScaled, PERCENT_SCALE, roundingMode);
}

/**
 * Prices a cart. Amounts are bigint minor units of the store currency. Throws TillpointError `bad_input`
 * (naming the field) for a negative price, a quantity that is not a positive whole number, a percent
 * outside 0–100 or not written as a decimal, and the like. See types.ts for what each result field means.
 */
export function priceCart(input: PricingInput): PricingResult {
  const valid = validatePricingInput(input);
  const { roundingMode } = valid;
  const notices: PricingNotice[] = [];

  // 1. Line discounts, each on its line's gross, cut to the gross.
  const lineDiscounts = valid.lines.map((line) => {
    const applied = applyDiscount(line.grossMinor, line.discount, roundingMode);
    if (applied.clamped) {
      notices.push({
        kind: 'line_discount_clamped',
        lineId: line.lineId,
        requestedMinor: applied.requestedMinor,
        appliedMinor: applied.appliedMinor,
      });
    }
    return applied;
  });
  const netsAfterLineDiscount = valid.lines.map(
    (line, index) => line.grossMinor - (lineDiscounts[index]?.appliedMinor ?? 0n),
  );

  // 2. The order discount, on the sum of those nets, cut to it, and spread over the lines by net.
  const orderDiscount = applyDiscount(sum(netsAfterLineDiscount), valid.orderDiscount, roundingMode);
  if (orderDiscount.clamped) {
    notices.push({
      kind: 'order_discount_clamped',
      requestedMinor: orderDiscount.requestedMinor,
      appliedMinor: orderDiscount.appliedMinor,
    });
  }
  const orderShares = spreadOrderDiscount(orderDiscount.appliedMinor, netsAfterLineDiscount);
  const nets = netsAfterLineDiscount.map((net, index) => net - (orderShares[index] ?? 0n));

  // 3. Tax on the discounted lines.
  const taxOutcome = computeTaxes(
    valid.lines.map((line, index) => ({ netMinor: nets[index] ?? 0n, rates: line.rates })),
    valid.taxMode,
    valid.taxRounding,
    roundingMode,
  );
  const taxTotalMinor = sum(taxOutcome.lines.map((line) => line.taxMinor));

  const lines = valid.lines.map((line, index): PricedLine => {
    const netMinor = nets[index] ?? 0n;
    const taxes = taxOutcome.lines[index] ?? { taxes: [], taxMinor: 0n };
    const discount = lineDiscounts[index];
    return {
      lineId: line.lineId,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      grossMinor: line.grossMinor,
      lineDiscountMinor: discount?.appliedMinor ?? 0n,
      lineDiscountClamped: discount?.clamped ?? false,
      orderDiscountShareMinor: orderShares[index] ?? 0n,
      netMinor,
      taxes: taxes.taxes,
      taxMinor: taxes.taxMinor,
      totalMinor: valid.taxMode === 'exclusive' ? netMinor + taxes.taxMinor : netMinor,
    };
  });

  const subtotalMinor = sum(valid.lines.map((line) => line.grossMinor));
  const lineDiscountTotalMinor = sum(lineDiscounts.map((discount) => discount.appliedMinor));
  const discountTotalMinor = lineDiscountTotalMinor + orderDiscount.appliedMinor;
  const netTotalMinor = subtotalMinor - discountTotalMinor;
  const preTaxMinor = valid.taxMode === 'exclusive' ? netTotalMinor : netTotalMinor - taxTotalMinor;
  const postTaxMinor = valid.taxMode === 'exclusive' ? netTotalMinor + taxTotalMinor : netTotalMinor;

  // 4. The tip, on top of everything.
  const tipMinor = computeTip(valid.tip, preTaxMinor, postTaxMinor, roundingMode);
  const totalMinor = postTaxMinor + tipMinor;

  // 5. Cash rounding: the total rounded half-up to the increment, as Canada does for its nickel
  //    (x.x1, x.x2 → x.x0; x.x3, x.x4 → x.x5; x.x6, x.x7 → x.x5; x.x8, x.x9 → next x.x0).
  const cashTotalMinor =
    valid.cashRoundingIncrementMinor === undefined
      ? totalMinor
      : roundToIncrement(totalMinor, valid.cashRoundingIncrementMinor, 'half_up');

  return {
    lines,
    taxes: taxOutcome.summary,
    subtotalMinor,
    lineDiscountTotalMinor,
    orderDiscountMinor: orderDiscount.appliedMinor,
    discountTotalMinor,
    taxTotalMinor,
    tipMinor,
    totalMinor,
    cashTotalMinor,
    cashRoundingMinor: cashTotalMinor - totalMinor,
    notices,
  };
}
