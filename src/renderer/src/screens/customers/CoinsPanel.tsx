/**
 * Settings › Payments › Store coins: the value of one coin, the months after which an idle balance
 * expires, and the coin packages (coins, bonus %, price in the store currency, on sale or not). The
 * core works out the bonus coins and checks everything; the panel only sends what the owner typed.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import {
  Button,
  Card,
  LoadError,
  LoadingPanel,
  MoneyField,
  Switch,
  TextField,
  minorToInputText,
  parseMoneyInput,
  toast,
  useDisplayLocale,
} from '../../ui';
import { formatCoins } from './CustomerPicker';
import './customers.css';

type CoinPackage = ApiOutput<'coins.packages'>['packages'][number];

interface Row {
  key: string;
  id?: string;
  name: string;
  coins: string;
  bonusPercent: string;
  price: string;
  active: boolean;
  totalCoins?: string;
}

function rowOf(pkg: CoinPackage, currency: string, locale: string): Row {
  const price = pkg.prices.find((p) => p.currency === currency);
  return {
    key: pkg.id,
    id: pkg.id,
    name: pkg.name,
    coins: pkg.coins,
    bonusPercent: pkg.bonusPercent,
    price: price ? minorToInputText(price.amount, currency, locale) : '',
    active: pkg.active,
    totalCoins: pkg.totalCoins,
  };
}

export function CoinsPanel() {
  const locale = useDisplayLocale();
  const loadPackages = useCallback(() => client.invoke('coins.packages', { all: true }), []);
  const loaded = useCoreData(loadPackages);
  const [rows, setRows] = useState<Row[]>([]);
  const [value, setValue] = useState('');
  const [expiry, setExpiry] = useState('');
  // What was loaded fills the fields; every (re)load replaces what was typed, as a save reloads.
  const data = loaded.kind === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (!data) return;
    const { currency, coinValueMinor, expiryMonths } = data.settings;
    setRows(data.packages.map((pkg) => rowOf(pkg, currency, locale)));
    setValue(minorToInputText(coinValueMinor, currency, locale));
    setExpiry(expiryMonths === null ? '' : String(expiryMonths));
  }, [data, locale]);

  const title = 'Store coins';
  const description = 'What a coin is worth, when idle balances expire, and the packages sold.';
  if (loaded.kind !== 'ready') {
    return (
      <Card title={title} description={description}>
        {loaded.kind === 'loading' ? (
          <LoadingPanel label="Loading the coin settings" />
        ) : (
          <LoadError message={loaded.message} onRetry={loaded.reload} />
        )}
      </Card>
    );
  }
  const { currency } = loaded.data.settings;
  const reload = loaded.reload;

  const saveSettings = async () => {
    const parsed = parseMoneyInput(value, currency, locale);
    if (!parsed.ok) return toast.error(parsed.message, { title: 'The coin value is not an amount' });
    const months = expiry.trim() === '' ? null : Number(expiry);
    if (months !== null && !(Number.isInteger(months) && months >= 1 && months <= 120)) {
      return toast.error('Give a whole number of months from 1 to 120, or leave it empty for never.');
    }
    try {
      await client.invoke('coins.saveSettings', { coinValueMinor: parsed.amountMinor, expiryMonths: months });
      toast.success('Coin settings saved.');
      reload();
    } catch (failure) {
      toast.error(failure, { title: 'The coin settings were not saved' });
    }
  };

  const saveRow = async (row: Row) => {
    const price = parseMoneyInput(row.price, currency, locale);
    if (!price.ok) return toast.error(price.message, { title: `The price of ${row.name || 'the package'}` });
    try {
      await client.invoke('coins.savePackage', {
        ...(row.id ? { packageId: row.id } : {}),
        name: row.name.slice(0, 60),
        coins: row.coins.trim().slice(0, 16),
        bonusPercent: row.bonusPercent.trim().slice(0, 8),
        prices: [{ currency, amount: price.amountMinor }],
        active: row.active,
      });
      toast.success(`${row.name} saved.`);
      reload();
    } catch (failure) {
      toast.error(failure, { title: 'The package was not saved' });
    }
  };

  const change = (key: string, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <Card title={title} description={description}>
      <div className="coins-settings">
        <MoneyField label="One coin is worth" currency={currency} value={value} onValueChange={setValue} />
        <TextField
          label="Expire idle balances after (months)"
          hint="Empty: coins never expire."
          inputMode="numeric"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
        />
        <Button variant="primary" onClick={() => void saveSettings()}>
          Save coin settings
        </Button>
      </div>
      <ul className="coins-packages" aria-label="Coin packages">
        {rows.map((row) => (
          <li key={row.key} className="coins-packages__row">
            <TextField
              label="Name"
              value={row.name}
              onChange={(e) => change(row.key, { name: e.target.value })}
            />
            <TextField
              label="Coins"
              inputMode="numeric"
              value={row.coins}
              onChange={(e) => change(row.key, { coins: e.target.value })}
            />
            <TextField
              label="Bonus %"
              inputMode="decimal"
              value={row.bonusPercent}
              onChange={(e) => change(row.key, { bonusPercent: e.target.value })}
            />
            <MoneyField
              label="Price"
              currency={currency}
              value={row.price}
              onValueChange={(price) => change(row.key, { price })}
            />
            <Switch
              label="On sale"
              checked={row.active}
              onCheckedChange={(active) => change(row.key, { active })}
            />
            {row.totalCoins && (
              <span className="coins-packages__total">{formatCoins(row.totalCoins, locale)}</span>
            )}
            <Button variant="secondary" onClick={() => void saveRow(row)}>
              Save
            </Button>
          </li>
        ))}
      </ul>
      <Button
        variant="ghost"
        onClick={() =>
          setRows((current) => [
            ...current,
            { key: `new-${current.length}`, name: '', coins: '', bonusPercent: '0', price: '', active: true },
          ])
        }
      >
        Add a package
      </Button>
    </Card>
  );
}
