/**
 * A payment with a tender that decides later (a card reader, a chain, ...): starts it through
 * `payments.start` with a payment id made here (a retry can never pay twice), then shows what the
 * core says of it as `payment.updated` events arrive: collecting, paid, or failed with the tender's
 * reason and a way to try again or pick another tender. The renderer decides nothing about money.
 */
import { monotonicFactory } from 'ulid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { Button, LoadError, Money, errorMessage } from '../../ui';
import { CardTestButtons } from './CardTestButtons';
import { PhonePayQr } from './PhonePayQr';
import { TerminalJsCollector } from './TerminalJsCollector';
import { type TenderInfo } from './TenderStep';
import { type OrderView } from './types';

const ulid = monotonicFactory();

type PaymentView = OrderView['payments'][number];

const statusWords: Record<PaymentView['status'], string> = {
  pending: 'Waiting for the customer…',
  succeeded: 'Paid',
  failed: 'Declined',
  canceled: 'Cancelled',
  expired: 'Timed out',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

export interface InFlightStepProps {
  order: OrderView;
  tender: TenderInfo;
  onOrder: (order: OrderView) => void;
  onBack: () => void;
  onBusyChange: (busy: boolean) => void;
}

export function InFlightStep({ order, tender, onOrder, onBack, onBusyChange }: InFlightStepProps) {
  const [paymentId, setPaymentId] = useState(() => ulid());
  // What payments.start answered for this attempt, shown until the order read after it says more.
  const [startedPayment, setStartedPayment] = useState<PaymentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef<string | null>(null);
  const money = (amount: string) => ({ amount, asset: order.currency });

  // The order as the core says it is now, read again on every payment.updated: the payment's state.
  const loadOrder = useCallback(async () => {
    const next = (await client.invoke('orders.get', { orderId: order.id })).order;
    return { order: next, paymentId, payment: next.payments.find((p) => p.id === paymentId) ?? null };
  }, [order.id, paymentId]);
  const live = useCoreData(loadOrder, { refreshOn: ['payment.updated'] });
  const { reload } = live;
  const read = live.kind === 'ready' && live.data.paymentId === paymentId ? live.data : null;
  const payment = read?.payment ?? (startedPayment?.id === paymentId ? startedPayment : null);
  useEffect(() => {
    if (read) onOrder(read.order);
  }, [read, onOrder]);

  useEffect(() => {
    if (started.current === paymentId) return;
    started.current = paymentId;
    client.invoke('payments.start', { orderId: order.id, paymentId, tender: tender.kind }).then(
      (result) => {
        setError(null);
        setStartedPayment(result.payment);
        onOrder(result.order);
        reload();
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [order.id, paymentId, tender.kind, onOrder, reload]);

  const pending = payment?.status === 'pending';
  useEffect(() => onBusyChange(pending), [pending, onBusyChange]);

  const cancel = () => {
    client.invoke('payments.cancel', { paymentId }).then(
      (result) => {
        setStartedPayment(result.payment);
        onOrder(result.order);
        reload();
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  const retry = () => {
    setError(null);
    setPaymentId(ulid());
  };

  const failed = payment !== null && ['failed', 'canceled', 'expired'].includes(payment.status);
  return (
    <div className="inflight-step" data-testid="inflight-step">
      <div className="due-card">
        <span className="due-card__label">{tender.label}</span>
        <Money
          value={money(payment?.amountMinor ?? order.amountDueMinor)}
          size="xl"
          className="due-card__amount"
          data-testid="inflight-amount"
        />
        <span className="due-card__note" role="status" aria-live="polite" data-testid="inflight-status">
          {payment ? statusWords[payment.status] : error ? 'Not started' : 'Starting…'}
        </span>
        {payment?.message && <span className="due-card__note">{payment.message}</span>}
      </div>
      {pending && tender.kind === 'card' && <CardTestButtons />}
      {/* Once the tender has made the PaymentIntent (its id is the payment's externalId). */}
      {pending && tender.kind === 'card' && payment?.externalId && (
        <TerminalJsCollector key={payment.externalId} paymentId={payment.id} />
      )}
      {/* The link exists once the tender has made it (its id comes back as the payment's externalId). */}
      {pending && (tender.kind === 'phone' || tender.kind === 'paystack') && payment?.externalId && (
        <PhonePayQr key={payment.externalId} paymentId={payment.id} kind={tender.kind} />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {live.kind === 'error' && <LoadError message={live.message} onRetry={reload} />}
      <div className="inflight-step__actions">
        {pending && (
          <Button variant="secondary" onClick={cancel}>
            Cancel payment
          </Button>
        )}
        {(failed || (error && !payment)) && (
          <Button variant="primary" onClick={retry}>
            Try again
          </Button>
        )}
        {!pending && (
          <Button variant="ghost" onClick={onBack}>
            Other tender
          </Button>
        )}
      </div>
    </div>
  );
}
