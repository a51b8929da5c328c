/**
 * Memberships › tiers: each tier's name, member discount (%), period (months), price in the store
 * currency and in coins (empty: not sold for coins), on sale or not; new tiers are added the same
 * way. The core checks every field (`memberships.saveTier`) and says what was wrong; the panel only
 * sends what the owner typed. Shown to those who may change settings.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { useStoreSettings } from '../../api/sharedData';
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
import './customers.css';

type Tier = ApiOutput<'memberships.tiers'>['tiers'][number];

interface Row {
  key: string;
  id?: string;
  name: string;
  discountPercent: string;
  periodMonths: string;
  price: string;
  coinPrice: string;
  active: boolean;
}

function rowOf(tier: Tier, currency: string, locale: string): Row {
  const price = tier.prices.find((p) => p.currency === currency);
  return {
    key: tier.id,
    id: tier.id,
    name: tier.name,
    discountPercent: tier.discountPercent,
    periodMonths: String(tier.periodMonths),
    price: price ? minorToInputText(price.amount, currency, locale) : '',
    coinPrice: tier.coinPrice ?? '',
    active: tier.active,
  };
}

export function MembershipTiersPanel() {
  const locale = useDisplayLocale();
  const { settings, reload: reloadSettings } = useStoreSettings();
  const loadTiers = useCallback(
    async () => (await client.invoke('memberships.tiers', { all: true })).tiers,
    [],
  );
  const tiers = useCoreData(loadTiers);
  const [rows, setRows] = useState<Row[]>([]);
  const currency = settings.kind === 'loaded' ? settings.value.currency : null;
  // What was loaded fills the rows; every (re)load replaces what was typed, as a save reloads.
  const loadedTiers = tiers.kind === 'ready' ? tiers.data : null;
  useEffect(() => {
    if (loadedTiers && currency) setRows(loadedTiers.map((tier) => rowOf(tier, currency, locale)));
  }, [loadedTiers, currency, locale]);

  const title = 'Membership tiers';
  const description =
    'What members pay for a period, in money or in coins, and the discount they get while valid.';
  if (tiers.kind !== 'ready' || !currency) {
    const failure =
      tiers.kind === 'error'
        ? { message: tiers.message, retry: tiers.reload }
        : settings.kind === 'error'
          ? { message: settings.message, retry: reloadSettings }
          : null;
    return (
      <Card title={title} description={description}>
        {failure ? (
          <LoadError message={failure.message} onRetry={failure.retry} />
        ) : (
          <LoadingPanel label="Loading the membership tiers" />
        )}
      </Card>
    );
  }
  const reload = tiers.reload;

  const save = async (row: Row) => {
    const label = row.name.trim() || 'the tier';
    const price = parseMoneyInput(row.price, currency, locale);
    if (!price.ok) return toast.error(price.message, { title: `The price of ${label}` });
    const months = Number(row.periodMonths);
    if (!(Number.isInteger(months) && months >= 1 && months <= 60)) {
      return toast.error('Give the period as a whole number of months from 1 to 60.', {
        title: `The period of ${label}`,
      });
    }
    const coins = row.coinPrice.trim();
    try {
      await client.invoke('memberships.saveTier', {
        ...(row.id ? { tierId: row.id } : {}),
        name: row.name.slice(0, 60),
        discountPercent: row.discountPercent.trim().slice(0, 8),
        periodMonths: months,
        prices: [{ currency, amount: price.amountMinor }],
        coinPrice: coins === '' ? null : coins.slice(0, 20),
        active: row.active,
      });
      toast.success(`${row.name.trim()} saved.`);
      reload();
    } catch (failure) {
      toast.error(failure, { title: 'The tier was not saved' });
    }
  };

  const change = (key: string, patch: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <Card title={title} description={description}>
      <ul className="coins-packages" aria-label="Membership tiers">
        {rows.map((row) => (
          <li key={row.key} className="coins-packages__row" aria-label={row.name || 'New tier'}>
            <TextField
              label="Name"
              value={row.name}
              onChange={(e) => change(row.key, { name: e.target.value })}
            />
            <TextField
              label="Discount %"
              inputMode="decimal"
              value={row.discountPercent}
              onChange={(e) => change(row.key, { discountPercent: e.target.value })}
            />
            <TextField
              label="Period (months)"
              inputMode="numeric"
              value={row.periodMonths}
              onChange={(e) => change(row.key, { periodMonths: e.target.value })}
            />
            <MoneyField
              label="Price"
              currency={currency}
              value={row.price}
              onValueChange={(price) => change(row.key, { price })}
            />
            <TextField
              label="Price in coins"
              hint="Empty: not sold for coins."
              inputMode="numeric"
              value={row.coinPrice}
              onChange={(e) => change(row.key, { coinPrice: e.target.value })}
            />
            <Switch
              label="On sale"
              checked={row.active}
              onCheckedChange={(active) => change(row.key, { active })}
            />
            <Button variant="secondary" onClick={() => void save(row)}>
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
            {
              key: `new-${current.length}`,
              name: '',
              discountPercent: '0',
              periodMonths: '1',
              price: '',
              coinPrice: '',
              active: true,
            },
          ])
        }
      >
        Add a tier
      </Button>
    </Card>
  );
}
