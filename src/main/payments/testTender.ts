/**
 * A tender for tests whose payments and refunds are decided later, by the test: `start` leaves a
 * payment pending, and `resolve(paymentId, status)` reports its outcome as a card reader or a chain
 * watcher would (through `onUpdate`). Every call the payments service makes is recorded in `calls`,
 * so a test can prove that no money moved through the tender. Its state survives a core restart when
 * the same instance is handed to the new core (start-up reconciliation reads it).
 */
import { planExactAmount } from './planExact';
import {
  type PaymentSnapshot,
  type RefundReport,
  type TenderAdapter,
  type TenderReport,
  type TenderUpdateListener,
} from './tender';

export interface DeferredTender extends TenderAdapter {
  status: TenderAdapter['status'];
  refundStatus: TenderAdapter['refundStatus'];
  readonly calls: { method: string; id: string; amountMinor?: bigint }[];
  /** What the outside world decided (status reports this; a payment left out is still pending). */
  readonly outcomes: Map<string, TenderReport['status']>;
  readonly refundOutcomes: Map<string, RefundReport['status']>;
  /** Decides a payment and reports it, as the reader or the chain would. */
  resolve(paymentId: string, status: TenderReport['status'], message?: string): void;
  /** Decides a refund share and reports it. */
  resolveRefund(shareId: string, status: RefundReport['status']): void;
  /** When true, `refund` answers at once with this status instead of staying pending. */
  refundAnswer: RefundReport['status'];
  /** When false, `cancel` cannot stop a payment (a reader mid-read). */
  cancellable: boolean;
}

export function createDeferredTender(
  kind = 'deferred',
  options: { paymentTimeoutMs?: number } = {},
): DeferredTender {
  const listeners = new Set<TenderUpdateListener>();
  const notify = (update: Parameters<TenderUpdateListener>[0]) => {
    for (const listener of listeners) listener(update);
  };
  const report = (payment: PaymentSnapshot): TenderReport => ({
    paymentId: payment.paymentId,
    status: tender.outcomes.get(payment.paymentId) ?? 'pending',
  });
  const tender: DeferredTender = {
    kind,
    label: 'Deferred (test)',
    ...(options.paymentTimeoutMs !== undefined ? { paymentTimeoutMs: options.paymentTimeoutMs } : {}),
    calls: [],
    outcomes: new Map(),
    refundOutcomes: new Map(),
    refundAnswer: 'succeeded',
    cancellable: true,
    state: () => ({ state: 'ready', reason: null }),
    account: () => ({ code: `${kind}_clearing`, ref: '' }),
    plan: planExactAmount,
    start(request, plan) {
      tender.calls.push({ method: 'start', id: request.paymentId, amountMinor: plan.amountMinor });
      return Promise.resolve({
        paymentId: request.paymentId,
        status: 'pending',
        externalId: `ext_${request.paymentId}`,
      });
    },
    status(payment) {
      tender.calls.push({ method: 'status', id: payment.paymentId });
      return Promise.resolve(report(payment));
    },
    cancel(payment) {
      tender.calls.push({ method: 'cancel', id: payment.paymentId });
      if (!tender.cancellable)
        return Promise.resolve({ ...report(payment), message: 'The card is being read.' });
      if (!tender.outcomes.has(payment.paymentId)) tender.outcomes.set(payment.paymentId, 'canceled');
      return Promise.resolve(report(payment));
    },
    refund(request) {
      tender.calls.push({ method: 'refund', id: request.shareId, amountMinor: request.amountMinor });
      if (tender.refundAnswer !== 'pending') tender.refundOutcomes.set(request.shareId, tender.refundAnswer);
      return Promise.resolve({
        shareId: request.shareId,
        status: tender.refundOutcomes.get(request.shareId) ?? 'pending',
      });
    },
    refundStatus(share) {
      tender.calls.push({ method: 'refundStatus', id: share.shareId });
      return Promise.resolve({
        shareId: share.shareId,
        status: tender.refundOutcomes.get(share.shareId) ?? 'pending',
      });
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resolve(paymentId, status, message) {
      tender.outcomes.set(paymentId, status);
      notify({ payment: { paymentId, status, ...(message !== undefined ? { message } : {}) } });
    },
    resolveRefund(shareId, status) {
      tender.refundOutcomes.set(shareId, status);
      notify({ refund: { shareId, status } });
    },
  };
  return tender;
}
