/**
 * Voiding an open order: the sale is cancelled before it is paid. With lines it needs a manager's
 * approval (action void). Payments still in flight are cancelled first (a void that cannot stop one
 * says which it waits for). Whatever the other payments took goes back through their tenders the way
 * a refund's money does (payments/giveBack.ts): the approval is spent and the give-back recorded in
 * one transaction before any tender is asked, cash decided in it at once; when the last tender has
 * answered the order is voided (finishGiveBack.ts). No revenue was ever posted, so nothing else moves.
 */
import { type ApiParsedInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { canApprove } from '../staff';
import { type StaffCallContext } from '../kernel';
import { orderLabel } from './cart';
import { type OrdersContext } from './context';
import { nextOrderStatus } from './lifecycle';
import { getOrder, markOrderVoided, orderLines } from './ordersStore';
import { allGiveBacksOfOrder, getRefund, insertRefund } from './refundsStore';

/** Which shift a void belongs to: the open one, else the one the order was made in. */
function voidShiftId(oc: OrdersContext, orderShiftId: string, needsOpenShift: boolean): string {
  if (needsOpenShift) return oc.shifts.requireOpenShift().id;
  return oc.shifts.currentShift()?.id ?? orderShiftId;
}

async function cancelInFlight(oc: OrdersContext, orderId: string, staffId: string): Promise<void> {
  for (const payment of oc.payments.listForOrder(orderId)) {
    if (payment.status !== 'pending') continue;
    try {
      await oc.payments.cancel(payment.id, staffId);
    } catch (error) {
      throw new TillpointError(
        'conflict',
        `The void is waiting for the ${payment.kind} payment ${payment.id} still in flight: finish or cancel it on its tender first.`,
        {
          orderId,
          paymentId: payment.id,
          kind: payment.kind,
          reason: 'payment_in_flight',
          cause: error instanceof Error ? error.message : String(error),
        },
      );
    }
  }
}

export async function voidOrder(
  oc: OrdersContext,
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.void'>,
): Promise<{ cashBackMinor: bigint; shiftId: string }> {
  const staff = ctx.staff;
  const { db } = oc.deps;
  const check = () => {
    const order = getOrder(db, input.orderId);
    nextOrderStatus(order.status, 'void', orderLabel(order));
    const hasLines = orderLines(db, order.id).length > 0;
    const taken = oc.payments
      .listForOrder(order.id)
      .map((payment) => ({ payment, amountMinor: oc.payments.giveBack.keptMinor(payment) }))
      .filter((share) => share.amountMinor > 0n);
    const inFlight = oc.payments.listForOrder(order.id).filter((p) => p.status === 'pending').length;
    return { order, hasLines, taken, inFlight };
  };

  const first = check();
  if (allGiveBacksOfOrder(db, first.order.id).some((refund) => refund.status === 'pending')) {
    throw new TillpointError(
      'conflict',
      `${orderLabel(first.order)} is already handing its money back; wait for it.`,
      {
        orderId: first.order.id,
        reason: 'give_back_in_flight',
      },
    );
  }
  if (first.hasLines && !canApprove(staff.role) && !input.approval) {
    throw new TillpointError('approval_required', 'A manager must approve this void.', {
      action: 'void',
      reason: 'missing',
    });
  }
  await cancelInFlight(oc, first.order.id, staff.staffId);
  const before = check();
  const shiftId = voidShiftId(oc, before.order.shiftId, before.taken.length > 0);
  const refundId = oc.newId();

  const giveBack = db.transaction(() => {
    const now = check();
    if (now.inFlight > 0 || now.taken.length !== before.taken.length) {
      throw new TillpointError('conflict', 'The order changed while it was being voided; void it again.', {
        orderId: input.orderId,
        reason: 'order_changed',
      });
    }
    const approvedBy = now.hasLines
      ? oc.staff.requireApproval(ctx, 'void', input.approval, now.order.id).approvedBy.staffId
      : null;
    if (now.taken.length === 0) {
      markOrderVoided(db, now.order.id, {
        at: oc.nowIso(),
        staffId: staff.staffId,
        shiftId,
        reason: input.reason,
        approvedBy,
      });
      oc.audit.record({
        staffId: staff.staffId,
        action: 'orders.void',
        ref: now.order.id,
        details: { number: now.order.number, reason: input.reason, approvedBy, shiftId, returned: [] },
      });
      return false;
    }
    const amountMinor = now.taken.reduce((sum, share) => sum + share.amountMinor, 0n);
    insertRefund(db, {
      id: refundId,
      orderId: now.order.id,
      lines: [],
      netMinor: 0n,
      taxMinor: 0n,
      tipMinor: 0n,
      roundingMinor: 0n,
      amountMinor,
      complete: true,
      reason: input.reason,
      approvedBy,
      createdBy: staff.staffId,
      shiftId,
      tender: now.taken[0]?.payment.kind ?? 'cash',
      tenders: now.taken.map((share) => ({
        paymentId: share.payment.id,
        kind: share.payment.kind,
        amountMinor: share.amountMinor,
      })),
      createdAt: oc.nowIso(),
      status: 'pending',
      purpose: 'void',
      failedMinor: 0n,
    });
    oc.payments.giveBack.begin({
      refundId,
      orderId: now.order.id,
      currency: now.order.currency,
      shares: now.taken,
      staffId: staff.staffId,
      shiftId,
      linked: [],
      isVoid: true,
    });
    return true;
  })();

  if (!giveBack) return { cashBackMinor: 0n, shiftId };
  await oc.payments.giveBack.run(refundId, staff.staffId, shiftId);
  const record = getRefund(db, refundId);
  if (record.status === 'failed' || record.status === 'partially_failed') {
    throw new TillpointError(
      'unavailable',
      `${orderLabel(before.order)} is not voided: a tender could not give its money back; try the void again.`,
      { orderId: before.order.id, refundId, reason: 'give_back_failed' },
    );
  }
  const cashBackMinor = record.tenders
    .filter((share) => share.kind === 'cash')
    .reduce((sum, share) => sum + share.amountMinor, 0n);
  return { cashBackMinor, shiftId };
}
