/**
 * The order as the API shows it (`orders.get`): lines with their priced amounts, totals, the tax
 * summary, payments, refunds, what is due (and due in cash, after cash rounding), and how much of each
 * line can still be refunded.
 */
import { type ApiOutput } from '../../shared/api';
import { formatMoney } from '../../shared/money';
import { type Discount, type PricingNotice, type Tip } from '../sales/pricing';
import { cashAmountDue, type PaymentRecord } from '../payments';
import { type OrdersContext } from './context';
import { getOrder, orderLines, type OrderLineRecord, type OrderRecord } from './ordersStore';
import { orderRefunds, type RefundRecord } from './refundsStore';
import { priceOrder, type PricedOrder } from './priced';
import { refundedSoFar } from './refundRules';

export type OrderView = ApiOutput<'orders.get'>['order'];
export type PaymentView = OrderView['payments'][number];
export type RefundView = OrderView['refunds'][number];

export function discountView(discount: Discount | null): OrderView['discount'] {
  if (discount === null) return null;
  return discount.kind === 'amount'
    ? { kind: 'amount', amount: discount.amountMinor.toString() }
    : { kind: 'percent', percent: discount.percent };
}

export function tipView(tip: Tip | null): OrderView['tip'] {
  if (tip === null) return null;
  return tip.kind === 'amount'
    ? { kind: 'amount', amount: tip.amountMinor.toString() }
    : { kind: 'percent', percent: tip.percent, base: tip.base };
}

function noticeText(notice: PricingNotice, currency: string, locale: string): string {
  const requested = formatMoney(notice.requestedMinor, currency, locale);
  const applied = formatMoney(notice.appliedMinor, currency, locale);
  return notice.kind === 'line_discount_clamped'
    ? `A line discount of ${requested} was cut to ${applied}, the line's price.`
    : `The order discount of ${requested} was cut to ${applied}, what the lines come to.`;
}

/**
 * Whether an order was started in an earlier shift than the one it ended in (paid or voided) or,
 * still open, than the shift open now: it was carried into a new shift.
 */
export function isCarriedOver(oc: OrdersContext, order: OrderRecord): boolean {
  const endedIn = order.paidShiftId ?? order.voidedShiftId ?? oc.shifts.currentShift()?.id ?? order.shiftId;
  return endedIn !== order.shiftId;
}

export function paymentView(oc: OrdersContext, payment: PaymentRecord): PaymentView {
  return {
    id: payment.id,
    kind: payment.kind,
    status: payment.status,
    amountMinor: payment.amountMinor.toString(),
    tenderedMinor: payment.tenderedMinor === null ? null : payment.tenderedMinor.toString(),
    changeMinor: payment.changeMinor === null ? null : payment.changeMinor.toString(),
    roundingMinor: payment.roundingMinor.toString(),
    refundedMinor: payment.refundedMinor.toString(),
    createdBy: { staffId: payment.createdBy, name: oc.staffName(payment.createdBy) },
    shiftId: payment.shiftId,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    externalId: payment.externalId,
    message: payment.message,
  };
}

export function refundView(
  oc: OrdersContext,
  refund: RefundRecord,
  lines: readonly OrderLineRecord[],
): RefundView {
  const nameOf = (lineId: string) => lines.find((line) => line.id === lineId)?.name ?? lineId;
  return {
    id: refund.id,
    amountMinor: refund.amountMinor.toString(),
    netMinor: refund.netMinor.toString(),
    taxMinor: refund.taxMinor.toString(),
    tipMinor: refund.tipMinor.toString(),
    roundingMinor: refund.roundingMinor.toString(),
    complete: refund.complete,
    reason: refund.reason,
    tender: refund.tender,
    status: refund.status,
    shares: oc.payments.sharesOfRefund(refund.id).map((share) => ({
      paymentId: share.paymentId,
      kind: share.kind,
      amountMinor: share.amountMinor.toString(),
      status: share.status,
      message: share.message,
    })),
    lines: refund.lines.map((line) => ({
      lineId: line.lineId,
      name: nameOf(line.lineId),
      quantity: line.quantity,
      amountMinor: line.amountMinor.toString(),
    })),
    createdBy: { staffId: refund.createdBy, name: oc.staffName(refund.createdBy) },
    approvedBy:
      refund.approvedBy === null
        ? null
        : { staffId: refund.approvedBy, name: oc.staffName(refund.approvedBy) },
    shiftId: refund.shiftId,
    createdAt: refund.createdAt,
  };
}

/** Money taken by an order's payments that took money (before any refund). */
export function paidMinorOf(payments: readonly PaymentRecord[]): bigint {
  return payments
    .filter((p) => p.status === 'succeeded' || p.status === 'partially_refunded' || p.status === 'refunded')
    .reduce((sum, p) => sum + p.amountMinor, 0n);
}

const counts = (payment: PaymentRecord) =>
  payment.status === 'pending' ||
  payment.status === 'succeeded' ||
  payment.status === 'partially_refunded' ||
  payment.status === 'refunded';

/**
 * What of the order the payments that took money or are in flight cover: what each collects minus
 * its cash rounding (a cash payment of $14.15 covers $14.17 when it rounded the rest of the order).
 */
export function coveredMinorOf(payments: readonly PaymentRecord[]): bigint {
  return payments.filter(counts).reduce((sum, p) => sum + p.amountMinor - p.roundingMinor, 0n);
}

