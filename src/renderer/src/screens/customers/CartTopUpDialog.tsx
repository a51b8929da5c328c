/**
 * Top-up inside the current sale: the coin packages as a grid; choosing one adds it to the open
 * order as a line for the order's customer (`coins.addTopUp`), through the cart's rules. The sale
 * is then paid as usual, with anything else in it; the coins post when it is paid.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { Dialog, Money, errorMessage, toast, useDisplayLocale } from '../../ui';
import { checkout } from '../checkout/instance';
import { formatCoins, type CustomerView } from './CustomerPicker';

type CoinPackage = ApiOutput<'coins.packages'>['packages'][number];

export interface CartTopUpDialogProps {
  orderId: string;
  customer: CustomerView;
  onClose: () => void;
}

export function CartTopUpDialog({ orderId, customer, onClose }: CartTopUpDialogProps) {
  const locale = useDisplayLocale();
  const [packages, setPackages] = useState<CoinPackage[]>([]);
  const [currency, setCurrency] = useState('USD');
  const [error, setError] = useState<string | null>(null);
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
      await client.invoke('coins.addTopUp', { orderId, packageId: pkg.id, customerId: customer.id });
      // The cart shows the new line (the checkout reads it again only for a change of status).
      await checkout.refresh();
      toast.success(`${pkg.name} coins added to the sale for ${customer.name}.`);
      onClose();
    } catch (failure) {
      toast.error(failure, { title: 'The coins were not added' });
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Add coins to this sale"
      description={`For ${customer.name} (${customer.code}): the coins are theirs once the sale is paid.`}
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
