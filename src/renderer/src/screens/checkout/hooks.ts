/**
 * What the checkout reads from the core besides the cart: the store settings (currency, tips,
 * discount limit) and the till's shift from the page's shared store, and the catalog (categories,
 * products, images), each kept up to date by the core's events.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { type Loadable } from '../../api/sharedData';
import { errorMessage } from '../../ui';
import { type Category, type Product } from './types';

// Settings and the shift come from the page's one shared store (api/sharedData.ts).
export { type Loadable, useCurrentShift, useStoreSettings } from '../../api/sharedData';

/** The active categories, by sort order. */
export function useCategories(): Loadable<Category[]> {
  const [categories, setCategories] = useState<Loadable<Category[]>>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      client.invoke('catalog.categories', {}).then(
        (result) => live && setCategories({ kind: 'loaded', value: result.categories }),
        (error: unknown) => live && setCategories({ kind: 'error', message: errorMessage(error) }),
      );
    void load();
    const stop = client.on('catalog.updated', () => void load());
    return () => {
      live = false;
      stop();
    };
  }, []);
  return categories;
}

/** The largest page the grid asks for: a till's catalog fits, a warehouse's is searched. */
export const productPageSize = 200;

/**
 * The products for sale in a category (null: all) matching a search. While a new query loads, the
 * previous products stay on screen (no flash of emptiness); `stale` says so.
 */
export function useProducts(
  categoryId: string | null,
  search: string,
): { products: Loadable<{ items: Product[]; total: number }>; stale: boolean } {
  const [products, setProducts] = useState<Loadable<{ items: Product[]; total: number }>>({
    kind: 'loading',
  });
  const [stale, setStale] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => client.on('catalog.updated', () => setVersion((v) => v + 1)), []);

  useEffect(() => {
    let live = true;
    setStale(true);
    const trimmed = search.trim();
    // A short pause while typing, so each keystroke does not ask the core.
    const timer = setTimeout(
      () => {
        client
          .invoke('catalog.products', {
            limit: productPageSize,
            ...(categoryId ? { categoryId } : {}),
            ...(trimmed ? { search: trimmed } : {}),
          })
          .then(
            (result) => {
              if (!live) return;
              setProducts({ kind: 'loaded', value: { items: result.products, total: result.total } });
              setStale(false);
            },
            (error: unknown) => {
              if (!live) return;
              setProducts({ kind: 'error', message: errorMessage(error) });
              setStale(false);
            },
          );
      },
      trimmed ? 150 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [categoryId, search, version]);

  return { products, stale };
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
