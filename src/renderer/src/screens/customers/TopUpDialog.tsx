/**
 * Top-up: the coin packages as a grid (coins, bonus, price, as the core lists them); choosing one
 * makes a sale of it for the customer (`orders.create`, `coins.addTopUp`) and opens the payment
 * dialog, where any tender pays it. The coins post when the sale is paid.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { Dialog, Money, errorMessage, toast, useDisplayLocale } from '../../ui';
import { PaymentDialog } from '../checkout/PaymentDialog';
import { type OrderView } from '../checkout/types';
import { formatCoins, type CustomerView } from './CustomerPicker';

type CoinPackage = ApiOutput<'coins.packages'>['packages'][number];

export interface TopUpDialogProps {
  customer: CustomerView;
  onClose: () => void;
  /** The sale of the package was paid (or the dialog closed): reload the balance. */
  onChanged: () => void;
}

export function TopUpDialog({ customer, onClose, onChanged }: TopUpDialogProps) {
  const locale = useDisplayLocale();
  const [packages, setPackages] = useState<CoinPackage[]>([]);
  const [currency, setCurrency] = useState('USD');
  const [error, setError] = useState<string | null>(null);
  const [order, setOrder] = useState<OrderView | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    client.invoke('coins.packages', {}).then(
      (result) => {
        if (!live) return;
        setPackages(result.packages);
        setCurrency(result.settings.currency);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, []);

  const choose = async (pkg: CoinPackage) => {
    if (busy) return;
    setBusy(true);
    try {
      const created = await client.invoke('orders.create', { note: `Coins for ${customer.code}` });
      const { order: withLine } = await client.invoke('coins.addTopUp', {
        orderId: created.order.id,
        packageId: pkg.id,
        customerId: customer.id,
      });
      setOrder(withLine);
    } catch (failure) {
      toast.error(failure, { title: 'The top-up could not be started' });
    } finally {
      setBusy(false);
    }
  };

  if (order) {
    return (
      <PaymentDialog
        open
        order={order}
        onOrder={setOrder}
        onClose={() => {
          onChanged();
          onClose();
        }}
        onNewSale={() => {
          onChanged();
          onClose();
        }}
      />
    );
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title="Top up coins"
      description={`For ${customer.name} (${customer.code})`}
      size="lg"
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="package-grid" aria-label="Coin packages">
        {packages.map((pkg) => {
          const price = pkg.prices.find((p) => p.currency === currency);
          return (
            <li key={pkg.id}>
              <button
                type="button"
                className="package-tile"
                disabled={busy || !price}
                aria-label={`${pkg.name}: ${formatCoins(pkg.totalCoins, locale)}`}
                onClick={() => void choose(pkg)}
              >
                <span className="package-tile__name">{pkg.name}</span>
                <span className="package-tile__coins">{formatCoins(pkg.totalCoins, locale)}</span>
                {pkg.bonusCoins !== '0' && (
                  <span className="package-tile__bonus">
                    {formatCoins(pkg.coins, locale)} + {pkg.bonusCoins} bonus ({pkg.bonusPercent}%)
                  </span>
                )}
                <span className="package-tile__price">
                  {price ? (
                    <Money value={{ amount: price.amount, asset: currency }} />
                  ) : (
                    `No ${currency} price`
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
