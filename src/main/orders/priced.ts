/**
 * An order's prices: an open order is priced afresh by `priceCart` with the store settings on every
 * read; a paid order shows the priced cart frozen when it was paid (JSON in orders.pricing), so later
 * changes to settings or the catalog never change what was sold.
 */
import { type StoreSettings } from '../../shared/api/settings';
import { priceCart, type PricingInput, type PricingResult, type TaxMode } from '../sales/pricing';
import { type OrderLineRecord, type OrderRecord, toJson } from './ordersStore';

export interface PricedOrder {
  readonly taxMode: TaxMode;
  readonly result: PricingResult;
}

export function pricingInputOf(
  order: OrderRecord,
  lines: readonly OrderLineRecord[],
  settings: StoreSettings,
): PricingInput {
  const incrementMinor = BigInt(settings.cashRoundingIncrementMinor);
  return {
    lines: lines.map((line) => ({
      lineId: line.id,
      unitPriceMinor: line.unitPriceMinor,
      quantity: line.quantity,
      taxRates: line.taxRates,
      ...(line.discount ? { discount: line.discount } : {}),
    })),
    ...(order.discount ? { orderDiscount: order.discount } : {}),
    taxMode: settings.taxMode,
    taxRounding: settings.taxRounding,
    roundingMode: settings.roundingMode,
    ...(order.tip ? { tip: order.tip } : {}),
    ...(incrementMinor > 0n ? { cashRoundingIncrementMinor: incrementMinor } : {}),
  };
}

export function freezePricing(priced: PricedOrder): string {
  return toJson(priced);
}

/** Every bigint of a PricingResult sits under a key ending in "Minor"; they come back as bigint. */
export function thawPricing(json: string): PricedOrder {
  return JSON.parse(json, (key, value: unknown) =>
    key.endsWith('Minor') && typeof value === 'string' ? BigInt(value) : value,
  ) as PricedOrder;
}

export function priceOrder(
  order: OrderRecord,
  lines: readonly OrderLineRecord[],
  settings: StoreSettings,
): PricedOrder {
  if (order.pricing !== null) return thawPricing(order.pricing);
  return { taxMode: settings.taxMode, result: priceCart(pricingInputOf(order, lines, settings)) };
}

/** A line's revenue: its priced total without tax (and without tip). */
export function lineRevenueMinor(line: PricingResult['lines'][number]): bigint {
  return line.totalMinor - line.taxMinor;
}
