/**
 * A customer's profile: details, coin balance with its value and lifetime figures, the QR card, the
 * coin history and the orders; top-up, gift, export and erase. Every figure is the core's.
 */
import { useCallback, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { useStoreSettings } from '../../api/sharedData';
import {
  Button,
  ConfirmDialog,
  Dialog,
  LoadError,
  LoadingPanel,
  Money,
  toast,
  useDisplayLocale,
} from '../../ui';
import { formatCoins, type CustomerView } from './CustomerPicker';
import { EditCustomerDialog, MergeCustomerDialog } from './CustomerEditDialogs';
import { GiftDialog } from './GiftDialog';
import { MembershipSection } from './MembershipSection';
import { TopUpDialog } from './TopUpDialog';

const kindWords: Record<string, string> = {
  coins_bought: 'Bought',
  coins_bonus: 'Bonus',
  coins_spent: 'Paid with coins',
  coins_spent_back: 'Refund of a coin payment',
  coins_gift: 'Gift',
  coins_tip: 'Tip',
  coins_merge: 'Merged',
  coins_expired: 'Expired',
  coins_topup_refund: 'Top-up refunded',
};

export interface CustomerProfileProps {
  customer: CustomerView;
  onChanged: (customer: CustomerView | null) => void;
}

export function CustomerProfile({ customer, onChanged }: CustomerProfileProps) {
  const locale = useDisplayLocale();
  const [dialog, setDialog] = useState<'topup' | 'gift' | 'card' | 'erase' | 'edit' | 'merge' | null>(null);
  const [card, setCard] = useState<{ qrSvg: string; code: string } | null>(null);
  const { settings } = useStoreSettings();

  // The balance, coin history and purchases, read again when a sale changes (a top-up paid, coins
  // spent or refunded) and after a gift or merge here.
  const loadFigures = useCallback(async () => {
    const [balance, history, purchases] = await Promise.all([
      client.invoke('coins.balance', { customerId: customer.id }),
      client.invoke('coins.history', { customerId: customer.id }),
      client.invoke('customers.history', { customerId: customer.id }),
    ]);
    return { balance, entries: history.entries, orders: purchases.orders };
  }, [customer.id]);
  const figures = useCoreData(loadFigures, { refreshOn: ['order.updated'] });
  const load = figures.reload;
  const data = figures.kind === 'ready' ? figures.data : null;

  const showCard = async () => {
    try {
      setCard(await client.invoke('customers.card', { customerId: customer.id }));
      setDialog('card');
    } catch (failure) {
      toast.error(failure, { title: 'The card could not be made' });
    }
  };

  const exportData = async () => {
    try {
      const { export: data } = await client.invoke('customers.export', { customerId: customer.id });
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `customer-${customer.code}.json`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      toast.error(failure, { title: 'The export failed' });
    }
  };

  const erase = async () => {
    try {
      await client.invoke('customers.erase', { customerId: customer.id });
      toast.success('The customer’s details were erased.');
      onChanged(null);
    } catch (failure) {
      toast.error(failure, { title: 'The customer was not erased' });
    }
  };

  // The balance's value is in the store currency.
  const currency = settings.kind === 'loaded' ? settings.value.currency : 'USD';
  return (
    <div className="customer-profile">
      <header className="customer-profile__head">
        <h2>{customer.name}</h2>
        <p>
          {customer.code}
          {customer.phone && ` · ${customer.phone}`}
          {customer.email && ` · ${customer.email}`}
        </p>
        {customer.notes && <p className="customer-profile__notes">{customer.notes}</p>}
      </header>
      {figures.kind === 'loading' && <LoadingPanel label="Loading the coins and purchases" />}
      {figures.kind === 'error' && <LoadError message={figures.message} onRetry={load} />}
      {data && (
        <div className="coin-balance" data-testid="customer-balance">
          <span className="coin-balance__label">Coin balance</span>
          <strong className="coin-balance__coins" data-testid="coin-balance">
            {formatCoins(data.balance.balance, locale)}
          </strong>
          <span>
            worth <Money value={{ amount: data.balance.valueMinor, asset: currency }} />
          </span>
          <dl className="coin-balance__lifetime">
            <dt>Bought</dt>
            <dd>{data.balance.lifetime.bought}</dd>
            <dt>Bonus</dt>
            <dd>{data.balance.lifetime.bonus}</dd>
            <dt>Spent</dt>
            <dd>{data.balance.lifetime.spent}</dd>
            <dt>Expired</dt>
            <dd>{data.balance.lifetime.expired}</dd>
            <dt>Gifts in / out</dt>
            <dd>
              {data.balance.lifetime.giftsIn} / {data.balance.lifetime.giftsOut}
            </dd>
          </dl>
        </div>
      )}
      <div className="customer-profile__actions">
        <Button variant="primary" onClick={() => setDialog('topup')}>
          Top up coins
        </Button>
        <Button variant="secondary" onClick={() => setDialog('gift')}>
          Give coins
        </Button>
        <Button variant="secondary" onClick={() => void showCard()}>
          QR card
        </Button>
        <Button variant="ghost" onClick={() => setDialog('edit')}>
          Edit
        </Button>
        <Button variant="ghost" onClick={() => setDialog('merge')}>
          Merge a duplicate
        </Button>
        <Button variant="ghost" onClick={() => void exportData()}>
          Export data
        </Button>
        <Button variant="ghost" onClick={() => setDialog('erase')}>
          Erase
        </Button>
      </div>
      <MembershipSection customerId={customer.id} onChanged={load} />
      {data && (
        <>
          <h3>Coin history</h3>
          <ul className="coin-history" aria-label="Coin history">
            {data.entries.map((entry) => (
              <li key={entry.id}>
                <span>{kindWords[entry.kind] ?? entry.kind}</span>
                <span className={entry.coins.startsWith('-') ? 'coin-history__out' : 'coin-history__in'}>
                  {entry.coins.startsWith('-') ? entry.coins : `+${entry.coins}`}
                </span>
                <span>= {entry.balanceAfter}</span>
                {entry.message && <span className="coin-history__message">“{entry.message}”</span>}
              </li>
            ))}
            {data.entries.length === 0 && <li>No coins yet.</li>}
          </ul>
          <h3>Purchases</h3>
          <ul className="customer-orders" aria-label="Purchases">
            {data.orders.map((order) => (
              <li key={order.orderId}>
                Sale #{order.number} · {order.status}
                {order.totalMinor && (
                  <>
                    {' · '}
                    <Money value={{ amount: order.totalMinor, asset: order.currency }} />
                  </>
                )}
              </li>
            ))}
            {data.orders.length === 0 && <li>No purchases yet.</li>}
          </ul>
        </>
      )}
      {dialog === 'topup' && (
        <TopUpDialog customer={customer} onClose={() => setDialog(null)} onChanged={load} />
      )}
      {dialog === 'edit' && (
        <EditCustomerDialog customer={customer} onClose={() => setDialog(null)} onSaved={onChanged} />
      )}
      {dialog === 'merge' && (
        <MergeCustomerDialog
          keep={customer}
          onClose={() => setDialog(null)}
          onMerged={(merged) => {
            onChanged(merged);
            load();
          }}
        />
      )}
      {dialog === 'gift' && <GiftDialog from={customer} onClose={() => setDialog(null)} onDone={load} />}
      {dialog === 'card' && card && (
        <Dialog
          open
          onClose={() => setDialog(null)}
          title="Customer card"
          description={customer.name}
          size="sm"
        >
          <img
            className="customer-card"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qrSvg)}`}
            alt={`QR code of ${card.code}`}
          />
          <p className="customer-card__code">{card.code}</p>
        </Dialog>
      )}
      <ConfirmDialog
        open={dialog === 'erase'}
        title="Erase this customer?"
        confirmLabel="Erase"
        tone="danger"
        message="Their name, phone, e-mail and notes are blanked. Their sales and coin history stay, under a number that names no one."
        onConfirm={() => erase()}
        onCancel={() => setDialog(null)}
      />
    </div>
  );
}
