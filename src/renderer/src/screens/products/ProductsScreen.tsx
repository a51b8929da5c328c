/**
 * Products: the list (/products), a product (/products/<id>) and a new one (/products/new). Waits
 * for the store currency, categories and tax classes, which every view needs.
 */
import { useRoute } from '../../app/router';
import { Button, PageHeader, Spinner } from '../../ui';
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
          <div className="panel-loading">
            <Spinner size={32} label="Loading products" />
          </div>
        ) : (
          <div className="screen__panel">
            <div className="load-error" role="alert">
              <p>{basics.message}</p>
              <Button onClick={() => void reload()}>Try again</Button>
            </div>
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
