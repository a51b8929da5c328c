/**
 * The manager-gated limits of the cart, judged on the order as it will be paid.
 *
 * A discount is measured where the cashier gives it: each line's own discount against the line's
 * gross, and the order discount against what is left after the line discounts. A measure above the
 * store's `discountLimitPercent` stands only with a manager's approval, recorded on the line or the
 * order (`discount_approved_by`). After every cart change (a line added, a quantity changed, a line
 * removed, a discount set) the priced result is judged again: a measure over the limit is covered
 * when it was approved before this change, is not a newly set discount, and takes no bigger share
 * than it did (an approval covers "this share of this line / order", never more). Anything else
 * over the limit needs one approval bound to the order (`discount_over_limit`), or the whole change
 * is refused with `approval_required` and writes nothing. A custom item priced above the store's
 * `priceOverrideThresholdMinor` needs `price_override` the same way; when one change needs both,
 * the one `price_override` approval (which shows the discount too) covers it.
 *
 * `assertDiscountsApproved` is the last word before a payment: an order with a discount over the
 * limit that no manager approved (the limit lowered since, say) cannot be paid.
 */
import { TillpointError } from '../../shared/api/errors';
import { type StoreSettings } from '../../shared/api/settings';
import { type ApprovalAction } from '../../shared/api/staff';
import { divideRounded, formatMoney, type RoundingMode } from '../../shared/money';
import { type CallContext, type Db } from '../kernel';
import { parsePercent, PERCENT_SCALE, type PricingResult } from '../sales/pricing';
import { type OrdersContext } from './context';
import { getOrder, orderLines, type OrderLineRecord, type OrderRecord } from './ordersStore';
import { priceOrder } from './priced';

/**
 * Whether a discount of `appliedMinor` off `baseMinor` is above the store's limit of `limitPercent`
 * percent. The limit is turned into money with the same rounding as a percent discount (the store's
 * rounding mode), so a discount of exactly the limit percent (10% of $3.25 = $0.325 → $0.33) is within
 * it, as the cashier was told.
 */
export function discountOverLimit(
  appliedMinor: bigint,
  baseMinor: bigint,
  limitPercent: string,
  roundingMode: RoundingMode,
): boolean {
  if (appliedMinor <= 0n) return false;
  const limitMinor = divideRounded(
    baseMinor * parsePercent(limitPercent, 'discountLimitPercent'),
    PERCENT_SCALE,
    roundingMode,
  );
  return appliedMinor > limitMinor;
}

/** The key of the order discount among the measures; a line's key is its id. */
export const orderDiscountKey = 'order';

/** One discount as the limit sees it: what it takes off what it applies to. */
export interface DiscountMeasure {
  readonly key: string;
  /** For people: the line's name, or "the order". */
  readonly label: string;
  readonly discountMinor: bigint;
  readonly baseMinor: bigint;
}

/** Every discount of a priced order: each discounted line, then the order discount. */
export function discountMeasures(
  result: PricingResult,
  lines: readonly Pick<OrderLineRecord, 'id' | 'name'>[],
): DiscountMeasure[] {
  const names = new Map(lines.map((line) => [line.id, line.name]));
  const measures: DiscountMeasure[] = result.lines
    .filter((line) => line.lineDiscountMinor > 0n)
    .map((line) => ({
      key: line.lineId,
      label: names.get(line.lineId) ?? 'a line',
      discountMinor: line.lineDiscountMinor,
      baseMinor: line.grossMinor,
    }));
  if (result.orderDiscountMinor > 0n) {
    measures.push({
      key: orderDiscountKey,
      label: 'the order',
      discountMinor: result.orderDiscountMinor,
      baseMinor: result.subtotalMinor - result.lineDiscountTotalMinor,
    });
  }
  return measures;
}

export function measureOverLimit(
  measure: DiscountMeasure,
  settings: Pick<StoreSettings, 'discountLimitPercent' | 'roundingMode'>,
): boolean {
  return discountOverLimit(
    measure.discountMinor,
    measure.baseMinor,
    settings.discountLimitPercent,
    settings.roundingMode,
  );
}

