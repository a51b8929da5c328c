/**
 * Refunding quantities of a paid order's lines (a manager's approval, action refund). The money is
 * the refunded share of the lines' priced amounts (refundRules.ts); the refund that takes back the
 * last units also gives back the tip and settles any cash rounding, so an order's refunds add up to
 * its payments. In the right order: the approval is spent and the order checked again, and the
 * refund recorded as pending with its ledger group pending (the sale taken back, the money out, one
 * share per payment it goes back through) in ONE transaction before any tender is asked; cash is
 * decided in it at once, other tenders answer after, and the last answer finishes the refund
 * (finishGiveBack.ts: the order's status, stock, the audit entry).
 */
import { type ApiOutput, type ApiParsedInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { canApprove } from '../staff';
import { type StaffCallContext } from '../kernel';
import { type TenderKind } from '../payments';
import { orderLabel } from './cart';
import { type OrdersContext } from './context';
import { nextOrderStatus } from './lifecycle';
import { getOrder, orderLines } from './ordersStore';
import { getRefund, insertRefund, orderRefunds, type RefundRecord } from './refundsStore';
import { paidMinorOf } from './orderView';
import { refundPostings } from './postings';
import { lineRevenueMinor, priceOrder } from './priced';
import { planLineRefund, refundedSoFar, refundMoney } from './refundRules';
import { applyRefundValues, forfeitedMinor } from './refundValues';
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
  const pricedLines = result.lines.map((line, index) => ({
    lineId: line.lineId,
    name: lineRows[index]?.name ?? line.lineId,
    quantity: line.quantity,
    netMinor: lineRevenueMinor(line),
    taxes: line.taxes.map((tax) => ({ taxId: tax.taxId, amountMinor: tax.amountMinor })),
  }));
  const earlier = refundedSoFar(refunds);
  // A hook may lower what a line gives back (a partly spent top-up); the rest is forfeited.
  const lines = applyRefundValues(oc.hooks, order.id, planLineRefund(pricedLines, earlier, input.lines));
  const forfeited = forfeitedMinor(
    pricedLines.map((line) => ({
      ...line,
      amountMinor: line.netMinor + line.taxes.reduce((sum, tax) => sum + tax.amountMinor, 0n),
    })),
    earlier,
    lines.lines,
  );
  const payments = oc.payments.listForOrder(order.id);
  const keeping = payments.filter((p) => p.amountMinor > p.refundedMinor && p.status !== 'refunded');
  // The tender the money goes back through first: the cashier's pick, else cash when cash was taken
  // (it goes back at once, from the drawer), else the newest payment's; the rest is spread over the
  // other payments, newest first (payments/giveBack.ts).
  const tender: TenderKind =
    input.tender ?? (keeping.some((p) => p.kind === 'cash') ? 'cash' : (keeping.at(-1)?.kind ?? 'cash'));
  const tipMinor = lines.completes ? result.tipMinor : 0n;
  const money = refundMoney({
    owedMinor: lines.linesMinor + tipMinor,
    completes: lines.completes,
    paidMinor: paidMinorOf(payments) - forfeited,
    refundedMinor: refunds.reduce((sum, refund) => sum + refund.amountMinor, 0n),
    cashIncrementMinor:
      tender === 'cash' && keeping.some((p) => p.kind === 'cash')
        ? BigInt(oc.settings.get().cashRoundingIncrementMinor)
        : 0n,
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

/** What a refund would give back, planned exactly as refundOrder plans it, writing nothing. */
export function quoteRefund(
  oc: OrdersContext,
  input: ApiParsedInput<'orders.refundQuote'>,
): ApiOutput<'orders.refundQuote'> {
  const plan = planRefund(oc, { ...input, reason: 'quote' });
  return {
    amountMinor: plan.amountMinor.toString(),
    tipMinor: plan.tipMinor.toString(),
    currency: plan.currency,
    tender: plan.tender,
  };
}

export async function refundOrder(
  oc: OrdersContext,
  ctx: StaffCallContext,
  input: ApiParsedInput<'orders.refund'>,
): Promise<RefundRecord> {
  const staff = ctx.staff;
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

  // One transaction before any money moves: the approval is spent, the order checked again, and the
  // refund recorded as pending with its ledger transfers pending (cash is decided in it at once).
  db.transaction(() => {
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
    nextOrderStatus(order.status, plan.lines.completes ? 'refund_rest' : 'refund_part', orderLabel(order));
    const postings = refundPostings({
      netMinor: plan.lines.netMinor,
      taxes: plan.lines.taxes,
      tipMinor: plan.tipMinor,
      roundingMinor: plan.roundingMinor,
    });
    const ref = `refund:${refundId}`;
    const taken = [
      ...transfersOf(oc, postings, plan.currency, ref, staff.staffId).map((t) => ({
        ...t,
        pending: true,
      })),
      ...oc.hooks.flatMap(
        (hooks) =>
          hooks.onRefund?.({
            orderId: plan.orderId,
            refundId,
            currency: plan.currency,
            lines: plan.lines.lines,
            staffId: staff.staffId,
          }) ?? [],
      ),
    ];
    const shares =
      plan.amountMinor > 0n
        ? oc.payments.giveBack.planShares(plan.orderId, plan.amountMinor, plan.currency, plan.tender)
        : [];
    insertRefund(db, {
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
      tender: shares[0]?.payment.kind ?? plan.tender,
      tenders: shares.map((share) => ({
        paymentId: share.payment.id,
        kind: share.payment.kind,
        amountMinor: share.amountMinor,
      })),
      createdAt: oc.nowIso(),
      status: 'pending',
      purpose: 'refund',
      failedMinor: 0n,
    });
    oc.payments.giveBack.begin({
      refundId,
      orderId: plan.orderId,
      currency: plan.currency,
      shares,
      staffId: staff.staffId,
      shiftId: shift.id,
      linked: taken,
      isVoid: false,
    });
  })();
  // Then the tenders that answer later (a card refund) are asked, one share after another.
  await oc.payments.giveBack.run(refundId, staff.staffId, shift.id);
  return getRefund(db, refundId);
}
