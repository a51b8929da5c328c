/**
 * What every Products view needs before it can show anything: the store currency (prices are
 * shown and typed in it; from the page's shared settings, kept up to date by settings.updated),
 * the categories and the tax classes (loaded together through useCoreData, reloaded on demand).
 */
import { useCallback } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { useStoreSettings } from '../../api/sharedData';
import { type Category, type TaxClass } from '../../../../shared/api/catalog';

export type CatalogBasics =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; currency: string; categories: Category[]; taxClasses: TaxClass[] };

export function useCatalogBasics(): { basics: CatalogBasics; reload: () => void } {
  const { settings, reload: reloadSettings } = useStoreSettings();
  const load = useCallback(async () => {
    const [{ categories }, { taxClasses }] = await Promise.all([
      client.invoke('catalog.categories', { includeInactive: true }),
      client.invoke('catalog.taxClasses', {}),
    ]);
    return { categories, taxClasses };
  }, []);
  const catalog = useCoreData(load, { refreshOn: ['settings.updated'] });
  const reloadCatalog = catalog.reload;
  const reload = useCallback(() => {
    reloadSettings();
    reloadCatalog();
  }, [reloadSettings, reloadCatalog]);

  let basics: CatalogBasics;
  if (settings.kind === 'error') basics = { kind: 'error', message: settings.message };
  else if (catalog.kind === 'error') basics = { kind: 'error', message: catalog.message };
  else if (settings.kind === 'loading' || catalog.kind === 'loading') basics = { kind: 'loading' };
  else basics = { kind: 'ready', currency: settings.value.currency, ...catalog.data };
  return { basics, reload };
}
