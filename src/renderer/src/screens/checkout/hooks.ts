/**
 * What the checkout reads from the core besides the cart: the store settings (currency, tips,
 * discount limit) and the till's shift from the page's shared store, and the catalog (categories and
 * products through useCoreData; images, cached), each kept up to date by the core's events.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type CoreData, useCoreData } from '../../api/coreData';
import { type Loadable } from '../../api/sharedData';
import { type Category, type Product } from './types';

// Settings and the shift come from the page's one shared store (api/sharedData.ts).
export { type Loadable, useCurrentShift, useStoreSettings } from '../../api/sharedData';

/** useCoreData's state as the checkout's Loadable (a refresh keeps what is shown). */
function loadableOf<T>(data: CoreData<T>): Loadable<T> {
  if (data.kind === 'ready') return { kind: 'loaded', value: data.data };
  if (data.kind === 'error') return { kind: 'error', message: data.message };
  return { kind: 'loading' };
}

const loadCategories = async () => (await client.invoke('catalog.categories', {})).categories;

/** The active categories, by sort order. */
export function useCategories(): Loadable<Category[]> {
  return loadableOf(useCoreData(loadCategories, { refreshOn: ['catalog.updated'] }));
}

/** The largest page the grid asks for: a till's catalog fits, a warehouse's is searched. */
export const productPageSize = 200;

/** `value`, once it has stayed the same for `delayMs` (at once when it becomes empty). */
function useSettledValue(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === '') {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The products for sale in a category (null: all) matching a search. While a new query loads, the
 * previous products stay on screen (no flash of emptiness); `stale` says so.
 */
export function useProducts(
  categoryId: string | null,
  search: string,
): { products: Loadable<{ items: Product[]; total: number }>; stale: boolean } {
  const trimmed = search.trim();
  // A short pause while typing, so each keystroke does not ask the core.
  const settled = useSettledValue(trimmed, 150);
  const load = useCallback(async () => {
    const result = await client.invoke('catalog.products', {
      limit: productPageSize,
      ...(categoryId ? { categoryId } : {}),
      ...(settled ? { search: settled } : {}),
    });
    return { items: result.products, total: result.total };
  }, [categoryId, settled]);
  const products = useCoreData(load, { refreshOn: ['catalog.updated'] });
  const stale = products.kind !== 'loading' && (products.refreshing || settled !== trimmed);
  return { products: loadableOf(products), stale };
}

const imageCache = new Map<string, Promise<string | null>>();

/** A product's image as a data: URL (cached by its SHA-256), or null while loading or without one. */
export function useProductImage(product: Pick<Product, 'id' | 'image'>): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const key = product.image ? `${product.id}:${product.image.sha256}` : null;

  useEffect(() => {
    if (!key) {
      setUrl(null);
      return;
    }
    let live = true;
    const productId = key.slice(0, key.indexOf(':'));
    let pending = imageCache.get(key);
    if (!pending) {
      pending = client.invoke('catalog.image', { productId }).then(
        (result) => result.dataUrl,
        () => {
          imageCache.delete(key);
          return null;
        },
      );
      imageCache.set(key, pending);
    }
    void pending.then((dataUrl) => {
      if (live) setUrl(dataUrl);
    });
    return () => {
      live = false;
    };
  }, [key]);

  return key ? url : null;
}
