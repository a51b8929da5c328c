/**
 * Paying with store coins: the order's customer (or one picked here, who becomes the order's
 * customer), their balance and its value as the core reports them, then all that is due or a part
 * typed by the cashier. The core works out the coins and refuses a short balance
 * (insufficient_funds, with the coins required and available), which is shown as it says.
 */
import { monotonicFactory } from 'ulid';
import { useCallback, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import {
  Button,
  LoadError,
  LoadingPanel,
  Money,
  MoneyField,
  errorMessage,
  parseMoneyInput,
  toast,
  useDisplayLocale,
} from '../../ui';
import { CustomerPicker, formatCoins, type CustomerView } from '../customers/CustomerPicker';
import { type OrderView } from './types';
import '../customers/customers.css';

const ulid = monotonicFactory();

export interface CoinsStepProps {
  order: OrderView;
  onBack: () => void;
  onPaid: (order: OrderView) => void;
  onBusyChange: (busy: boolean) => void;
}

export function CoinsStep({ order, onBack, onPaid, onBusyChange }: CoinsStepProps) {
  const locale = useDisplayLocale();
  // The order's customer as the core has it; one picked here replaces it.
  const loadOrderCustomer = useCallback(
    async () => (await client.invoke('customers.ofOrder', { orderId: order.id })).customer,
    [order.id],
  );
  const ofOrder = useCoreData(loadOrderCustomer);
  const [picked, setPicked] = useState<CustomerView | null>(null);
  const customer = picked ?? (ofOrder.kind === 'ready' ? ofOrder.data : null);
  // Without a customer on the order, the picker opens by itself.
  const [pickingChosen, setPicking] = useState<boolean | null>(null);
  const picking = pickingChosen ?? (ofOrder.kind === 'ready' && ofOrder.data === null);
  const [partText, setPartText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ key: string; paymentId: string } | null>(null);
  const money = (amount: string) => ({ amount, asset: order.currency });

  // The customer's balance, read again after each payment (coins paid are gone from it).
  const customerId = customer?.id ?? null;
  const loadBalance = useCallback(
    async () => (customerId ? await client.invoke('coins.balance', { customerId }) : null),
    [customerId],
  );
  const balanceData = useCoreData(loadBalance, { refreshOn: ['payment.updated'] });
  const balance =
    balanceData.kind === 'ready' && balanceData.data?.customerId === customerId ? balanceData.data : null;

  const pick = async (chosen: CustomerView) => {
    try {
      const result = await client.invoke('orders.setCustomer', { orderId: order.id, customerId: chosen.id });
      setPicked(result.customer);
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
      {ofOrder.kind === 'loading' && <LoadingPanel label="Loading the sale’s customer" />}
      {ofOrder.kind === 'error' && <LoadError message={ofOrder.message} onRetry={ofOrder.reload} />}
      {ofOrder.kind !== 'ready' && !picked ? null : picking || !customer ? (
        <CustomerPicker onPick={(chosen) => void pick(chosen)} selectedId={customer?.id ?? null} />
      ) : (
        <div className="coins-step__customer" data-testid="coins-customer">
          <strong>{customer.name}</strong> <span>{customer.code}</span>
          {balance && (
            <p data-testid="coins-balance">
              {formatCoins(balance.balance, locale)} · worth <Money value={money(balance.valueMinor)} />
            </p>
          )}
          {balanceData.kind === 'error' && (
            <LoadError message={balanceData.message} onRetry={balanceData.reload} />
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
