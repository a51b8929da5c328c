/** Settings › Payments › Foreign cash: the rate of each foreign currency the till accepts (a manager's). */
import { useCallback, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { Button, Card, LoadError, LoadingPanel, TextField, toast } from '../../ui';

export function FxRatesPanel() {
  const loadRates = useCallback(() => client.invoke('fx.rates', {}), []);
  const loaded = useCoreData(loadRates);
  const rates = loaded.kind === 'ready' ? loaded.data : null;
  const [currency, setCurrency] = useState('');
  const [rate, setRate] = useState('');

  const save = async () => {
    try {
      await client.invoke('fx.setRate', {
        currency: currency.trim().toUpperCase().slice(0, 8),
        rate: rate.trim().slice(0, 24),
      });
      toast.success(`${currency.toUpperCase()} rate saved.`);
      setCurrency('');
      setRate('');
      loaded.reload();
    } catch (failure) {
      toast.error(failure, { title: 'The rate was not saved' });
    }
  };

  return (
    <Card title="Foreign cash" description="Currencies the till accepts as cash, at the rate a manager sets.">
      {loaded.kind === 'loading' && <LoadingPanel label="Loading the foreign currencies" />}
      {loaded.kind === 'error' && <LoadError message={loaded.message} onRetry={loaded.reload} />}
      {rates && (
        <ul className="coin-history" aria-label="Foreign currencies">
          {rates.rates.map((r) => (
            <li key={r.currency}>
              <strong>{r.currency}</strong>
              <span>
                1 {r.currency} = {r.rate} {rates.storeCurrency}
              </span>
            </li>
          ))}
          {rates.rates.length === 0 && <li>No foreign currency yet.</li>}
        </ul>
      )}
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