/** Whether `after` takes a bigger share of its base than `before` (cross-multiplied, exact). */
export function biggerShare(after: DiscountMeasure, before: DiscountMeasure): boolean {
  return after.discountMinor * before.baseMinor > before.discountMinor * after.baseMinor;
}

/** Who approved each discount of an order: `order` and line ids → staff id (or null). */
export function readDiscountApprovals(db: Db, orderId: string): Map<string, string | null> {
  const marks = new Map<string, string | null>();
  const order = db.prepare('SELECT discount_approved_by FROM orders WHERE id = ?').get(orderId) as
    { discount_approved_by: string | null } | undefined;
  marks.set(orderDiscountKey, order?.discount_approved_by ?? null);
  const rows = db
    .prepare('SELECT id, discount_approved_by FROM order_lines WHERE order_id = ?')
    .all(orderId) as { id: string; discount_approved_by: string | null }[];
  for (const row of rows) marks.set(row.id, row.discount_approved_by);
  return marks;
}

function writeDiscountApproval(db: Db, orderId: string, key: string, staffId: string | null): void {
  if (key === orderDiscountKey) {
    db.prepare('UPDATE orders SET discount_approved_by = ? WHERE id = ?').run(staffId, orderId);
  } else {
    db.prepare('UPDATE order_lines SET discount_approved_by = ? WHERE id = ? AND order_id = ?').run(
      staffId,
      key,
      orderId,
    );
  }
}

/** What a cart change did, as the limits need to know it. */
export interface CartChangeFacts {
  /** For the audit and the manager: add_line, update_line, remove_line, set_discount. */
  readonly change: string;
  /** Measures whose discount this change set (a new discount is judged afresh, never covered). */
  readonly newDiscounts: readonly string[];
  /** A custom item priced above the store's threshold: needs price_override. */
  readonly priceOverride?: { readonly name: string; readonly unitPriceMinor: bigint } | undefined;
}

export interface CartJudgement {
  readonly order: OrderRecord;
  readonly lines: readonly OrderLineRecord[];
  readonly before: PricingResult;
  readonly after: PricingResult;
  /** Who approved which discount before the change (readDiscountApprovals). */
  readonly approvalsBefore: ReadonlyMap<string, string | null>;
  readonly facts: CartChangeFacts;
  readonly approval: string | undefined;
}

/** The measures of `after` over the limit that no approval given before covers. */
export function uncoveredMeasures(
  before: readonly DiscountMeasure[],
  after: readonly DiscountMeasure[],
  approvalsBefore: ReadonlyMap<string, string | null>,
  newDiscounts: readonly string[],
  settings: Pick<StoreSettings, 'discountLimitPercent' | 'roundingMode'>,
): DiscountMeasure[] {
  const earlier = new Map(before.map((measure) => [measure.key, measure]));
  return after.filter((measure) => {
    if (!measureOverLimit(measure, settings)) return false;
    const was = earlier.get(measure.key);
    const covered =
      was !== undefined &&
      (approvalsBefore.get(measure.key) ?? null) !== null &&
      !newDiscounts.includes(measure.key) &&
      !biggerShare(measure, was);
    return !covered;
  });
}

/**
 * Judges a cart change inside its transaction (after the change is written): asks for the approval it
 * needs (refusing the change with `approval_required` and the details a manager needs), records who
 * approved which discount, clears approvals of discounts now within the limit, and audits.
 */
