/**
 * The coin packages on sale as a grid of tiles (coins, bonus, price in the store currency, as the
 * core lists them), loaded through useCoreData. Used by both top-up dialogs: the one on a
 * customer's profile and the one inside the current sale. A package without a price in the store
 * currency cannot be chosen.
 */
import { useCallback } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { LoadError, LoadingPanel, Money, useDisplayLocale } from '../../ui';
import { formatCoins } from './CustomerPicker';

export type CoinPackage = ApiOutput<'coins.packages'>['packages'][number];

export interface CoinPackageGridProps {
  /** A choice is being handled: every tile waits. */
  busy: boolean;
  onChoose: (pkg: CoinPackage) => void;
}

export function CoinPackageGrid({ busy, onChoose }: CoinPackageGridProps) {
  const locale = useDisplayLocale();
  const loadPackages = useCallback(() => client.invoke('coins.packages', {}), []);
  const loaded = useCoreData(loadPackages);

  if (loaded.kind === 'loading') return <LoadingPanel label="Loading the coin packages" />;
  if (loaded.kind === 'error') return <LoadError message={loaded.message} onRetry={loaded.reload} />;
  const { currency } = loaded.data.settings;
  return (
    <ul className="package-grid" aria-label="Coin packages">
      {loaded.data.packages.map((pkg) => {
        const price = pkg.prices.find((p) => p.currency === currency);
        return (
          <li key={pkg.id}>
            <button
              type="button"
              className="package-tile"
              disabled={busy || !price}
              aria-label={`${pkg.name}: ${formatCoins(pkg.totalCoins, locale)}`}
              onClick={() => onChoose(pkg)}
            >
              <span className="package-tile__name">{pkg.name}</span>
              <span className="package-tile__coins">{formatCoins(pkg.totalCoins, locale)}</span>
              {pkg.bonusCoins !== '0' && (
                <span className="package-tile__bonus">
                  {formatCoins(pkg.coins, locale)} + {pkg.bonusCoins} bonus ({pkg.bonusPercent}%)
                </span>
              )}
              <span className="package-tile__price">
                {price ? <Money value={{ amount: price.amount, asset: currency }} /> : `No ${currency} price`}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
