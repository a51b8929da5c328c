/**
 * The left side of the checkout: the products for sale by category (chips), a search over name,
 * SKU and barcode, and a keypad for custom amounts. A tap adds a product with one variant straight
 * to the sale; a product with several asks which one first. Enter in the search adds the one
 * match, or the item whose barcode or SKU was typed (or scanned) into the box.
 */
import { type Ref, useState } from 'react';
import { ApiCallError } from '../../../../shared/api/errors';
import {
  Button,
  cx,
  EmptyState,
  GridIcon,
  KeypadIcon,
  SearchIcon,
  SegmentedControl,
  Spinner,
  toast,
} from '../../ui';
import { CustomAmountPanel } from './CustomAmountPanel';
import { useCategories, useProducts } from './hooks';
import { ProductTile } from './ProductTile';
import { type AddLineItem } from './checkoutStore';
import { type Category, type Product } from './types';
import { VariantPicker } from './VariantPicker';

type Mode = 'items' | 'keypad';

export interface CatalogPanelProps {
  currency: string;
  searchRef: Ref<HTMLInputElement>;
  onAdd: (item: AddLineItem) => Promise<unknown>;
}

export function CatalogPanel({ currency, searchRef, onAdd }: CatalogPanelProps) {
  const [mode, setMode] = useState<Mode>('items');
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [picking, setPicking] = useState<Product | null>(null);
  const categories = useCategories();
  const searching = search.trim().length > 0;
  // A search looks through every category.
  const { products, stale } = useProducts(searching ? null : categoryId, search);

  const add = (item: AddLineItem) => onAdd(item).catch((error: unknown) => toast.error(error));

  const pick = (product: Product) => {
    const only = product.variants.length === 1 ? product.variants[0] : undefined;
    if (only) void add({ variantId: only.id });
    else setPicking(product);
  };

  const categoryList: Category[] = categories.kind === 'loaded' ? categories.value : [];
  const colorOf = (product: Product) =>
    categoryList.find((category) => category.id === product.categoryId)?.color ?? '';

  /**
   * Enter in the search: the one match is added; otherwise the text is tried as a barcode or SKU
   * (a scanner typing into the box, or a code typed by hand before the results came back).
   */
  const addFromSearch = () => {
    const text = search.trim();
    if (!text) return;
    const items = products.kind === 'loaded' ? products.value.items : [];
    const [only, ...others] = items;
    if (!stale && only && others.length === 0) {
      pick(only);
      setSearch('');
      return;
    }
    onAdd({ barcode: text }).then(
      () => setSearch(''),
      (error: unknown) => {
        const unknownCode = error instanceof ApiCallError && error.code === 'not_found';
        // Several names match: the person is searching, not scanning; the grid answers them.
        if (unknownCode && !stale && items.length > 1) return;
        toast.error(
          unknownCode ? `Nothing matches “${text}” as a barcode or SKU.` : error,
          unknownCode ? { title: 'Not found' } : undefined,
        );
      },
    );
  };

  return (
    <section className="catalog" aria-label="Products">
      <div className="catalog__bar">
        <SegmentedControl<Mode>
          label="Add items from"
          value={mode}
          onValueChange={setMode}
          options={[
            { value: 'items', label: 'Items', icon: <GridIcon size={20} /> },
            { value: 'keypad', label: 'Keypad', icon: <KeypadIcon size={20} /> },
          ]}
        />
        {mode === 'items' && (
          <div className="catalog__search">
            <SearchIcon size={20} className="catalog__search-icon" />
            <input
              ref={searchRef}
              type="search"
              className="input catalog__search-input"
              placeholder="Search name, SKU or barcode"
              aria-label="Search products"
              aria-keyshortcuts="/"
              value={search}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                  event.preventDefault();
                  addFromSearch();
                } else if (event.key === 'Escape' && search) {
                  event.preventDefault();
                  setSearch('');
                }
              }}
            />
          </div>
        )}
      </div>

      {mode === 'keypad' ? (
        <div className="catalog__keypad">
          <CustomAmountPanel currency={currency} onAdd={(custom) => onAdd({ custom })} />
        </div>
      ) : (
        <>
          <div className={cx('catalog__chips', searching && 'is-muted')} role="group" aria-label="Categories">
            <button
              type="button"
              className={cx('choice-chip', categoryId === null && 'is-selected')}
              aria-pressed={categoryId === null}
              onClick={() => setCategoryId(null)}
            >
              All items
            </button>
            {categoryList.map((category) => (
              <button
                key={category.id}
                type="button"
                className={cx('choice-chip', categoryId === category.id && 'is-selected')}
                aria-pressed={categoryId === category.id}
                onClick={() => {
                  setCategoryId(category.id);
                  setSearch('');
                }}
              >
                {category.color && (
                  <span
                    className="choice-chip__dot"
                    style={{ backgroundColor: category.color }}
                    aria-hidden="true"
                  />
                )}
                {category.name}
              </button>
            ))}
          </div>
          <div className={cx('catalog__grid-wrap', stale && 'is-stale')} aria-busy={stale || undefined}>
            {products.kind === 'loading' && (
              <div className="catalog__state">
                <Spinner size={32} label="Loading products" />
              </div>
            )}
            {products.kind === 'error' && (
              <div className="catalog__state" role="alert">
                <p>{products.message}</p>
              </div>
            )}
            {products.kind === 'loaded' && products.value.items.length === 0 && (
              <EmptyState
                icon={<SearchIcon />}
                title={searching ? 'No matches' : 'No products here yet'}
                headingLevel={3}
              >
                <p>
                  {searching
                    ? `Nothing matches “${search.trim()}”. Try part of the name, the SKU or the barcode.`
                    : 'Products added on the Products screen show here. Use the keypad for a custom amount.'}
                </p>
                {searching && (
                  <Button variant="secondary" onClick={() => setSearch('')}>
                    Clear search
                  </Button>
                )}
              </EmptyState>
            )}
            {products.kind === 'loaded' && products.value.items.length > 0 && (
              <ul className="catalog__grid" aria-label={searching ? 'Search results' : 'Products'}>
                {products.value.items.map((product) => (
                  <li key={product.id}>
                    <ProductTile
                      product={product}
                      currency={currency}
                      color={colorOf(product)}
                      onPick={pick}
                    />
                  </li>
                ))}
              </ul>
            )}
            {products.kind === 'loaded' && products.value.total > products.value.items.length && (
              <p className="catalog__more">
                Showing {products.value.items.length} of {products.value.total}. Search to find the others.
              </p>
            )}
          </div>
        </>
      )}

      <VariantPicker
        product={picking}
        currency={currency}
        onClose={() => setPicking(null)}
        onPick={(variant) => {
          setPicking(null);
          void add({ variantId: variant.id });
        }}
      />
    </section>
  );
}
