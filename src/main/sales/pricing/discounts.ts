/** Line discounts and the order discount: the first two steps of the pricing order. */
import { allocate, divideRounded } from '../../../shared/money';
import { type PricingRoundingMode } from './types';
import { PERCENT_SCALE, type ParsedDiscount } from './validate';

export interface AppliedDiscount {
  /** What was applied: never more than the amount it applies to. */
  readonly appliedMinor: bigint;
  /** What was asked for (for an amount discount, the amount; for a percent, the rounded share). */
  readonly requestedMinor: bigint;
  readonly clamped: boolean;
}

/**
 * The discount off `amountMinor` (a line gross, or the order's net after line discounts).
 *
 * Rounding: a percent discount is `amount × percent / 100` rounded to the minor unit with the store's
 * rounding mode (half-up or half-even); 100 % is exactly the amount. An amount discount larger than
 * `amountMinor` is cut to it (clamped), so nothing goes below zero.
 */
export function applyDiscount(
  amountMinor: bigint,
  discount: ParsedDiscount | undefined,
  roundingMode: PricingRoundingMode,
): AppliedDiscount {
  if (discount === undefined) return { appliedMinor: 0n, requestedMinor: 0n, clamped: false };
  const requestedMinor =
    discount.kind === 'amount'
      ? discount.amountMinor
      : divideRounded(amountMinor * discount.percentScaled, PERCENT_SCALE, roundingMode);
  const clamped = requestedMinor > amountMinor;
  return { appliedMinor: clamped ? amountMinor : requestedMinor, requestedMinor, clamped };
}

/**
 * Each line's part of `orderDiscountMinor`, in proportion to the lines' nets after line discounts
 * (largest remainder, ties to the earlier line, see allocate). No share exceeds its line's net because
 * the order discount never exceeds the sum of the nets. All zero when every net is zero.
 */
export function spreadOrderDiscount(orderDiscountMinor: bigint, netsMinor: readonly bigint[]): bigint[] {
  const totalNet = netsMinor.reduce((sum, net) => sum + net, 0n);
  if (totalNet === 0n) return netsMinor.map(() => 0n);
  return allocate(orderDiscountMinor, netsMinor);
}
