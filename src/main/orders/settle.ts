/**
 * How payments reach orders (the `OrderSettlementPort` of the payments domain): what an open order
 * still owes, and making it paid inside the transaction of the payment that settles it: the sale's
 * ledger postings (linked with the payment's tender transfer), the stock going out, the totals and the
 * priced cart frozen, and the audit entry.
 */
import { TillpointError } from '../../shared/api/errors';
import { type NewTransferInput } from '../ledger';
import { type OrderSettlementPort } from '../payments';
import { orderLabel } from './cart';
import { type OrdersContext } from './context';
import { assertDiscountsApproved } from './discountLimit';
import { announceDisplay, type DisplayCause } from './display';
import { nextOrderStatus } from './lifecycle';
import { finishGiveBack } from './finishGiveBack';
import { getOrder, markOrderPaid, orderLines, setOrderTip } from './ordersStore';
import { buildOrderView, amountDueOf, settledRoundingOf } from './orderView';
import { allGiveBacksOfOrder } from './refundsStore';
import { type Posting } from './postings';
import { freezePricing, lineRevenueMinor, priceOrder } from './priced';
import { salePostings } from './postings';

/** Ledger transfers for postings, in the order's currency, all with the same ref. */
export function transfersOf(
  oc: OrdersContext,
  postings: readonly Posting[],
  currency: string,
  ref: string,
  staffId: string,
): NewTransferInput[] {
  return postings.map((posting) => ({
    id: oc.newId(),
    debitAccountId: oc.payments.account(posting.debit, currency).id,
    creditAccountId: oc.payments.account(posting.credit, currency).id,
    amount: posting.amountMinor,
    asset: currency,
    code: posting.code,
    ref,
    staffId,
  }));
}

/**
 * After a committed change: `order.updated` for the staff's screens, and `display.updated` for the
 * customer display unless `display` is null (a change the customer does not watch).
 */
export function announceOrder(oc: OrdersContext, orderId: string, display: DisplayCause | null = {}): void {
  const order = getOrder(oc.deps.db, orderId);
  oc.deps.events.emit('order.updated', { orderId, status: order.status });
  if (display) announceDisplay(oc, orderId, display);
}

/** Refuses a payment while money is on its way back through the order (a void in progress). */
function checkNoGiveBackInFlight(oc: OrdersContext, orderId: string, label: string): void {
  const pending = allGiveBacksOfOrder(oc.deps.db, orderId).filter((refund) => refund.status === 'pending');
  if (pending.length > 0) {
    throw new TillpointError(
      'conflict',
      `${label} is handing money back (a void in progress); wait for it.`,
      {
        orderId,
        reason: 'give_back_in_flight',
      },
    );
  }
}

export function createSettlementPort(oc: OrdersContext): OrderSettlementPort {
  const { db } = oc.deps;
  return {
    requireOpenShift: () => oc.shifts.requireOpenShift(),
    currentShiftId: () => oc.shifts.currentShift()?.id ?? null,

    dueFor(orderId) {
      const order = getOrder(db, orderId);
      nextOrderStatus(order.status, 'payment', orderLabel(order));
      const lines = orderLines(db, orderId);
      if (lines.length === 0) {
        throw new TillpointError('conflict', `${orderLabel(order)} has no items to pay for.`, {
          orderId,
          reason: 'empty_order',
        });
      }
      checkNoGiveBackInFlight(oc, orderId, orderLabel(order));
      assertDiscountsApproved(oc, orderId);
      const settings = oc.settings.get();
      const priced = priceOrder(order, lines, settings);
      return {
        currency: order.currency,
        dueMinor: amountDueOf(order, priced, oc.payments.listForOrder(orderId)),
        cashRoundingIncrementMinor: BigInt(settings.cashRoundingIncrementMinor),
      };
    },

    addTip(orderId, tipMinor) {
      const order = getOrder(db, orderId);
      const priced = priceOrder(order, orderLines(db, orderId), oc.settings.get());
      setOrderTip(
        db,
        orderId,
        { kind: 'amount', amountMinor: priced.result.tipMinor + tipMinor },
        oc.nowIso(),
      );
    },

    settleIfDue(orderId, { paymentId, staffId, shiftId }) {
      const order = getOrder(db, orderId);
      if (order.status !== 'open') return null;
      const payments = oc.payments.listForOrder(orderId);
      if (payments.some((payment) => payment.status === 'pending')) return null;
      const lines = orderLines(db, orderId);
      const priced = priceOrder(order, lines, oc.settings.get());
      if (amountDueOf(order, priced, payments) !== 0n) return null;
      nextOrderStatus(order.status, 'settle', orderLabel(order));
      const { result } = priced;
      const roundingMinor = settledRoundingOf(payments);
      const revenueMinor = result.lines.reduce((sum, line) => sum + lineRevenueMinor(line), 0n);
      const postings = salePostings({
        revenueMinor,
        taxes: result.taxes.map((tax) => ({ taxId: tax.taxId, amountMinor: tax.amountMinor })),
        tipMinor: result.tipMinor,
        roundingMinor,
      });
      const at = oc.nowIso();
      markOrderPaid(db, orderId, {
        at,
        shiftId,
        pricingJson: freezePricing(priced),
        totals: {
          subtotalMinor: result.subtotalMinor,
          discountTotalMinor: result.discountTotalMinor,
          taxTotalMinor: result.taxTotalMinor,
          tipMinor: result.tipMinor,
          totalMinor: result.totalMinor,
          cashRoundingMinor: roundingMinor,
          revenueMinor,
        },
      });
      for (const line of lines) {
        if (line.variantId === null || !line.trackStock) continue;
        oc.catalog.recordStockMovement({
          variantId: line.variantId,
          delta: -line.quantity,
          reason: 'sale',
          ref: `order:${orderId}`,
          staffId,
        });
      }
      oc.audit.record({
        staffId,
        action: 'orders.paid',
        ref: orderId,
        details: { number: order.number, paymentId, shiftId, totalMinor: result.totalMinor, roundingMinor },
      });
      const hookLines = result.lines.map((line) => ({
        lineId: line.lineId,
        quantity: line.quantity,
        revenueMinor: lineRevenueMinor(line),
      }));
      return [
        ...transfersOf(oc, postings, order.currency, `order:${orderId}`, staffId),
        ...oc.hooks.flatMap(
          (hooks) => hooks.onSettle?.({ orderId, currency: order.currency, lines: hookLines, staffId }) ?? [],
        ),
      ];
    },

    finishGiveBack: (refundId, outcome) => finishGiveBack(oc, refundId, outcome),
    view: (orderId) => buildOrderView(oc, orderId),
    announce: (orderId, payment) =>
      announceOrder(oc, orderId, payment ? { changeMinor: payment.changeMinor } : {}),
  };
}
