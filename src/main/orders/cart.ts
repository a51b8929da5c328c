/**
 * The cart: an open order's lines, discounts and tip. Every change is one transaction and is refused
 * ('conflict') once the order is no longer open; prices come from the catalog, amounts from priceCart.
 * Each change is judged on the order as it will be paid (discountLimit.ts): a discount above the
 * store's limit needs a manager's approval (discount_over_limit), a custom item above the price
 * threshold too (price_override), both bound to the order.
 */
import { maxLineQuantity, type ApiParsedInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { formatMoney } from '../../shared/money';
import { type StaffCallContext } from '../kernel';
import { type Discount, type Tip } from '../sales/pricing';
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
  restampOrder,
  touchOrder,
  updateOrderLine,
  type OrderLineRecord,
  type OrderRecord,
} from './ordersStore';
import {
  judgeCartChange,
  orderDiscountKey,
  readDiscountApprovals,
  type CartChangeFacts,
} from './discountLimit';
import { priceOrder } from './priced';
import { paidMinorOf } from './orderView';

export { discountOverLimit } from './discountLimit';

export function orderLabel(order: Pick<OrderRecord, 'number'>): string {
  return `Order ${order.number}`;
}

/** The open order, or 'conflict' saying why it cannot change. */
export function openOrderForEdit(oc: OrdersContext, orderId: string): OrderRecord {
  const order = getOrder(oc.deps.db, orderId);
  nextOrderStatus(order.status, 'edit', orderLabel(order));
  const inFlight = oc.payments.listForOrder(orderId).find((payment) => payment.status === 'pending');
  if (inFlight) {
    throw new TillpointError(
      'conflict',
      `${orderLabel(order)} cannot change while its ${inFlight.kind} payment is in flight; wait for it or cancel it.`,
      { orderId, paymentId: inFlight.id, kind: inFlight.kind, reason: 'payment_in_flight' },
    );
  }
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
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.create'>,
): string {
  const staff = ctx.staff;
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

/**
 * Runs one cart change in one transaction: `apply` writes it, then the priced result is judged
 * against the store's limits (discountLimit.ts), which may ask for a manager's approval; a refusal
 * anywhere writes nothing.
 */
function changeCart(
  oc: OrdersContext,
  ctx: StaffCallContext,
  orderId: string,
  approval: string | undefined,
  apply: (order: OrderRecord, lines: readonly OrderLineRecord[], at: string) => CartChangeFacts,
): void {
  const { db } = oc.deps;
  db.transaction(() => {
    const order = openOrderForEdit(oc, orderId);
    const settings = oc.settings.get();
    const linesBefore = orderLines(db, order.id);
    const before = priceOrder(order, linesBefore, settings).result;
    const approvalsBefore = readDiscountApprovals(db, order.id);
    const at = oc.nowIso();
    const facts = apply(order, linesBefore, at);
    touchOrder(db, order.id, at);
    const changed = getOrder(db, order.id);
    const lines = orderLines(db, order.id);
    // Prices the cart once more, so a price the pricing rules refuse never lands in an order.
    const after = priceOrder(changed, lines, settings).result;
    judgeCartChange(oc, ctx, { order: changed, lines, before, after, approvalsBefore, facts, approval });
    checkNotBelowPaid(oc, order);
  })();
}

/**
 * An emptied open order (no lines, no payment ever) that another member or an earlier shift left
 * behind is not reused under their name: the first line makes it the sale of whoever rings it up
 * now, in the shift open now, at this time (audited as orders.adopted with who and which shift it
 * came from). An order that still has lines or payments keeps its history (it is carried).
 */
function adoptIfEmptied(
  oc: OrdersContext,
  ctx: StaffCallContext,
  order: OrderRecord,
  lines: readonly OrderLineRecord[],
  at: string,
): void {
  if (lines.length > 0) return;
  const shift = oc.shifts.currentShift();
  const staffId = ctx.staff.staffId;
  if (!shift || (order.shiftId === shift.id && order.createdBy === staffId)) return;
  if (oc.payments.listForOrder(order.id).length > 0) return;
  restampOrder(oc.deps.db, order.id, { shiftId: shift.id, createdBy: staffId, at });
  oc.audit.record({
    staffId,
    action: 'orders.adopted',
    ref: order.id,
    details: {
      orderNumber: order.number,
      fromStaffId: order.createdBy,
      fromShiftId: order.shiftId,
      shiftId: shift.id,
    },
  });
}

export function addLine(
  oc: OrdersContext,
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.addLine'>,
): void {
  const { db } = oc.deps;
  changeCart(oc, ctx, input.orderId, input.approval, (order, lines, at): CartChangeFacts => {
    adoptIfEmptied(oc, ctx, order, lines, at);
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
          {
            quantity: existing.quantity + quantity,
            discount: existing.discount,
            discountApprovedBy: readDiscountApprovals(db, order.id).get(existing.id) ?? null,
          },
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
      return { change: 'add_line', newDiscounts: [] };
    }
    if (input.custom !== undefined) {
      const { custom } = input;
      const unitPriceMinor = BigInt(custom.unitPrice);
      insertOrderLine(
        db,
        newLine(oc, order, lines, {
          variantId: null,
          name: custom.name,
          sku: '',
          unitPriceMinor,
          quantity,
          taxClassId: custom.taxClassId ?? null,
          taxRates: custom.taxClassId === undefined ? [] : oc.catalog.taxClassRates(custom.taxClassId),
          trackStock: false,
        }),
        at,
      );
      const thresholdMinor = BigInt(oc.settings.get().priceOverrideThresholdMinor);
      return {
        change: 'add_line',
        newDiscounts: [],
        priceOverride: unitPriceMinor > thresholdMinor ? { name: custom.name, unitPriceMinor } : undefined,
      };
    }
    throw new TillpointError('bad_input', 'Give exactly one of variantId, barcode or custom.');
  });
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
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.updateLine'>,
): void {
  const { db } = oc.deps;
  changeCart(oc, ctx, input.orderId, input.approval, (order, _lines, at): CartChangeFacts => {
    const line = findLine(oc, order, input.lineId);
    const discountChanged = input.discount !== undefined;
    const discount = discountChanged ? discountFromInput(input.discount ?? null) : line.discount;
    const quantity = input.quantity ?? line.quantity;
    const approvedBy = readDiscountApprovals(db, order.id).get(line.id) ?? null;
    updateOrderLine(db, line.id, { quantity, discount, discountApprovedBy: approvedBy }, at);
    return { change: 'update_line', newDiscounts: discountChanged && discount ? [line.id] : [] };
  });
}

export function removeLine(
  oc: OrdersContext,
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.removeLine'>,
): void {
  changeCart(oc, ctx, input.orderId, input.approval, (order): CartChangeFacts => {
    deleteOrderLine(oc.deps.db, findLine(oc, order, input.lineId).id);
    return { change: 'remove_line', newDiscounts: [] };
  });
}

export function setDiscount(
  oc: OrdersContext,
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.setDiscount'>,
): void {
  changeCart(oc, ctx, input.orderId, input.approval, (order, _lines, at): CartChangeFacts => {
    const discount = discountFromInput(input.discount);
    setOrderDiscount(oc.deps.db, order.id, discount, order.discountApprovedBy, at);
    return { change: 'set_discount', newDiscounts: discount ? [orderDiscountKey] : [] };
  });
}

export function setTip(
  oc: OrdersContext,
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.setTip'>,
): void {
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
