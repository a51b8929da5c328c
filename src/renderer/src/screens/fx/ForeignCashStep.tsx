/**
 * Paying with foreign cash: the currency (those a manager set a rate for), the notes handed over in
 * it; the core credits them at its rate (rounded up, the customer's favour) and says the change in the
 * store currency.
 */
import { monotonicFactory } from 'ulid';
import { useCallback, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import {
  Button,
  LoadError,
  LoadingPanel,
  Money,
  MoneyField,
  Select,
  errorMessage,
  parseMoneyInput,
  useDisplayLocale,
} from '../../ui';
import { type OrderView } from '../checkout/types';

const ulid = monotonicFactory();
type Rate = ApiOutput<'fx.rates'>['rates'][number];
const noRates: readonly Rate[] = [];

export interface ForeignCashStepProps {
  order: OrderView;
  onBack: () => void;
  onPaid: (
    order: OrderView,
    change: { amountMinor: string; tenderedMinor: string; changeMinor: string },
  ) => void;
  onBusyChange: (busy: boolean) => void;
}

export function ForeignCashStep({ order, onBack, onPaid, onBusyChange }: ForeignCashStepProps) {
  const locale = useDisplayLocale();
  const loadRates = useCallback(async () => (await client.invoke('fx.rates', {})).rates, []);
  const loaded = useCoreData(loadRates);
  const rates = loaded.kind === 'ready' ? loaded.data : noRates;
  const [chosen, setChosen] = useState('');
  const currency = chosen || rates[0]?.currency || '';
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ key: string; paymentId: string } | null>(null);

  const rate = rates.find((r) => r.currency === currency);
  const parsed = currency && text.trim() !== '' ? parseMoneyInput(text, currency, locale) : null;

  const take = async () => {
    if (!parsed?.ok || busy) return;
    const key = `${currency}|${parsed.amountMinor}`;
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, paymentId: ulid() };
    setBusy(true);
    onBusyChange(true);
    setError(null);
    try {
      const result = await client.invoke('fx.cash', {
        orderId: order.id,
        paymentId: attempt.current.paymentId,
        currency,
        tendered: parsed.amountMinor,
      });
      attempt.current = null;
      onPaid(result.order, {
        amountMinor: result.payment.amountMinor,
        tenderedMinor: result.creditedMinor,
        changeMinor: result.changeMinor,
      });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      onBusyChange(false);
    }
  };

  return (
    <div className="coins-step">
      <div className="due-card">
        <span className="due-card__label">Left to pay</span>
        <Money
          value={{ amount: order.amountDueMinor, asset: order.currency }}
          size="xl"
          className="due-card__amount"
        />
      </div>
      {loaded.kind === 'loading' && <LoadingPanel label="Loading the foreign currencies" />}
      {loaded.kind === 'error' && <LoadError message={loaded.message} onRetry={loaded.reload} />}
      {rates.length > 0 && (
        <Select
          label="Currency"
          value={currency}
          onValueChange={setChosen}
          options={rates.map((r) => ({
            value: r.currency,
            label: `${r.currency} · 1 = ${r.rate} ${order.currency}`,
          }))}
        />
      )}
      {currency && (
        <MoneyField
          label={`Notes handed over (${currency})`}
          currency={currency}
          value={text}
          onValueChange={setText}
        />
      )}
      {rate && (
        <p className="field-hint">
          Credited at {rate.rate} {order.currency} per {currency}, rounded up.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="coins-step__pay">
        <Button variant="primary" size="lg" disabled={busy || !parsed?.ok} onClick={() => void take()}>
          Take foreign cash
        </Button>
        <Button variant="ghost" onClick={onBack} disabled={busy}>
          Back
        </Button>
      </div>
    </div>
  );
}
