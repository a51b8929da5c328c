/**
 * Voiding an open order: the sale is cancelled before it is paid. With lines it needs a manager's
 * approval (action void). Whatever its payments took goes back (the payments service reverses their
 * tender transfers, or hands the money back from the current shift when they were taken in an earlier
 * one); no revenue was ever posted, so nothing else moves. One transaction, audited.
 */
import { type ApiParsedInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { canApprove } from '../staff';
import { type CallContext } from '../core/context';
import { actorOf, orderLabel } from './cart';
import { type OrdersContext } from './context';
import { nextOrderStatus } from './lifecycle';
import { getOrder, markOrderVoided, orderLines } from './ordersStore';

/** Which shift a void belongs to: the open one, else the one the order was made in. */
function voidShiftId(oc: OrdersContext, orderShiftId: string, needsOpenShift: boolean): string {
  if (needsOpenShift) return oc.shifts.requireOpenShift().id;
  return oc.shifts.currentShift()?.id ?? orderShiftId;
}

export async function voidOrder(
  oc: OrdersContext,
  ctx: CallContext,
  input: ApiParsedInput<'orders.void'>,
): Promise<{ cashBackMinor: bigint; shiftId: string }> {
  const staff = actorOf(ctx);
  const { db } = oc.deps;
  const check = () => {
    const order = getOrder(db, input.orderId);
    nextOrderStatus(order.status, 'void', orderLabel(order));
    const hasLines = orderLines(db, order.id).length > 0;
    const taken = oc.payments
      .listForOrder(order.id)
      .filter((p) => p.status === 'succeeded' || p.status === 'partially_refunded')
      .map((p) => ({ payment: p, amountMinor: p.amountMinor - p.refundedMinor }));
    return { order, hasLines, taken };
  };

  const before = check();
  if (before.hasLines && !canApprove(staff.role) && !input.approval) {
    throw new TillpointError('approval_required', 'A manager must approve this void.', {
      action: 'void',
      reason: 'missing',
    });
  }
  const shiftId = voidShiftId(oc, before.order.shiftId, before.taken.length > 0);
  for (const { payment, amountMinor } of before.taken) {
    await oc.payments.adapter(payment.kind).refund({
      refundId: `void:${before.order.id}`,
      paymentId: payment.id,
      orderId: before.order.id,
      currency: payment.currency,
      amountMinor,
      staffId: staff.staffId,
      shiftId,
    });
  }

  return db.transaction(() => {
    const now = check();
    if (now.taken.length !== before.taken.length) {
      throw new TillpointError('conflict', 'The order changed while it was being voided; void it again.', {
        orderId: input.orderId,
        reason: 'order_changed',
      });
    }
    const approvedBy = now.hasLines
      ? oc.staff.requireApproval(ctx, 'void', input.approval, now.order.id).approvedBy
      : null;
    const shares = oc.payments.reverseAll(now.order.id, {
      staffId: staff.staffId,
      shiftId,
      memo: `void of ${orderLabel(now.order).toLowerCase()}: ${input.reason}`,
    });
    const at = oc.nowIso();
    markOrderVoided(db, now.order.id, {
      at,
      staffId: staff.staffId,
      shiftId,
      reason: input.reason,
      approvedBy: approvedBy?.staffId ?? null,
    });
    const cashBackMinor = shares.filter((s) => s.kind === 'cash').reduce((sum, s) => sum + s.amountMinor, 0n);
    oc.audit.record({
      staffId: staff.staffId,
      action: 'orders.void',
      ref: now.order.id,
      details: {
        number: now.order.number,
        reason: input.reason,
        approvedBy: approvedBy?.staffId ?? null,
        shiftId,
        returned: shares.map((s) => ({ paymentId: s.paymentId, kind: s.kind, amountMinor: s.amountMinor })),
      },
    });
    return { cashBackMinor, shiftId };
  })();
}
