/**
 * What the cart shows, derived from the order as the core priced it, pure: the totals rows, how a
 * discount or tip reads, a product's price in the store currency, and typed amounts turned into
 * the minor-unit strings the API takes. Nothing here prices anything: the core did.
 */
import { percentSchema } from '../../../../shared/api/orders';
import { parseMoney } from '../../../../shared/money';
import { localeNumberInfo } from '../../../../shared/money/locale';
import {
  type Discount,
  type OrderLineView,
  type OrderView,
  type Product,
  type Tip,
  type Variant,
} from './types';

export interface TotalsRow {
  key: string;
  label: string;
  amountMinor: string;
  /** `total` is the big one; `discount` shows as money taken off; `muted` is information only. */
  kind: 'plain' | 'discount' | 'muted' | 'total';
}

const isZero = (minor: string) => /^-?0+$/.test(minor);

/** "−250" from "250": a discount shown as money off. */
export function negated(minor: string): string {
  if (isZero(minor)) return '0';
  return minor.startsWith('-') ? minor.slice(1) : `-${minor}`;
}

/**
 * The rows under the cart: subtotal, the discounts (when any), each tax rate (added, or "incl."
 * when prices include it), the tip (when any), the total. Zero rows stay out, except subtotal
 * and total.
 */
export function totalsRows(order: OrderView): TotalsRow[] {
  const { totals } = order;
  // "Subtotal" means after item discounts everywhere (as the receipt prints it): with item discounts,
  // the sum before them is named for what it is.
  const rows: TotalsRow[] = [
    {
      key: 'subtotal',
      label: isZero(totals.lineDiscountsMinor) ? 'Subtotal' : 'Items before discounts',
      amountMinor: totals.subtotalMinor,
      kind: 'plain',
    },
  ];
  if (!isZero(totals.lineDiscountsMinor)) {
    rows.push({
      key: 'line-discounts',
      label: 'Item discounts',
      amountMinor: negated(totals.lineDiscountsMinor),
      kind: 'discount',
    });
  }
  if (!isZero(totals.orderDiscountMinor)) {
    rows.push({
      key: 'order-discount',
      label: order.discount ? `Order discount (${discountLabel(order.discount)})` : 'Order discount',
      amountMinor: negated(totals.orderDiscountMinor),
      kind: 'discount',
    });
  }
  for (const tax of order.taxes) {
    if (isZero(tax.amountMinor)) continue;
    rows.push({
      key: `tax-${tax.taxId}`,
      label: `${order.taxMode === 'inclusive' ? 'Incl. ' : ''}${tax.name} ${tax.ratePercent}%`,
      amountMinor: tax.amountMinor,
      kind: order.taxMode === 'inclusive' ? 'muted' : 'plain',
    });
  }
  if (!isZero(totals.tipMinor)) {
    rows.push({
      key: 'tip',
      label: order.tip?.kind === 'percent' ? `Tip (${order.tip.percent}%)` : 'Tip',
      amountMinor: totals.tipMinor,
      kind: 'plain',
    });
  }
  rows.push({ key: 'total', label: 'Total', amountMinor: totals.totalMinor, kind: 'total' });
  return rows;
}

/** "10% off" or "amount off" words for a discount; the amount itself is shown by <Money/>. */
export function discountLabel(discount: Discount): string {
  return discount.kind === 'percent' ? `${trimPercent(discount.percent)}% off` : 'amount off';
}

/** "12.50" → "12.5", "10.000" → "10": a percent as people write it. */
export function trimPercent(percent: string): string {
  if (!percent.includes('.')) return percent;
  const trimmed = percent.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '' ? '0' : trimmed;
}

/** How many items the cart holds (quantities added up). */
export function itemCount(order: OrderView | null): number {
  return order ? order.lines.reduce((sum, line) => sum + line.quantity, 0) : 0;
}

/** A line's second row: "2 × $4.50", the discount, the refund state. */
export function lineHasDiscount(line: OrderLineView): boolean {
  return !isZero(line.lineDiscountMinor);
}

/** "Latte · Large", or just "Espresso" for a product's one default variant. */
export function variantLabel(product: Pick<Product, 'name'>, variant: Pick<Variant, 'name'>): string {
  return variant.name ? `${product.name} · ${variant.name}` : product.name;
}

/** A variant's price in `currency` (minor units), or null when it has none there. */
export function priceIn(variant: Pick<Variant, 'prices'>, currency: string): string | null {
  return variant.prices.find((price) => price.currency === currency)?.amount ?? null;
}

