/**
 * The end of a refund or of a void's give-back, run by the payments domain inside the transaction of
 * the last tender answer for its shares. A refund whose money all went back (or partly: what failed is
 * owed to the customer and shown on the order) posts the sale taken back (revenue, tax, tip → the
 * receivable), moves the order to refunded / partially refunded and the items back to stock; a refund
 * whose money could not go back at all voids those transfers and leaves the order as it was. A void
 * whose money all went back marks the order voided; otherwise the order stays open and says why.
 */
import { type TransferInput } from '../ledger';
import { orderLabel } from './cart';
import { type OrdersContext } from './context';
import { nextOrderStatus } from './lifecycle';
import { getOrder, markOrderVoided, orderLines, setOrderStatus } from './ordersStore';
import { getRefund, setRefundStatus } from './refundsStore';

/** The sale-reversal transfers of a refund still pending (not its shares, which the payments domain resolves). */
function pendingSaleTransfers(oc: OrdersContext, refundId: string): string[] {
  const shareIds = new Set(oc.payments.sharesOfRefund(refundId).map((share) => share.transferId));
  const transfers = oc.ledger.transfersByRef(`refund:${refundId}`);
  const resolved = new Set(
    transfers.flatMap((t) => [t.postPendingId, t.voidPendingId]).filter((id): id is string => id !== null),
  );
  return transfers
    .filter((t) => t.kind === 'pending' && !shareIds.has(t.id) && !resolved.has(t.id))
    .map((t) => t.id);
}

export function finishGiveBack(
  oc: OrdersContext,
  refundId: string,
  outcome: { succeededMinor: bigint; failedMinor: bigint },
): TransferInput[] {
  const { db } = oc.deps;
  const refund = getRefund(db, refundId);
  const order = getOrder(db, refund.orderId);
  const at = oc.nowIso();
  const failed = outcome.failedMinor > 0n;
  const nothingWentBack = failed && outcome.succeededMinor === 0n;
  const shares = oc.payments.sharesOfRefund(refundId).map((share) => ({
    paymentId: share.paymentId,
    kind: share.kind,
    amountMinor: share.amountMinor,
    status: share.status,
  }));

  if (refund.purpose === 'void') {
    if (!failed) {
      markOrderVoided(db, order.id, {
        at,
        staffId: refund.createdBy,
        shiftId: refund.shiftId,
        reason: refund.reason,
        approvedBy: refund.approvedBy,
      });
    }
    setRefundStatus(
      db,
      refundId,
      failed ? (nothingWentBack ? 'failed' : 'partially_failed') : 'succeeded',
      at,
    );
    oc.audit.record({
      staffId: refund.createdBy,
      action: failed ? 'orders.void_failed' : 'orders.void',
      ref: order.id,
      details: {
        number: order.number,
        reason: refund.reason,
        approvedBy: refund.approvedBy,
        shiftId: refund.shiftId,
        returned: shares,
        failedMinor: outcome.failedMinor,
      },
    });
    return [];
  }

  const pending = pendingSaleTransfers(oc, refundId);
  if (nothingWentBack) {
    setRefundStatus(db, refundId, 'failed', at);
    oc.audit.record({
      staffId: refund.createdBy,
      action: 'orders.refund_failed',
      ref: order.id,
      details: { number: order.number, refundId, shares },
    });
    return pending.map((id) => ({ id: oc.newId(), voidPendingId: id, staffId: refund.createdBy }));
  }

  const status = nextOrderStatus(
    order.status,
    refund.complete ? 'refund_rest' : 'refund_part',
    orderLabel(order),
  );
  setOrderStatus(db, order.id, status, at);
  setRefundStatus(db, refundId, failed ? 'partially_failed' : 'succeeded', at);
  const lineRows = orderLines(db, order.id);
  for (const line of refund.lines) {
    const row = lineRows.find((r) => r.id === line.lineId);
    if (!row || row.variantId === null || !row.trackStock) continue;
    oc.catalog.recordStockMovement({
      variantId: row.variantId,
      delta: line.quantity,
      reason: 'refund',
      ref: `refund:${refundId}`,
      staffId: refund.createdBy,
    });
  }
  // Other domains take back what the refunded lines gave (a membership's periods), as stock is.
  for (const hooks of oc.hooks) {
    hooks.onRefundDone?.({
      orderId: order.id,
      refundId,
      lines: refund.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
      staffId: refund.createdBy,
    });
  }
  oc.audit.record({
    staffId: refund.createdBy,
    action: 'orders.refund',
    ref: order.id,
    details: {
      number: order.number,
      refundId,
      amountMinor: refund.amountMinor,
      failedMinor: outcome.failedMinor,
      reason: refund.reason,
      approvedBy: refund.approvedBy,
      shiftId: refund.shiftId,
      shares,
      lines: refund.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
    },
  });
  return pending.map((id) => ({ id: oc.newId(), postPendingId: id, staffId: refund.createdBy }));
}
