/**
 * The cart: an open order's lines, discounts and tip. Every change is one transaction and is refused
 * ('conflict') once the order is no longer open; prices come from the catalog, amounts from priceCart.
 * A discount above the store's limit needs a manager's approval (action discount_over_limit).
 */
import { maxLineQuantity, type ApiParsedInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { divideRounded, formatMoney, type RoundingMode } from '../../shared/money';
import { type CallContext, type StaffIdentity } from '../core/context';
import { parsePercent, PERCENT_SCALE, type Discount, type Tip } from '../sales/pricing';
import { type OrdersContext } from './context';
import { nextOrderStatus } from './lifecycle';
import {
  deleteOrderLine,
  getOrder,
  insertOrder,
  insertOrderLine,
  nextOrderNumber,
  orderLines,
  setOrderDiscount,
  setOrderTip,
  touchOrder,
  updateOrderLine,
  type OrderLineRecord,
  type OrderRecord,
} from './ordersStore';
import { priceOrder } from './priced';
import { paidMinorOf } from './orderView';

export function actorOf(ctx: CallContext): StaffIdentity {
  if (!ctx.staff)
    throw new TillpointError('unauthorized', 'Log in with your PIN first (no valid staff session).');
  return ctx.staff;
}

export function orderLabel(order: Pick<OrderRecord, 'number'>): string {
  return `Order ${order.number}`;
}

/** The open order, or 'conflict' saying why it cannot change. */
export function openOrderForEdit(oc: OrdersContext, orderId: string): OrderRecord {
  const order = getOrder(oc.deps.db, orderId);
  nextOrderStatus(order.status, 'edit', orderLabel(order));
  return order;
}

export function discountFromInput(input: ApiParsedInput<'orders.setDiscount'>['discount']): Discount | null {
  if (input === null) return null;
  return input.kind === 'amount'
    ? { kind: 'amount', amountMinor: BigInt(input.amount) }
    : { kind: 'percent', percent: input.percent };
}

function tipFromInput(input: ApiParsedInput<'orders.setTip'>['tip']): Tip | null {
  if (input === null) return null;
  return input.kind === 'amount'
    ? { kind: 'amount', amountMinor: BigInt(input.amount) }
    : { kind: 'percent', percent: input.percent, base: input.base };
}

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

/** After a change, the order must still cost at least what its payments already took. */
function checkNotBelowPaid(oc: OrdersContext, order: OrderRecord): void {
  const fresh = getOrder(oc.deps.db, order.id);
  const priced = priceOrder(fresh, orderLines(oc.deps.db, order.id), oc.settings.get());
  const paidMinor = paidMinorOf(oc.payments.listForOrder(order.id));
  if (priced.result.totalMinor < paidMinor) {
    const { locale } = oc.settings.get();
    const total = formatMoney(priced.result.totalMinor, order.currency, locale);
    throw new TillpointError(
      'conflict',
      `${orderLabel(order)} would cost ${total} but ${formatMoney(paidMinor, order.currency, locale)} is already paid; void it instead.`,
      {
        totalMinor: priced.result.totalMinor.toString(),
        paidMinor: paidMinor.toString(),
        reason: 'below_paid',
      },
    );
  }
}

export function createOrder(
  oc: OrdersContext,
  ctx: CallContext,
  input: ApiParsedInput<'orders.create'>,
): string {
  const staff = actorOf(ctx);
  const { db } = oc.deps;
  return db.transaction(() => {
    const shift = oc.shifts.requireOpenShift();
    const id = oc.newId();
    insertOrder(db, {
      id,
      number: nextOrderNumber(db),
      shiftId: shift.id,
      createdBy: staff.staffId,
      currency: oc.settings.get().currency,
      note: input.note ?? '',
      at: oc.nowIso(),
    });
    return id;
  })();
}

export function addLine(oc: OrdersContext, ctx: CallContext, input: ApiParsedInput<'orders.addLine'>): void {
  actorOf(ctx);
  const { db } = oc.deps;
  db.transaction(() => {
    const order = openOrderForEdit(oc, input.orderId);
    const lines = orderLines(db, order.id);
    const at = oc.nowIso();
    const quantity = input.quantity;
    const variantId =
      input.barcode !== undefined ? oc.catalog.lookupBarcode(input.barcode).variantId : input.variantId;
    if (variantId !== undefined) {
      const existing = lines.find((line) => line.variantId === variantId);
      if (existing) {
        if (existing.quantity + quantity > maxLineQuantity) {
          throw new TillpointError(
            'bad_input',
            `A line has at most ${maxLineQuantity} items: this one has ${existing.quantity}, so at most ` +
              `${maxLineQuantity - existing.quantity} more can be added.`,
            { field: 'quantity', lineId: existing.id, max: maxLineQuantity },
          );
        }
        updateOrderLine(
          db,
          existing.id,
          { quantity: existing.quantity + quantity, discount: existing.discount, discountApprovedBy: null },
          at,
        );
      } else {
        const variant = oc.catalog.getVariantForSale(variantId, order.currency);
        insertOrderLine(
          db,
          newLine(oc, order, lines, {
            variantId,
            name: variant.name,
            sku: variant.sku,
            unitPriceMinor: variant.unitPriceMinor,
            quantity,
            taxClassId: variant.taxClassId,
            taxRates: variant.taxRates.map((r) => ({
              taxId: r.taxId,
              name: r.name,
              ratePercent: r.ratePercent,
            })),
            trackStock: variant.trackStock,
          }),
          at,
        );
      }
    } else if (input.custom !== undefined) {
      const { custom } = input;
      insertOrderLine(
        db,
        newLine(oc, order, lines, {
          variantId: null,
          name: custom.name,
          sku: '',
          unitPriceMinor: BigInt(custom.unitPrice),
          quantity,
          taxClassId: custom.taxClassId ?? null,
          taxRates: custom.taxClassId === undefined ? [] : oc.catalog.taxClassRates(custom.taxClassId),
          trackStock: false,
        }),
        at,
      );
    }
    touchOrder(db, order.id, at);
    // Prices the cart once more so a price the pricing rules refuse never lands in an order.
    priceOrder(getOrder(db, order.id), orderLines(db, order.id), oc.settings.get());
  })();
}

function newLine(
  oc: OrdersContext,
  order: OrderRecord,
  lines: readonly OrderLineRecord[],
  fields: Omit<OrderLineRecord, 'id' | 'orderId' | 'discount' | 'sort'>,
): OrderLineRecord {
  const sort = lines.reduce((max, line) => Math.max(max, line.sort), 0) + 1;
  return { ...fields, id: oc.newId(), orderId: order.id, discount: null, sort };
}

function findLine(oc: OrdersContext, order: OrderRecord, lineId: string): OrderLineRecord {
  const line = orderLines(oc.deps.db, order.id).find((l) => l.id === lineId);
  if (!line) {
    throw new TillpointError('not_found', `${orderLabel(order)} has no line ${lineId}.`, {
      orderId: order.id,
      lineId,
    });
  }
  return line;
}

export function updateLine(
  oc: OrdersContext,
  ctx: CallContext,
  input: ApiParsedInput<'orders.updateLine'>,
): void {
  const staff = actorOf(ctx);
  const { db } = oc.deps;
  db.transaction(() => {
    const order = openOrderForEdit(oc, input.orderId);
    const line = findLine(oc, order, input.lineId);
    const settings = oc.settings.get();
    const before = priceOrder(order, orderLines(db, order.id), settings).result.lines.find(
      (l) => l.lineId === line.id,
    );
    const discountChanged = input.discount !== undefined;
    const discount = discountChanged ? discountFromInput(input.discount ?? null) : line.discount;
    const quantity = input.quantity ?? line.quantity;
    const at = oc.nowIso();
    updateOrderLine(db, line.id, { quantity, discount, discountApprovedBy: null }, at);
    const after = priceOrder(order, orderLines(db, order.id), settings).result.lines.find(
      (l) => l.lineId === line.id,
    );
    if (!before || !after) throw new Error(`Line ${line.id} vanished from its priced order.`);
    const overNow = discountOverLimit(
      after.lineDiscountMinor,
      after.grossMinor,
      settings.discountLimitPercent,
      settings.roundingMode,
    );
    // A bigger share of the line off than before (after/grossAfter > before/grossBefore, cross-multiplied).
    const biggerShare =
      after.lineDiscountMinor * before.grossMinor > before.lineDiscountMinor * after.grossMinor;
    if (overNow && (discountChanged || biggerShare)) {
      const { approvedBy } = oc.staff.requireApproval(ctx, 'discount_over_limit', input.approval, order.id);
      updateOrderLine(db, line.id, { quantity, discount, discountApprovedBy: approvedBy.staffId }, at);
      oc.audit.record({
        staffId: staff.staffId,
        action: 'orders.discount_over_limit',
        ref: order.id,
        details: {
          lineId: line.id,
          discountMinor: after.lineDiscountMinor,
          grossMinor: after.grossMinor,
          approvedBy: approvedBy.staffId,
        },
      });
    }
    touchOrder(db, order.id, at);
    checkNotBelowPaid(oc, order);
  })();
}

export function removeLine(
  oc: OrdersContext,
  ctx: CallContext,
  input: ApiParsedInput<'orders.removeLine'>,
): void {
  actorOf(ctx);
  const { db } = oc.deps;
  db.transaction(() => {
    const order = openOrderForEdit(oc, input.orderId);
    const line = findLine(oc, order, input.lineId);
    deleteOrderLine(db, line.id);
    touchOrder(db, order.id, oc.nowIso());
    checkNotBelowPaid(oc, order);
  })();
}

export function setDiscount(
  oc: OrdersContext,
  ctx: CallContext,
  input: ApiParsedInput<'orders.setDiscount'>,
): void {
  const staff = actorOf(ctx);
  const { db } = oc.deps;
  db.transaction(() => {
    const order = openOrderForEdit(oc, input.orderId);
    const discount = discountFromInput(input.discount);
    const at = oc.nowIso();
    setOrderDiscount(db, order.id, discount, null, at);
    const settings = oc.settings.get();
    const { result } = priceOrder(getOrder(db, order.id), orderLines(db, order.id), settings);
    const baseMinor = result.subtotalMinor - result.lineDiscountTotalMinor;
    if (
      discountOverLimit(
        result.orderDiscountMinor,
        baseMinor,
        settings.discountLimitPercent,
        settings.roundingMode,
      )
    ) {
      const { approvedBy } = oc.staff.requireApproval(ctx, 'discount_over_limit', input.approval, order.id);
      setOrderDiscount(db, order.id, discount, approvedBy.staffId, at);
      oc.audit.record({
        staffId: staff.staffId,
        action: 'orders.discount_over_limit',
        ref: order.id,
        details: { discountMinor: result.orderDiscountMinor, baseMinor, approvedBy: approvedBy.staffId },
      });
    }
    checkNotBelowPaid(oc, order);
  })();
}

export function setTip(oc: OrdersContext, ctx: CallContext, input: ApiParsedInput<'orders.setTip'>): void {
  actorOf(ctx);
  const { db } = oc.deps;
  db.transaction(() => {
    const order = openOrderForEdit(oc, input.orderId);
    if (input.tip !== null && !oc.settings.get().tipsEnabled) {
      throw new TillpointError('conflict', 'Tips are turned off in the store settings.', {
        reason: 'tips_disabled',
      });
    }
    setOrderTip(db, order.id, tipFromInput(input.tip), oc.nowIso());
    priceOrder(getOrder(db, order.id), orderLines(db, order.id), oc.settings.get());
    checkNotBelowPaid(oc, order);
  })();
}
