/**
 * The cash tender: the customer hands over notes and coins, the till works out the change (with cash
 * rounding when the payment settles the order), and the drawer opens. A cash payment succeeds at once;
 * it cannot be cancelled afterwards (void the order or refund it instead). The money lands in the
 * drawer of the shift that took it: ledger account `cash_drawer` with ref `shift:<id>`.
 */
import { TillpointError } from '../../../shared/api/errors';
import {
  type PaymentRequest,
  type PaymentUpdate,
  type RefundRequest,
  type RefundUpdate,
  type TenderAdapter,
  type TenderUpdateListener,
} from '../tender';
import { planCashTender } from './cashRules';

export const cashDrawerAccountCode = 'cash_drawer';

export function cashDrawerRef(shiftId: string): string {
  return `shift:${shiftId}`;
}

export interface CashAdapterOptions {
  /** The latest state of a payment, from the payments table (the adapter itself keeps nothing). */
  readonly lookup: (paymentId: string) => PaymentUpdate | null;
}

export function createCashAdapter(options: CashAdapterOptions): TenderAdapter {
  const listeners = new Set<TenderUpdateListener>();
  const notify = (update: PaymentUpdate | RefundUpdate) => {
    for (const listener of listeners) {
      try {
        listener(update);
      } catch {
        // One broken listener must not stop the others or the payment.
      }
    }
  };
  const known = (paymentId: string): PaymentUpdate => {
    const update = options.lookup(paymentId);
    if (!update) throw new TillpointError('not_found', `No payment ${paymentId}.`, { paymentId });
    return update;
  };

  return {
    kind: 'cash',
    account: (shiftId) => ({ code: cashDrawerAccountCode, ref: cashDrawerRef(shiftId) }),
    start(request: PaymentRequest) {
      if (request.tenderedMinor === undefined) {
        return Promise.reject(
          new TillpointError(
            'bad_input',
            'A cash payment needs the amount tendered (what the customer handed over).',
            {
              reason: 'tendered_missing',
            },
          ),
        );
      }
      try {
        const plan = planCashTender({
          dueMinor: request.dueMinor,
          incrementMinor: request.cashRoundingIncrementMinor ?? 0n,
          tenderedMinor: request.tenderedMinor,
          amountMinor: request.amountMinor,
          currency: request.currency,
        });
        const update: PaymentUpdate = {
          paymentId: request.paymentId,
          orderId: request.orderId,
          kind: 'cash',
          status: 'succeeded',
          amountMinor: plan.appliedMinor,
          tenderedMinor: request.tenderedMinor,
          changeMinor: plan.changeMinor,
          settles: plan.settles,
          roundingMinor: plan.roundingMinor,
        };
        notify(update);
        return Promise.resolve(update);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    status: known,
    cancel(paymentId) {
      try {
        const update = known(paymentId);
        if (update.status === 'pending') return Promise.resolve({ ...update, status: 'canceled' });
        return Promise.reject(
          new TillpointError(
            'conflict',
            `Cash payment ${paymentId} is ${update.status}: cash is taken at once, so void the order or refund it instead.`,
            { paymentId, status: update.status },
          ),
        );
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    refund(request: RefundRequest) {
      if (request.amountMinor <= 0n) {
        return Promise.reject(
          new TillpointError('bad_input', 'A cash refund must give back more than zero.', {
            amountMinor: request.amountMinor.toString(),
          }),
        );
      }
      const update: RefundUpdate = {
        refundId: request.refundId,
        paymentId: request.paymentId,
        kind: 'cash',
        status: 'succeeded',
        amountMinor: request.amountMinor,
      };
      notify(update);
      return Promise.resolve(update);
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
