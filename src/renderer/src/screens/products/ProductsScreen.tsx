/**
 * Products: the list (/products), a product (/products/<id>) and a new one (/products/new). Waits
 * for the store currency, categories and tax classes, which every view needs.
 */
import { useRoute } from '../../app/router';
import { LoadError, LoadingPanel, PageHeader } from '../../ui';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import { useCatalogBasics } from './useCatalogBasics';
import './products.css';
import './productDialogs.css';

export function ProductsScreen() {
  const route = useRoute();
  const { basics, reload } = useCatalogBasics();
  const sub = route.rest[0];

  if (basics.kind !== 'ready') {
    return (
      <div className="screen">
        <PageHeader title="Products" />
        {basics.kind === 'loading' ? (
          <LoadingPanel label="Loading products" size={32} />
        ) : (
          <div className="screen__panel">
            <LoadError message={basics.message} onRetry={() => void reload()} />
          </div>
        )}
      </div>
    );
  }

  if (sub === undefined) {
    return (
      <ProductList
        currency={basics.currency}
        categories={basics.categories}
        onCategoriesChanged={() => void reload()}
      />
    );
  }
  return (
    <ProductEditor
      productId={sub === 'new' ? null : sub}
      currency={basics.currency}
      categories={basics.categories}
      taxClasses={basics.taxClasses}
    />
  );
}
