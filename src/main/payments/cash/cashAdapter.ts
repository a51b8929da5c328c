/**
 * The cash tender: the customer hands over notes and coins, the till works out the change (with cash
 * rounding when the payment covers what is left), and the drawer opens. Cash is decided at once, so
 * the payments service writes the pending payment and its post in one transaction (`decideAtOnce`);
 * a cash payment never stays in flight and cannot be cancelled afterwards (void the order or refund
 * it). The money lands in the drawer of the shift that took it: ledger account `cash_drawer` with ref
 * `shift:<id>`.
 */
import { TillpointError } from '../../../shared/api/errors';
import {
  type PaymentPlan,
  type PaymentRequest,
  type PaymentSnapshot,
  type RefundReport,
  type RefundRequest,
  type TenderAdapter,
  type TenderReport,
} from '../tender';
import { planCashTender } from './cashRules';

export const cashDrawerAccountCode = 'cash_drawer';

export function cashDrawerRef(shiftId: string): string {
  return `shift:${shiftId}`;
}

function planCash(request: PaymentRequest): PaymentPlan {
  if (request.tenderedMinor === undefined) {
    throw new TillpointError(
      'bad_input',
      'A cash payment needs the amount tendered (what the customer handed over).',
      {
        reason: 'tendered_missing',
      },
    );
  }
  const plan = planCashTender({
    dueMinor: request.dueMinor,
    incrementMinor: request.cashRoundingIncrementMinor ?? 0n,
    tenderedMinor: request.tenderedMinor,
    amountMinor: request.amountMinor,
    currency: request.currency,
  });
  return {
    amountMinor: plan.appliedMinor,
    tenderedMinor: request.tenderedMinor,
    changeMinor: plan.changeMinor,
    roundingMinor: plan.settles ? plan.roundingMinor : 0n,
  };
}

export function createCashAdapter(): TenderAdapter {
  const succeeded = (paymentId: string): TenderReport => ({ paymentId, status: 'succeeded' });
  const refunded = (request: RefundRequest): RefundReport => {
    if (request.amountMinor <= 0n) {
      throw new TillpointError('bad_input', 'A cash refund must give back more than zero.', {
        amountMinor: request.amountMinor.toString(),
      });
    }
    return { shareId: request.shareId, status: 'succeeded' };
  };
  // A cash payment or share is decided in the transaction that writes it; one found pending was
  // written by a till that stopped before that transaction ended, which cannot happen (SQLite rolls
  // it back), so anything else is treated as never handed over.
  const neverTaken = (payment: PaymentSnapshot): TenderReport => ({
    paymentId: payment.paymentId,
    status: payment.status === 'pending' ? 'failed' : (payment.status as TenderReport['status']),
    message: 'The till stopped before the cash was taken.',
  });
  return {
    kind: 'cash',
    label: 'Cash',
    state: () => ({ state: 'ready', reason: null }),
    account: (shiftId) => ({ code: cashDrawerAccountCode, ref: cashDrawerRef(shiftId) }),
    plan: planCash,
    decideAtOnce: {
      payment: (request) => succeeded(request.paymentId),
      refund: refunded,
    },
    start: (request) => Promise.resolve(succeeded(request.paymentId)),
    status: (payment) => Promise.resolve(neverTaken(payment)),
    cancel: (payment) =>
      Promise.reject(
        new TillpointError(
          'conflict',
          `Cash payment ${payment.paymentId} is ${payment.status}: cash is taken at once, so void the order or refund it instead.`,
          { paymentId: payment.paymentId, status: payment.status },
        ),
      ),
    refund: (request) => {
      try {
        return Promise.resolve(refunded(request));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    refundStatus: (share) =>
      Promise.resolve({
        shareId: share.shareId,
        status: 'failed',
        message: 'The till stopped before the cash went back.',
      }),
    onUpdate: () => () => undefined,
  };
}
