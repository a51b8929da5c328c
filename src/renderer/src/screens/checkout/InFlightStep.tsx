/**
 * A payment with a tender that decides later (a card reader, a chain, ...): starts it through
 * `payments.start` with a payment id made here (a retry can never pay twice), then shows what the
 * core says of it as `payment.updated` events arrive: collecting, paid, or failed with the tender's
 * reason and a way to try again or pick another tender. The renderer decides nothing about money.
 */
import { monotonicFactory } from 'ulid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { Button, Money, errorMessage } from '../../ui';
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
  const [payment, setPayment] = useState<PaymentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef<string | null>(null);
  const money = (amount: string) => ({ amount, asset: order.currency });

  const refresh = useCallback(async () => {
    const next = (await client.invoke('orders.get', { orderId: order.id })).order;
    onOrder(next);
    setPayment(next.payments.find((p) => p.id === paymentId) ?? null);
  }, [order.id, onOrder, paymentId]);

  useEffect(() => {
    if (started.current === paymentId) return;
    started.current = paymentId;
    setError(null);
    client.invoke('payments.start', { orderId: order.id, paymentId, tender: tender.kind }).then(
      (result) => {
        setPayment(result.payment);
        onOrder(result.order);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, [order.id, paymentId, tender.kind, onOrder]);

  useEffect(
    () =>
      client.on('payment.updated', (event) => {
        if (event.paymentId === paymentId)
          void refresh().catch((failure: unknown) => setError(errorMessage(failure)));
      }),
    [paymentId, refresh],
  );

  const pending = payment?.status === 'pending';
  useEffect(() => onBusyChange(pending), [pending, onBusyChange]);

  const cancel = () => {
    client.invoke('payments.cancel', { paymentId }).then(
      (result) => {
        setPayment(result.payment);
        onOrder(result.order);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
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
      <div className="inflight-step__actions">
        {pending && (
          <Button variant="secondary" onClick={cancel}>
            Cancel payment
          </Button>
        )}
        {(failed || (error && !payment)) && (
          <Button variant="primary" onClick={() => setPaymentId(ulid())}>
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
