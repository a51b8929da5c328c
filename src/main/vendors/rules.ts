/**
 * Revenue splits as pure rules. A line's net is its revenue after its own and its share of the order's
 * discount, without tax and tip (what `lineRevenueMinor` gives).
 *
 * - share terms: the vendor gets net × percent, rounded DOWN to the minor unit (the store keeps the
 *   fraction); percent with at most 2 decimals, worked in hundredths of a percent (integers only).
 * - commission terms: the store keeps a fixed commission per unit; the vendor gets net − commission ×
 *   quantity, never below 0.
 * - a refund of `quantity` of the `left` units not yet refunded takes back the same share of what is
 *   left of the vendor's part (`allocate`: exact, no unit lost); the refund of the last units takes
 *   back all that is left, so the vendor's part of a fully refunded line is 0 to the unit.
 */
import { allocate } from '../../shared/money';
import { hundredthsOfPercent } from '../coins/packages';

export type VendorTerms =
  | { readonly kind: 'share'; readonly percent: string }
  | { readonly kind: 'commission'; readonly commissionMinor: bigint };

export function vendorPartOf(netMinor: bigint, quantity: number, terms: VendorTerms): bigint {
  if (netMinor <= 0n) return 0n;
  if (terms.kind === 'share') return (netMinor * hundredthsOfPercent(terms.percent)) / 10_000n;
  const part = netMinor - terms.commissionMinor * BigInt(quantity);
  return part > 0n ? part : 0n;
}

/** The vendor's part taken back by refunding `quantity` of the `leftQuantity` units left. */
export function vendorPartBack(leftPartMinor: bigint, leftQuantity: number, quantity: number): bigint {
  if (quantity <= 0 || leftQuantity <= 0) return 0n;
  if (quantity >= leftQuantity) return leftPartMinor;
  const [back] = allocate(leftPartMinor, [BigInt(quantity), BigInt(leftQuantity - quantity)]);
  return back ?? 0n;
}
