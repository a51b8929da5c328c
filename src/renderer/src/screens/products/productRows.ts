/**
 * What the product list shows for each product, pure: its price in the store currency (one price,
 * or the lowest and highest of its variants — compared as bigint minor units), its stock (only
 * variants that track stock count), and whether it is low or out. Also the stock form's rule.
 */
import { type Product, type StockReason } from '../../../../shared/api/catalog';

/** At or below this many units on hand a tracked variant is "low" (the list's badge, catalog.lowStock). */
export const lowStockThreshold = 5;

export type PriceSummary =
  | { kind: 'none' }
  | { kind: 'one'; amountMinor: string }
  | { kind: 'range'; lowMinor: string; highMinor: string };

export function priceSummary(product: Product, currency: string): PriceSummary {
  const amounts = product.variants
    .map((variant) => variant.prices.find((price) => price.currency === currency)?.amount)
    .filter((amount): amount is string => amount !== undefined)
    .map((amount) => BigInt(amount));
  if (amounts.length === 0) return { kind: 'none' };
  let low = amounts[0]!;
  let high = amounts[0]!;
  for (const amount of amounts) {
    if (amount < low) low = amount;
    if (amount > high) high = amount;
  }
  return low === high
    ? { kind: 'one', amountMinor: low.toString() }
    : { kind: 'range', lowMinor: low.toString(), highMinor: high.toString() };
}

export type StockLevel = 'untracked' | 'ok' | 'low' | 'out';

export interface StockSummary {
  level: StockLevel;
  /** Units on hand over the tracked variants. */
  onHand: number;
  trackedVariants: number;
}

export function stockLevel(onHand: number, threshold = lowStockThreshold): Exclude<StockLevel, 'untracked'> {
  if (onHand <= 0) return 'out';
  return onHand <= threshold ? 'low' : 'ok';
}

/** The product's stock: the worst level of its tracked variants, and their units together. */
export function stockSummary(product: Product, threshold = lowStockThreshold): StockSummary {
  const tracked = product.variants.filter((variant) => variant.trackStock);
  if (tracked.length === 0) return { level: 'untracked', onHand: 0, trackedVariants: 0 };
  const rank: Record<Exclude<StockLevel, 'untracked'>, number> = { ok: 0, low: 1, out: 2 };
  let level: Exclude<StockLevel, 'untracked'> = 'ok';
  let onHand = 0;
  for (const variant of tracked) {
    onHand += variant.onHand;
    const own = stockLevel(variant.onHand, threshold);
    if (rank[own] > rank[level]) level = own;
  }
  return { level, onHand, trackedVariants: tracked.length };
}

/** "COF-AME-S" for one variant, "2 SKUs" for several. */
export function skuSummary(product: Product): string {
  if (product.variants.length === 1) return product.variants[0]!.sku;
  return `${product.variants.length} SKUs`;
}

export type StockAction = Extract<StockReason, 'receive' | 'adjustment' | 'count'>;

export type StockRequest =
  { reason: 'receive' | 'adjustment'; delta: number } | { reason: 'count'; countedQuantity: number };

/**
 * The quantity typed in the stock dialog as a catalog.adjustStock request: received units (above
 * 0), an adjustment (a whole number, + or −, not 0), or the counted quantity (0 or more).
 */
export function stockRequest(
  action: StockAction,
  text: string,
): { ok: true; request: StockRequest } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/^\+/, '').replace('\u2212', '-');
  if (trimmed === '') return { ok: false, message: 'Enter a quantity.' };
  if (!/^-?\d{1,9}$/.test(trimmed)) return { ok: false, message: 'A quantity is a whole number of units.' };
  const value = Number(trimmed);
  if (action === 'receive') {
    if (value <= 0) return { ok: false, message: 'Receive at least 1 unit.' };
    return { ok: true, request: { reason: 'receive', delta: value } };
  }
  if (action === 'adjustment') {
    if (value === 0) return { ok: false, message: 'An adjustment of 0 changes nothing.' };
    return { ok: true, request: { reason: 'adjustment', delta: value } };
  }
  if (value < 0) return { ok: false, message: 'A counted quantity cannot be negative.' };
  return { ok: true, request: { reason: 'count', countedQuantity: value } };
}
