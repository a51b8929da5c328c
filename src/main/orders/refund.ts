/**
 * Refunding quantities of a paid order's lines (a manager's approval, action refund). The money is
 * the refunded share of the lines' priced amounts (refundRules.ts); the refund that takes back the
 * last units also gives back the tip and settles any cash rounding, so an order's refunds add up to
 * its payments. Cash goes back from the current shift's drawer, items back to stock. One transaction:
 * the refund row, its ledger group (the sale taken back, the money out), the payments' refunded
 * amounts, the order's status, stock, and the audit entry.
 */
import { type ApiParsedInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { canApprove } from '../staff';
import { type CallContext } from '../core/context';
import { type TenderKind } from '../payments';
import { actorOf, orderLabel } from './cart';
import { type OrdersContext } from './context';
import { nextOrderStatus } from './lifecycle';
import { getOrder, orderLines, setOrderStatus } from './ordersStore';
import { insertRefund, orderRefunds, type RefundRecord } from './refundsStore';
import { paidMinorOf } from './orderView';
import { refundPostings } from './postings';
import { lineRevenueMinor, priceOrder } from './priced';
import { planLineRefund, refundedSoFar, refundMoney } from './refundRules';
import { transfersOf } from './settle';

interface RefundPlan {
  orderId: string;
  number: number;
  currency: string;
  tender: TenderKind;
  lines: ReturnType<typeof planLineRefund>;
  tipMinor: bigint;
  amountMinor: bigint;
  roundingMinor: bigint;
  lineRows: ReturnType<typeof orderLines>;
}

function planRefund(oc: OrdersContext, input: ApiParsedInput<'orders.refund'>): RefundPlan {
  const { db } = oc.deps;
  const order = getOrder(db, input.orderId);
  if (order.status !== 'paid' && order.status !== 'partially_refunded') {
    nextOrderStatus(order.status, 'refund_part', orderLabel(order));
  }
  const lineRows = orderLines(db, order.id);
  const { result } = priceOrder(order, lineRows, oc.settings.get());
  const refunds = orderRefunds(db, order.id);
  const lines = planLineRefund(
    result.lines.map((line, index) => ({
      lineId: line.lineId,
      name: lineRows[index]?.name ?? line.lineId,
      quantity: line.quantity,
      netMinor: lineRevenueMinor(line),
      taxes: line.taxes.map((tax) => ({ taxId: tax.taxId, amountMinor: tax.amountMinor })),
    })),
    refundedSoFar(refunds),
    input.lines,
  );
  const payments = oc.payments.listForOrder(order.id);
  const keeping = payments.filter((p) => p.amountMinor > p.refundedMinor && p.status !== 'refunded');
  const tender: TenderKind = keeping.some((p) => p.kind === 'cash') ? 'cash' : (keeping[0]?.kind ?? 'cash');
  const tipMinor = lines.completes ? result.tipMinor : 0n;
  const money = refundMoney({
    owedMinor: lines.linesMinor + tipMinor,
    completes: lines.completes,
    paidMinor: paidMinorOf(payments),
    refundedMinor: refunds.reduce((sum, refund) => sum + refund.amountMinor, 0n),
    cashIncrementMinor: tender === 'cash' ? BigInt(oc.settings.get().cashRoundingIncrementMinor) : 0n,
  });
  return {
    orderId: order.id,
    number: order.number,
    currency: order.currency,
    tender,
    lines,
    tipMinor,
    amountMinor: money.amountMinor,
    roundingMinor: money.roundingMinor,
    lineRows,
  };
}

export async function refundOrder(
  oc: OrdersContext,
  ctx: CallContext,
  input: ApiParsedInput<'orders.refund'>,
): Promise<RefundRecord> {
  const staff = actorOf(ctx);
  const { db } = oc.deps;
  const before = planRefund(oc, input);
  if (!canApprove(staff.role) && !input.approval) {
    throw new TillpointError('approval_required', 'A manager must approve this refund.', {
      action: 'refund',
      reason: 'missing',
    });
  }
  const shift = oc.shifts.requireOpenShift();
  const refundId = oc.newId();
  if (before.amountMinor > 0n) {
    const shares = oc.payments.giveBackShares({
      orderId: before.orderId,
      kind: before.tender,
      currency: before.currency,
      amountMinor: before.amountMinor,
    });
    for (const share of shares) {
      await oc.payments.adapter(share.kind).refund({
        refundId,
        paymentId: share.paymentId,
        orderId: before.orderId,
        currency: before.currency,
        amountMinor: share.amountMinor,
        staffId: staff.staffId,
        shiftId: shift.id,
      });
    }
  }

  return db.transaction((): RefundRecord => {
    const { approvedBy } = oc.staff.requireApproval(ctx, 'refund', input.approval, before.orderId);
    const plan = planRefund(oc, input);
    if (oc.shifts.requireOpenShift().id !== shift.id || plan.amountMinor !== before.amountMinor) {
      throw new TillpointError(
        'conflict',
        'The order changed while the refund was being made; refund it again.',
        {
          orderId: input.orderId,
          reason: 'order_changed',
        },
      );
    }
    const order = getOrder(db, plan.orderId);
    const status = nextOrderStatus(
      order.status,
      plan.lines.completes ? 'refund_rest' : 'refund_part',
      orderLabel(order),
    );
    const postings = refundPostings({
      netMinor: plan.lines.netMinor,
      taxes: plan.lines.taxes,
      tipMinor: plan.tipMinor,
      roundingMinor: plan.roundingMinor,
    });
    const ref = `refund:${refundId}`;
    const taken = transfersOf(oc, postings, plan.currency, ref, staff.staffId);
    const giveBack =
      plan.amountMinor > 0n
        ? oc.payments.planGiveBack({
            refundId,
            orderId: plan.orderId,
            kind: plan.tender,
            currency: plan.currency,
            amountMinor: plan.amountMinor,
            staffId: staff.staffId,
            shiftId: shift.id,
          })
        : { shares: [], transfers: [] };
    const group = [...taken, ...giveBack.transfers];
    if (group.length > 0) oc.ledger.submitOne(group);
    oc.payments.applyGiveBack(giveBack);
    const record: RefundRecord = {
      id: refundId,
      orderId: plan.orderId,
      lines: plan.lines.lines,
      netMinor: plan.lines.netMinor,
      taxMinor: plan.lines.taxes.reduce((sum, tax) => sum + tax.amountMinor, 0n),
      tipMinor: plan.tipMinor,
      roundingMinor: plan.roundingMinor,
      amountMinor: plan.amountMinor,
      complete: plan.lines.completes,
      reason: input.reason,
      approvedBy: approvedBy.staffId,
      createdBy: staff.staffId,
      shiftId: shift.id,
      tender: plan.tender,
      tenders: giveBack.shares.map((share) => ({ ...share })),
      createdAt: oc.nowIso(),
    };
    insertRefund(db, record);
    setOrderStatus(db, plan.orderId, status, record.createdAt);
    for (const line of plan.lines.lines) {
      const row = plan.lineRows.find((r) => r.id === line.lineId);
      if (!row || row.variantId === null || !row.trackStock) continue;
      oc.catalog.recordStockMovement({
        variantId: row.variantId,
        delta: line.quantity,
        reason: 'refund',
        ref,
        staffId: staff.staffId,
      });
    }
    oc.audit.record({
      staffId: staff.staffId,
      action: 'orders.refund',
      ref: plan.orderId,
      details: {
        number: plan.number,
        refundId,
        amountMinor: plan.amountMinor,
        reason: input.reason,
        approvedBy: approvedBy.staffId,
        shiftId: shift.id,
        lines: plan.lines.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
      },
    });
    return record;
  })();
}