/** What a product tile shows: one price, a "from" price when variants differ, or nothing to sell. */
export type TilePrice =
  { kind: 'one'; amountMinor: string } | { kind: 'from'; amountMinor: string } | { kind: 'none' };

export function tilePrice(product: Pick<Product, 'variants'>, currency: string): TilePrice {
  const prices = product.variants
    .map((variant) => priceIn(variant, currency))
    .filter((price): price is string => price !== null)
    .map((price) => BigInt(price));
  if (prices.length === 0) return { kind: 'none' };
  const min = prices.reduce((a, b) => (b < a ? b : a));
  const allSame = prices.every((price) => price === min);
  return {
    kind: allSame && prices.length === product.variants.length ? 'one' : 'from',
    amountMinor: min.toString(),
  };
}

/**
 * An amount typed on a keypad or in a field ("12", "12.5", "12.") as minor units of `currency`
 * ("1250"), or null when nothing is typed. Read by the shared money rules (parseMoney) in
 * `locale`: exact, never through a float; too many decimals, letters, a sign or an exponent are
 * refused with the parser's sentence (thrown), never rounded or stripped.
 */
export function typedAmountToMinor(text: string, currency: string, locale = 'en-US'): string | null {
  const { decimalSeparator } = localeNumberInfo(locale);
  let trimmed = text.trim();
  if (trimmed.endsWith(decimalSeparator)) trimmed = trimmed.slice(0, -decimalSeparator.length);
  if (trimmed === '') return null;
  return parseMoney(trimmed, currency, { locale }).toString();
}

/** A typed percent as the API takes it ("12.5"), or null when nothing is typed. */
export function typedPercent(text: string): string | null {
  const trimmed = text.trim().replace(/\.$/, '');
  return trimmed === '' ? null : trimmed;
}

export type DiscountKind = Discount['kind'];

/**
 * The discount a person typed, as the API takes it; null when the field is empty (no discount).
 * A percent is checked against the core's own schema (percentSchema) and an amount read by the
 * shared money rules, so a refusal (thrown, a sentence for people) is the core's rule, said here,
 * before anything is sent. The core checks the rest (not more than the line, the store's limit).
 */
export function discountFromTyped(
  kind: DiscountKind,
  text: string,
  currency: string,
  locale = 'en-US',
): Discount | null {
  if (kind === 'percent') {
    const percent = typedPercent(text);
    if (percent === null) return null;
    const checked = percentSchema.safeParse(percent);
    if (!checked.success) {
      throw new Error(`A percent ${checked.error.issues[0]?.message ?? 'must be between 0 and 100'}.`);
    }
    return /^0*(\.0*)?$/.test(percent) ? null : { kind: 'percent', percent };
  }
  const amount = typedAmountToMinor(text, currency, locale);
  return amount === null || BigInt(amount) === 0n ? null : { kind: 'amount', amount };
}

/** The text a discount field starts with when a discount is already set. */
export function typedFromDiscount(
  discount: Discount | null,
  currency: string,
  toDecimal: (minor: bigint, asset: string) => string,
): string {
  if (!discount) return '';
  return discount.kind === 'percent'
    ? trimPercent(discount.percent)
    : toDecimal(BigInt(discount.amount), currency);
}

/** Which tip choice is active: "none", a preset ("15"), or "custom" for any other tip. */
export function tipChoiceOf(tip: Tip | null, presetsPercent: readonly string[]): string {
  if (!tip) return 'none';
  if (tip.kind === 'percent') {
    const preset = presetsPercent.find((p) => trimPercent(p) === trimPercent(tip.percent));
    if (preset !== undefined) return preset;
  }
  return 'custom';
}

/** Why a typed discount cannot be used (a sentence), or null when it can or nothing is typed. */
export function discountTextProblem(
  kind: DiscountKind,
  text: string,
  currency: string,
  locale = 'en-US',
): string | null {
  try {
    discountFromTyped(kind, text, currency, locale);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'This discount cannot be used.';
  }
}

/** The line added or whose quantity changed since `before` (line id → quantity), the last such; null when none. */
export function changedLineId(
  before: ReadonlyMap<string, number>,
  lines: readonly { id: string; quantity: number }[],
): string | null {
  let changed: string | null = null;
  for (const line of lines) if (before.get(line.id) !== line.quantity) changed = line.id;
  return changed;
}

/** Whether a line carries no tax (no rate, or only 0% rates): the cart marks it "No tax". */
export function isUntaxedLine(line: { taxRates: readonly { ratePercent: string }[] }): boolean {
  return line.taxRates.every((rate) => /^0*(\.0*)?$/.test(rate.ratePercent));
}