export function judgeCartChange(oc: OrdersContext, ctx: CallContext, judged: CartJudgement): void {
  const { db } = oc.deps;
  const settings = oc.settings.get();
  const { order, facts } = judged;
  const before = discountMeasures(judged.before, judged.lines);
  const after = discountMeasures(judged.after, judged.lines);
  const uncovered = uncoveredMeasures(before, after, judged.approvalsBefore, facts.newDiscounts, settings);
  const thresholdMinor = BigInt(settings.priceOverrideThresholdMinor);

  let approvedBy: string | null = null;
  if (uncovered.length > 0 || facts.priceOverride) {
    const action: ApprovalAction = facts.priceOverride ? 'price_override' : 'discount_over_limit';
    const money = (minor: bigint) => formatMoney(minor, order.currency, settings.locale);
    const discountBefore = judged.before.discountTotalMinor;
    const discountAfter = judged.after.discountTotalMinor;
    const what = facts.priceOverride
      ? `${facts.priceOverride.name} at ${money(facts.priceOverride.unitPriceMinor)} is above the ${money(thresholdMinor)} a cashier may ring up`
      : `${uncovered
          .map((m) => `${money(m.discountMinor)} off ${money(m.baseMinor)} of ${m.label}`)
          .join(
            ' and ',
          )} ${uncovered.length === 1 ? 'is' : 'are'} over the ${settings.discountLimitPercent}% limit (the discount goes from ${money(discountBefore)} to ${money(discountAfter)})`;
    const details = {
      ref: order.id,
      orderNumber: order.number,
      change: facts.change,
      currency: order.currency,
      discountBeforeMinor: discountBefore.toString(),
      discountAfterMinor: discountAfter.toString(),
      limitPercent: settings.discountLimitPercent,
      over: uncovered.map((measure) => ({
        key: measure.key,
        label: measure.label,
        discountMinor: measure.discountMinor.toString(),
        baseMinor: measure.baseMinor.toString(),
      })),
      ...(facts.priceOverride
        ? {
            unitPriceMinor: facts.priceOverride.unitPriceMinor.toString(),
            thresholdMinor: thresholdMinor.toString(),
          }
        : {}),
    };
    try {
      approvedBy = oc.staff.requireApproval(ctx, action, judged.approval, order.id).approvedBy.staffId;
    } catch (error) {
      if (!(error instanceof TillpointError) || error.code !== 'approval_required') throw error;
      const refusal = error.details as Record<string, unknown>;
      // A token was given but would not do (expired, another order): say so first.
      const message =
        refusal.reason === 'missing'
          ? `Order ${order.number}: ${what}. A manager must approve it.`
          : `${error.message} Order ${order.number}: ${what}.`;
      throw new TillpointError('approval_required', message, { ...refusal, ...details });
    }
    oc.audit.record({
      staffId: ctx.staff?.staffId ?? null,
      action: facts.priceOverride ? 'orders.price_override' : 'orders.discount_over_limit',
      ref: order.id,
      details: { ...details, approvedBy },
    });
  }

  const overKeys = new Set(after.filter((m) => measureOverLimit(m, settings)).map((m) => m.key));
  const uncoveredKeys = new Set(uncovered.map((measure) => measure.key));
  const now = readDiscountApprovals(db, order.id);
  for (const [key, current] of now) {
    const wanted = !overKeys.has(key)
      ? null
      : uncoveredKeys.has(key)
        ? approvedBy
        : (judged.approvalsBefore.get(key) ?? null);
    if (wanted !== current) writeDiscountApproval(db, order.id, key, wanted);
  }
}

/**
 * Throws unless every discount of the open order over the store's limit has a manager's approval:
 * the payment path calls it before it takes a payment.
 */
export function assertDiscountsApproved(oc: OrdersContext, orderId: string): void {
  const { db } = oc.deps;
  const order = getOrder(db, orderId);
  if (order.pricing !== null) return; // paid: its prices are frozen
  const settings = oc.settings.get();
  const lines = orderLines(db, orderId);
  const { result } = priceOrder(order, lines, settings);
  const approvals = readDiscountApprovals(db, orderId);
  const unapproved = discountMeasures(result, lines).filter(
    (measure) => measureOverLimit(measure, settings) && (approvals.get(measure.key) ?? null) === null,
  );
  if (unapproved.length === 0) return;
  throw new TillpointError(
    'conflict',
    `Order ${order.number} has a discount over the store's ${settings.discountLimitPercent}% limit that no manager approved (${unapproved
      .map((measure) => measure.label)
      .join(', ')}): set the discount again and ask a manager, or lower it.`,
    {
      orderId,
      reason: 'discount_not_approved',
      limitPercent: settings.discountLimitPercent,
      over: unapproved.map((measure) => ({
        key: measure.key,
        label: measure.label,
        discountMinor: measure.discountMinor.toString(),
        baseMinor: measure.baseMinor.toString(),
      })),
    },
  );
}
