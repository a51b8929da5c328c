/**
 * What every Products view needs before it can show anything: the store currency (prices are
 * shown and typed in it), the categories and the tax classes. Loaded together, reloaded on demand
 * and when the settings change.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type Category, type TaxClass } from '../../../../shared/api/catalog';
import { errorMessage } from '../../ui';

export type CatalogBasics =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; currency: string; categories: Category[]; taxClasses: TaxClass[] };

export function useCatalogBasics(): { basics: CatalogBasics; reload: () => Promise<void> } {
  const [basics, setBasics] = useState<CatalogBasics>({ kind: 'loading' });

  const reload = useCallback(async () => {
    try {
      const [{ settings }, { categories }, { taxClasses }] = await Promise.all([
        client.invoke('settings.get', {}),
        client.invoke('catalog.categories', { includeInactive: true }),
        client.invoke('catalog.taxClasses', {}),
      ]);
      setBasics({ kind: 'ready', currency: settings.currency, categories, taxClasses });
    } catch (error) {
      setBasics((current) =>
        current.kind === 'ready' ? current : { kind: 'error', message: errorMessage(error) },
      );
    }
  }, []);

  useEffect(() => {
    void reload();
    return client.on('settings.updated', () => void reload());
  }, [reload]);

  return { basics, reload };
}
