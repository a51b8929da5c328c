/**
 * Products › list: search (name, variant, SKU or barcode), a category filter and archived
 * products on request, with each product's category, SKU, stock (low and out badges) and price.
 * Above it, what is low on stock (catalog.lowStock). Import and export CSV, and New product, for
 * those who may edit the catalog.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { navigate } from '../../app/router';
import { useCan } from '../../app/useCan';
import { type ApiOutput } from '../../../../shared/api';
import { type Category, type Product } from '../../../../shared/api/catalog';
import {
  Badge,
  BoxIcon,
  Button,
  Card,
  DownloadIcon,
  EmptyState,
  LoadError,
  LoadingPanel,
  Money,
  PageHeader,
  PlusIcon,
  Select,
  Switch,
  Table,
  type TableColumn,
  TextField,
  toast,
  UploadIcon,
} from '../../ui';
import { CategoriesDialog } from './CategoriesDialog';
import { downloadText } from './download';
import { ImportCsvDialog } from './ImportCsvDialog';
import { appendPage, type MorePages, shownPages } from './productPages';
import { lowStockThreshold, priceSummary, skuSummary, stockSummary } from './productRows';

const pageSize = 50;
const searchDelayMs = 250;

type LowStock = ApiOutput<'catalog.lowStock'>['variants'];

/** The first page of the list (through useCoreData) with what is low on stock. */
interface FirstPage {
  products: Product[];
  total: number;
  lowStock: LowStock;
}

export interface ProductListProps {
  currency: string;
  categories: Category[];
  onCategoriesChanged: () => void;
}

function StockCell({ product }: { product: Product }) {
  const stock = stockSummary(product);
  if (stock.level === 'untracked') return <span className="muted">Not tracked</span>;
  return (
    <span className="stock-cell">
      <span className="tabular">{stock.onHand}</span>
      {stock.level === 'low' && <Badge tone="warning">Low</Badge>}
      {stock.level === 'out' && <Badge tone="danger">Out</Badge>}
    </span>
  );
}

function PriceCell({ product, currency }: { product: Product; currency: string }) {
  const price = priceSummary(product, currency);
  if (price.kind === 'none') return <span className="muted">No price</span>;
  if (price.kind === 'one') return <Money value={{ amount: price.amountMinor, asset: currency }} />;
  return (
    <span className="price-range">
      <Money value={{ amount: price.lowMinor, asset: currency }} />
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">to</span>
      <Money value={{ amount: price.highMinor, asset: currency }} />
    </span>
  );
}