/** What payments still in flight may collect. */
export function inFlightMinorOf(payments: readonly PaymentRecord[]): bigint {
  return payments.filter((p) => p.status === 'pending').reduce((sum, p) => sum + p.amountMinor, 0n);
}

/** The cash rounding the order settled with: the sum over the payments that took money. */
export function settledRoundingOf(payments: readonly PaymentRecord[]): bigint {
  return payments
    .filter((p) => p.status !== 'pending' && counts(p))
    .reduce((sum, p) => sum + p.roundingMinor, 0n);
}

/** What an open order still owes, payments in flight counted, before cash rounding (0 for any other order). */
export function amountDueOf(
  order: OrderRecord,
  priced: PricedOrder,
  payments: readonly PaymentRecord[],
): bigint {
  if (order.status !== 'open') return 0n;
  return priced.result.totalMinor - coveredMinorOf(payments);
}

export function buildOrderView(oc: OrdersContext, orderId: string): OrderView {
  const { db } = oc.deps;
  const order = getOrder(db, orderId);
  const lines = orderLines(db, orderId);
  const settings = oc.settings.get();
  const priced = priceOrder(order, lines, settings);
  const payments = oc.payments.listForOrder(orderId);
  const refunds = orderRefunds(db, orderId);
  const refunded = refundedSoFar(refunds);
  const { result } = priced;
  const dueMinor = amountDueOf(order, priced, payments);
  const paidMinor = paidMinorOf(payments);
  const frozenRounding = settledRoundingOf(payments);
  const refundable = order.status === 'paid' || order.status === 'partially_refunded';

  return {
    id: order.id,
    number: order.number,
    status: order.status,
    currency: order.currency,
    taxMode: priced.taxMode,
    shiftId: order.shiftId,
    carriedOver: isCarriedOver(oc, order),
    createdBy: { staffId: order.createdBy, name: oc.staffName(order.createdBy) },
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    paidAt: order.paidAt,
    voidedAt: order.voidedAt,
    voidReason: order.voidReason,
    note: order.note,
    discount: discountView(order.discount),
    tip: tipView(order.tip),
    lines: lines.map((line, index) => {
      const p = result.lines[index];
      if (!p || p.lineId !== line.id)
        throw new Error(`Priced line ${index} of order ${order.id} does not match its row.`);
      const refundedQuantity = refunded.get(line.id)?.quantity ?? 0;
      return {
        id: line.id,
        variantId: line.variantId,
        name: line.name,
        sku: line.sku,
        unitPriceMinor: line.unitPriceMinor.toString(),
        quantity: line.quantity,
        taxClassId: line.taxClassId,
        taxRates: line.taxRates.map((rate) => ({
          taxId: rate.taxId,
          name: rate.name,
          ratePercent: rate.ratePercent,
        })),
        discount: discountView(line.discount),
        grossMinor: p.grossMinor.toString(),
        lineDiscountMinor: p.lineDiscountMinor.toString(),
        orderDiscountShareMinor: p.orderDiscountShareMinor.toString(),
        netMinor: p.netMinor.toString(),
        taxes: p.taxes.map((tax) => ({
          taxId: tax.taxId,
          name: tax.name,
          ratePercent: tax.ratePercent,
          amountMinor: tax.amountMinor.toString(),
        })),
        taxMinor: p.taxMinor.toString(),
        totalMinor: p.totalMinor.toString(),
        refundedQuantity,
        refundableQuantity: refundable ? line.quantity - refundedQuantity : 0,
      };
    }),
    totals: {
      subtotalMinor: result.subtotalMinor.toString(),
      lineDiscountsMinor: result.lineDiscountTotalMinor.toString(),
      orderDiscountMinor: result.orderDiscountMinor.toString(),
      discountTotalMinor: result.discountTotalMinor.toString(),
      taxTotalMinor: result.taxTotalMinor.toString(),
      tipMinor: result.tipMinor.toString(),
      totalMinor: result.totalMinor.toString(),
      cashTotalMinor: (order.status === 'open'
        ? result.cashTotalMinor
        : result.totalMinor + frozenRounding
      ).toString(),
      cashRoundingMinor: (order.status === 'open' ? result.cashRoundingMinor : frozenRounding).toString(),
    },
    taxes: result.taxes.map((tax) => ({
      taxId: tax.taxId,
      name: tax.name,
      ratePercent: tax.ratePercent,
      baseMinor: tax.baseMinor.toString(),
      amountMinor: tax.amountMinor.toString(),
    })),
    payments: payments.map((payment) => paymentView(oc, payment)),
    refunds: refunds.map((refund) => refundView(oc, refund, lines)),
    paidMinor: paidMinor.toString(),
    inFlightMinor: inFlightMinorOf(payments).toString(),
    amountDueMinor: dueMinor.toString(),
    cashAmountDueMinor: cashAmountDue(dueMinor, BigInt(settings.cashRoundingIncrementMinor)).toString(),
    refundedMinor: refunds
      .filter((refund) => refund.status !== 'pending')
      .reduce((sum, refund) => sum + refund.amountMinor - refund.failedMinor, 0n)
      .toString(),
    notices:
      order.status === 'open'
        ? result.notices.map((notice) => noticeText(notice, order.currency, settings.locale))
        : [],
  };
}
