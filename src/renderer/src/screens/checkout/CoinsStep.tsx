/**
 * Paying with store coins: the order's customer (or one picked here, who becomes the order's
 * customer), their balance and its value as the core reports them, then all that is due or a part
 * typed by the cashier. The core works out the coins and refuses a short balance
 * (insufficient_funds, with the coins required and available), which is shown as it says.
 */
import { monotonicFactory } from 'ulid';
import { useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { Button, Money, MoneyField, errorMessage, parseMoneyInput, toast, useDisplayLocale } from '../../ui';
import { CustomerPicker, formatCoins, type CustomerView } from '../customers/CustomerPicker';
import { type OrderView } from './types';
import '../customers/customers.css';

const ulid = monotonicFactory();
type Balance = ApiOutput<'coins.balance'>;

export interface CoinsStepProps {
  order: OrderView;
  onBack: () => void;
  onPaid: (order: OrderView) => void;
  onBusyChange: (busy: boolean) => void;
}

export function CoinsStep({ order, onBack, onPaid, onBusyChange }: CoinsStepProps) {
  const locale = useDisplayLocale();
  const [customer, setCustomer] = useState<CustomerView | null>(null);
  const [picking, setPicking] = useState(false);
  const [balance, setBalance] = useState<Balance | null>(null);
  const [partText, setPartText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ key: string; paymentId: string } | null>(null);
  const money = (amount: string) => ({ amount, asset: order.currency });

  useEffect(() => {
    let live = true;
    client.invoke('customers.ofOrder', { orderId: order.id }).then(
      (result) => {
        if (!live) return;
        setCustomer(result.customer);
        setPicking(result.customer === null);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [order.id]);

  useEffect(() => {
    if (!customer) return;
    let live = true;
    client.invoke('coins.balance', { customerId: customer.id }).then(
      (result) => live && setBalance(result),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [customer]);

  const pick = async (chosen: CustomerView) => {
    try {
      const result = await client.invoke('orders.setCustomer', { orderId: order.id, customerId: chosen.id });
      setCustomer(result.customer);
      setPicking(false);
    } catch (failure) {
      toast.error(failure, { title: 'The customer was not set' });
    }
  };

  const pay = async (amountMinor: string | null) => {
    if (busy) return;
    const key = amountMinor ?? 'all';
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, paymentId: ulid() };
    setBusy(true);
    onBusyChange(true);
    setError(null);
    try {
      const result = await client.invoke('payments.start', {
        orderId: order.id,
        paymentId: attempt.current.paymentId,
        tender: 'coins',
        ...(amountMinor ? { amount: amountMinor } : {}),
      });
      attempt.current = null;
      onPaid(result.order);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      onBusyChange(false);
    }
  };

  const part = partText.trim() === '' ? null : parseMoneyInput(partText, order.currency, locale);
  return (
    <div className="coins-step">
      <div className="due-card">
        <span className="due-card__label">Left to pay</span>
        <Money value={money(order.amountDueMinor)} size="xl" className="due-card__amount" />
      </div>
      {picking || !customer ? (
        <CustomerPicker onPick={(chosen) => void pick(chosen)} selectedId={customer?.id ?? null} />
      ) : (
        <div className="coins-step__customer" data-testid="coins-customer">
          <strong>{customer.name}</strong> <span>{customer.code}</span>
          {balance && (
            <p data-testid="coins-balance">
              {formatCoins(balance.balance, locale)} · worth <Money value={money(balance.valueMinor)} />
            </p>
          )}
          <Button variant="ghost" onClick={() => setPicking(true)}>
            Another customer
          </Button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="coins-error">
          {error}
        </p>
      )}
      {customer && !picking && (
        <div className="coins-step__pay">
          <Button variant="primary" size="lg" disabled={busy} onClick={() => void pay(null)}>
            Pay all with coins
          </Button>
          <MoneyField
            label="Or pay this much with coins"
            currency={order.currency}
            value={partText}
            onValueChange={setPartText}
          />
          <Button
            variant="secondary"
            size="lg"
            disabled={busy || !part?.ok}
            onClick={() => part?.ok && void pay(part.amountMinor)}
          >
            Pay part with coins
          </Button>
        </div>
      )}
      <Button variant="ghost" onClick={onBack} disabled={busy}>
        Back
      </Button>
    </div>
  );
}