export function ProductList({ currency, categories, onCategoriesChanged }: ProductListProps) {
  const canEdit = useCan('catalog.edit');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [more, setMore] = useState<MorePages<Product, FirstPage> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [searchText]);

  const query = useCallback(
    (offset: number) =>
      client.invoke('catalog.products', {
        ...(search ? { search } : {}),
        ...(categoryId ? { categoryId } : {}),
        includeArchived,
        limit: pageSize,
        offset,
      }),
    [search, categoryId, includeArchived],
  );

  // The first page loads again whenever the filters change and when the catalog changes.
  const loadFirstPage = useCallback(async (): Promise<FirstPage> => {
    const [result, low] = await Promise.all([
      query(0),
      client.invoke('catalog.lowStock', { threshold: lowStockThreshold }),
    ]);
    return { products: result.products, total: result.total, lowStock: low.variants };
  }, [query]);
  const list = useCoreData(loadFirstPage, { refreshOn: ['catalog.updated'] });
  const reload = list.reload;
  const firstPage = list.kind === 'ready' ? list.data : null;
  const { products, total } = shownPages(firstPage, more);
  const lowStock = firstPage?.lowStock ?? [];

  const loadMore = async () => {
    if (!firstPage) return;
    setLoadingMore(true);
    try {
      const result = await query(products.length);
      setMore((current) => appendPage(firstPage, current, result));
    } catch (error) {
      toast.error(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { csv } = await client.invoke('catalog.exportCsv', { currency });
      downloadText(`products-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8');
      toast.success('Products exported', { message: 'The CSV file is in your downloads.' });
    } catch (error) {
      toast.error(error, { title: 'The export failed' });
    } finally {
      setExporting(false);
    }
  };

  const categoryName = new Map(categories.map((category) => [category.id, category]));
  const columns: TableColumn<Product>[] = [
    {
      key: 'name',
      header: 'Product',
      cell: (product) => (
        <span className="product-cell">
          <span className="product-cell__name">{product.name}</span>
          <span className="product-cell__meta">
            {product.variants.length > 1 && <span className="muted">{product.variants.length} variants</span>}
            {!product.active && <Badge tone="neutral">Archived</Badge>}
          </span>
        </span>
      ),
    },
    {
      key: 'category',
      header: 'Category',
      cell: (product) => {
        const category = product.categoryId ? categoryName.get(product.categoryId) : undefined;
        if (!category) return <span className="muted">—</span>;
        return (
          <span className="category-cell">
            <span
              className="category-dot"
              style={{ background: category.color || 'var(--color-border-strong)' }}
              aria-hidden="true"
            />
            {category.name}
          </span>
        );
      },
    },
    { key: 'sku', header: 'SKU', cell: (product) => <span className="mono">{skuSummary(product)}</span> },
    {
      key: 'stock',
      header: 'Stock',
      align: 'end',
      cell: (product) => <StockCell product={product} />,
      width: '150px',
    },
    {
      key: 'price',
      header: 'Price',
      align: 'end',
      cell: (product) => <PriceCell product={product} currency={currency} />,
      width: '170px',
    },
  ];

  const filtered = search !== '' || categoryId !== '';

  return (
    <div className="screen products-screen">
      <PageHeader
        title="Products"
        description="What the store sells: prices, variants, barcodes and stock."
        actions={
          <>
            {canEdit && (
              <Button icon={<UploadIcon size={20} />} onClick={() => setImportOpen(true)}>
                Import CSV
              </Button>
            )}
            <Button icon={<DownloadIcon size={20} />} loading={exporting} onClick={() => void exportCsv()}>
              Export CSV
            </Button>
            {canEdit && (
              <Button
                variant="primary"
                icon={<PlusIcon size={20} />}
                onClick={() => navigate({ section: 'products', rest: ['new'] })}
              >
                New product
              </Button>
            )}
          </>
        }
      />

      {lowStock.length > 0 && (
        <section className="low-stock" aria-labelledby="low-stock-title">
          <h2 id="low-stock-title" className="low-stock__title">
            {lowStock.length === 1 ? '1 item is' : `${lowStock.length} items are`} low on stock
          </h2>
          <ul className="low-stock__list">
            {lowStock.map((item) => (
              <li key={item.variantId}>
                <button
                  type="button"
                  className="low-stock__item"
                  onClick={() => navigate({ section: 'products', rest: [item.productId] })}
                >
                  <span>
                    {item.productName}
                    {item.variantName ? ` · ${item.variantName}` : ''}
                  </span>
                  <Badge tone={item.onHand <= 0 ? 'danger' : 'warning'}>
                    {item.onHand <= 0 ? 'Out' : `${item.onHand} left`}
                  </Badge>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Card flush className="products-card">
        <div className="toolbar products-toolbar">
          <TextField
            className="toolbar__grow"
            label="Search products"
            type="search"
            placeholder="Name, SKU or barcode"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
          <Select
            className="toolbar__item"
            label="Category"
            value={categoryId}
            onValueChange={setCategoryId}
            options={[
              { value: '', label: 'All categories' },
              ...categories.map((category) => ({
                value: category.id,
                label: category.active ? category.name : `${category.name} (hidden)`,
              })),
            ]}
          />
          <Switch
            label="Show archived"
            checked={includeArchived}
            onCheckedChange={setIncludeArchived}
            className="toolbar__switch"
          />
          {canEdit && (
            <Button className="toolbar__button" onClick={() => setCategoriesOpen(true)}>
              Categories
            </Button>
          )}
        </div>
        {list.kind === 'loading' && <LoadingPanel label="Loading products" />}
        {list.kind === 'error' && <LoadError message={list.message} onRetry={reload} />}
        {list.kind === 'ready' &&
          (total === 0 && !filtered && !includeArchived ? (
            <EmptyState
              icon={<BoxIcon />}
              title="No products yet"
              action={
                canEdit ? (
                  <Button
                    variant="primary"
                    size="lg"
                    onClick={() => navigate({ section: 'products', rest: ['new'] })}
                  >
                    New product
                  </Button>
                ) : undefined
              }
            >
              <p>Add products one by one, or import a CSV file with all of them.</p>
            </EmptyState>
          ) : (
            <>
              <p className="list-count" role="status">
                {total === 1 ? '1 product' : `${total} products`}
                {filtered ? ' match' : ''}
              </p>
              <Table
                caption="Products"
                columns={columns}
                rows={products}
                rowKey={(product) => product.id}
                empty="No product matches. Try another search or category."
                onRowClick={(product) => navigate({ section: 'products', rest: [product.id] })}
              />
              {products.length < total && (
                <div className="load-more">
                  <Button loading={loadingMore} onClick={() => void loadMore()}>
                    Show more products
                  </Button>
                </div>
              )}
            </>
          ))}
      </Card>

      <ImportCsvDialog
        open={importOpen}
        currency={currency}
        onClose={() => setImportOpen(false)}
        onImported={() => {
          setImportOpen(false);
          onCategoriesChanged();
          reload();
        }}
      />
      <CategoriesDialog
        open={categoriesOpen}
        categories={categories}
        onClose={() => setCategoriesOpen(false)}
        onChanged={onCategoriesChanged}
      />
    </div>
  );
}
