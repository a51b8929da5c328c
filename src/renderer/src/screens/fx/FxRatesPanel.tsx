/** Settings › Payments › Foreign cash: the rate of each foreign currency the till accepts (a manager's). */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { Button, Card, TextField, errorMessage, toast } from '../../ui';

type Rates = ApiOutput<'fx.rates'>;

export function FxRatesPanel() {
  const [rates, setRates] = useState<Rates | null>(null);
  const [currency, setCurrency] = useState('');
  const [rate, setRate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setRates(await client.invoke('fx.rates', {}));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    try {
      await client.invoke('fx.setRate', {
        currency: currency.trim().toUpperCase().slice(0, 8),
        rate: rate.trim().slice(0, 24),
      });
      toast.success(`${currency.toUpperCase()} rate saved.`);
      setCurrency('');
      setRate('');
      await load();
    } catch (failure) {
      toast.error(failure, { title: 'The rate was not saved' });
    }
  };

  return (
    <Card title="Foreign cash" description="Currencies the till accepts as cash, at the rate a manager sets.">
      {error && <p className="form-error">{error}</p>}
      <ul className="coin-history" aria-label="Foreign currencies">
        {rates?.rates.map((r) => (
          <li key={r.currency}>
            <strong>{r.currency}</strong>
            <span>
              1 {r.currency} = {r.rate} {rates.storeCurrency}
            </span>
          </li>
        ))}
        {rates && rates.rates.length === 0 && <li>No foreign currency yet.</li>}
      </ul>
      <div className="coins-settings">
        <TextField
          label="Currency"
          placeholder="EUR"
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
          maxLength={8}
        />
        <TextField
          label={`Rate (${rates?.storeCurrency ?? ''} per unit)`}
          inputMode="decimal"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          maxLength={24}
        />
        <Button variant="secondary" disabled={!currency.trim() || !rate.trim()} onClick={() => void save()}>
          Save rate
        </Button>
      </div>
    </Card>
  );
}
