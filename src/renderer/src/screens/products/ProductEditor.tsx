/**
 * Products › one product (or a new one): details (name, category, tax class, description), the
 * variants with their prices and barcodes, the picture, stock per variant, and archive / restore.
 * Saving sends the whole product (catalog.saveProduct); prices typed as text become minor units
 * through parseMoney. People without catalog.edit see it read-only.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { navigate } from '../../app/router';
import { useCan } from '../../app/useCan';
import { type Category, type Product, type TaxClass } from '../../../../shared/api/catalog';
import {
  Badge,
  Button,
  Card,
  ChevronLeftIcon,
  ConfirmDialog,
  focusFirstInvalid,
  LoadError,
  LoadingPanel,
  PageHeader,
  Select,
  TextArea,
  TextField,
  toast,
  useDisplayLocale,
} from '../../ui';
import {
  emptyProductForm,
  formToSaveInput,
  type ProductForm,
  type ProductFormErrors,
  productToForm,
  type VariantForm,
} from './productForm';
import { ProductImage } from './ProductImage';
import { StockDialog, type StockTarget } from './StockDialog';
import { VariantEditor } from './VariantEditor';

export interface ProductEditorProps {
  /** null for a new product. */
  productId: string | null;
  currency: string;
  categories: Category[];
  taxClasses: TaxClass[];
}

const noErrors: ProductFormErrors = { byVariant: {} };

export function ProductEditor({ productId, currency, categories, taxClasses }: ProductEditorProps) {
  const locale = useDisplayLocale();
  const canEdit = useCan('catalog.edit');
  const [product, setProduct] = useState<Product | null>(null);
  const [form, setForm] = useState<ProductForm>(() => emptyProductForm(taxClasses[0]?.id ?? ''));
  const [savedForm, setSavedForm] = useState<ProductForm | null>(null);
  const [errors, setErrors] = useState<ProductFormErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [stockTarget, setStockTarget] = useState<StockTarget | null>(null);

  /** The product the form shows, so the address catching up after a first save reloads nothing. */
  const shownIdRef = useRef<string | null>(null);

  const adopt = useCallback(
    (next: Product) => {
      const nextForm = productToForm(next, currency, locale);
      shownIdRef.current = next.id;
      setProduct(next);
      setForm(nextForm);
      setSavedForm(nextForm);
      setErrors(noErrors);
    },
    [currency, locale],
  );

  // The product in the address, read through useCoreData unless the form shows it already.
  const loadProduct = useCallback(async () => {
    if (!productId || shownIdRef.current === productId) return null;
    return (await client.invoke('catalog.product', { productId })).product;
  }, [productId]);
  const loaded = useCoreData(loadProduct);
  const loadedProduct = loaded.kind === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (loadedProduct && shownIdRef.current !== loadedProduct.id) adopt(loadedProduct);
  }, [loadedProduct, adopt]);

  const dirty = useMemo(
    () => savedForm === null || JSON.stringify(form) !== JSON.stringify(savedForm),
    [form, savedForm],
  );
  const savedTracked = useMemo(
    () =>
      new Set(product?.variants.filter((variant) => variant.trackStock).map((variant) => variant.id) ?? []),
    [product],
  );

  const save = async (overrides: Partial<ProductForm> = {}) => {
    const result = formToSaveInput({ ...form, ...overrides }, currency, locale);
    if (!result.ok) {
      setErrors(result.errors);
      toast.error('Check the highlighted fields', { message: 'Nothing was saved.' });
      focusFirstInvalid('.product-editor');
      return false;
    }
    setErrors(noErrors);
    setSaving(true);
    try {
      const { product: saved } = await client.invoke('catalog.saveProduct', result.input);
      adopt(saved);
      toast.success(`${saved.name} saved`);
      if (!productId) navigate({ section: 'products', rest: [saved.id] }, { replace: true });
      return true;
    } catch (error) {
      toast.error(error, { title: 'The product was not saved' });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const archive = async () => {
    if (!product) return;
    try {
      const { product: archived } = await client.invoke('catalog.archiveProduct', { productId: product.id });
      adopt(archived);
      setConfirmArchive(false);
      toast.success(`${archived.name} archived`, { message: 'It no longer shows at the till.' });
    } catch (error) {
      toast.error(error, { title: 'The product was not archived' });
      throw error;
    }
  };

  const back = () => navigate('products');
  const title = productId ? (product?.name ?? 'Product') : 'New product';

  const waiting = productId !== null && shownIdRef.current !== productId;
  if (loaded.kind === 'error' || waiting) {
    return (
      <div className="screen">
        <PageHeader
          title={title}
          actions={
            <Button icon={<ChevronLeftIcon size={20} />} onClick={back}>
              Products
            </Button>
          }
        />
        {loaded.kind === 'error' ? (
          <div className="screen__panel">
            <LoadError message={loaded.message} onRetry={loaded.reload} />
          </div>
        ) : (
          <LoadingPanel label="Loading the product" size={32} />
        )}
      </div>
    );
  }

  const readOnly = !canEdit;
  const archived = product !== null && !product.active;
  const taxOptions = taxClasses.map((taxClass) => ({
    value: taxClass.id,
    label: `${taxClass.name} (${taxClass.rates.map((rate) => `${rate.ratePercent}%`).join(' + ')})`,
  }));

  return (
    <div className="screen product-editor">
      <PageHeader
        title={
          <span className="product-editor__title">
            {title}
            {archived && <Badge tone="neutral">Archived</Badge>}
          </span>
        }
        description={
          readOnly ? 'You can look, but only a manager or an owner can change products.' : undefined
        }
        actions={
          <>
            <Button icon={<ChevronLeftIcon size={20} />} onClick={back}>
              Products
            </Button>
            {canEdit && (
              <Button
                variant="primary"
                loading={saving}
                disabled={!dirty && productId !== null}
                onClick={() => void save()}
              >
                {productId ? 'Save changes' : 'Save product'}
              </Button>
            )}
          </>
        }
      />
      <form
        className="product-editor__layout"
        onSubmit={(event) => {
          event.preventDefault();
          if (canEdit) void save();
        }}
      >
        <div className="product-editor__main">
          <Card title="Details">
            <div className="form-grid">
              <TextField
                className="form-grid__wide"
                label="Name"
                value={form.name}
                maxLength={200}
                disabled={readOnly}
                error={errors.name}
                onChange={(event) => setForm({ ...form, name: event.target.value })}
              />
              <Select
                label="Category"
                value={form.categoryId}
                disabled={readOnly}
                onValueChange={(categoryId) => setForm({ ...form, categoryId })}
                options={[
                  { value: '', label: 'No category' },
                  ...categories.map((category) => ({
                    value: category.id,
                    label: category.active ? category.name : `${category.name} (hidden)`,
                  })),
                ]}
              />
              <Select
                label="Tax class"
                value={form.taxClassId}
                disabled={readOnly}
                error={errors.taxClassId}
                onValueChange={(taxClassId) => setForm({ ...form, taxClassId })}
                options={[
                  ...(form.taxClassId ? [] : [{ value: '', label: 'Choose a tax class' }]),
                  ...taxOptions,
                ]}
              />
              <TextArea
                className="form-grid__wide"
                label="Description"
                hint="Optional. Shown on the product’s card at the till."
                value={form.description}
                maxLength={4000}
                disabled={readOnly}
                error={errors.description}
                onChange={(event) => setForm({ ...form, description: event.target.value })}
              />
            </div>
          </Card>
          <Card
            title="Variants"
            description="Sizes or kinds of the product, each with its own SKU, price and stock."
          >
            {errors.variants && (
              <p className="field__error" role="alert">
                {errors.variants}
              </p>
            )}
            <VariantEditor
              variants={form.variants}
              errors={errors.byVariant}
              currency={currency}
              disabled={readOnly}
              savedTracked={savedTracked}
              onChange={(variants) => setForm({ ...form, variants })}
              onOpenStock={(variant: VariantForm) =>
                variant.id &&
                setStockTarget({
                  variantId: variant.id,
                  productName: product?.name ?? form.name,
                  variantName: variant.name,
                  sku: variant.sku,
                  onHand: variant.onHand,
                })
              }
            />
          </Card>
          {canEdit && <button type="submit" hidden tabIndex={-1} />}
        </div>
        <div className="product-editor__side">
          <Card title="Picture">
            <ProductImage product={product} canEdit={canEdit} onChanged={adopt} />
          </Card>
          {canEdit && product && (
            <Card title={archived ? 'Archived' : 'Availability'}>
              {archived ? (
                <div className="product-editor__status">
                  <p className="muted">Hidden from the till and from the product list.</p>
                  <Button block loading={saving} onClick={() => void save({ active: true })}>
                    Restore product
                  </Button>
                </div>
              ) : (
                <div className="product-editor__status">
                  <p className="muted">On sale at the till.</p>
                  <Button variant="danger" block onClick={() => setConfirmArchive(true)}>
                    Archive product
                  </Button>
                </div>
              )}
            </Card>
          )}
        </div>
      </form>
      <ConfirmDialog
        open={confirmArchive}
        tone="danger"
        title={`Archive ${product?.name ?? 'this product'}?`}
        message="It disappears from the till and the list. Its sales and stock history stay, and you can restore it."
        confirmLabel="Archive"
        onCancel={() => setConfirmArchive(false)}
        onConfirm={archive}
      />
      <StockDialog
        target={stockTarget}
        canEdit={canEdit}
        onClose={() => setStockTarget(null)}
        onChanged={(variantId, onHand) => {
          const patch = (variants: VariantForm[]) =>
            variants.map((variant) => (variant.id === variantId ? { ...variant, onHand } : variant));
          setForm((current) => ({ ...current, variants: patch(current.variants) }));
          setSavedForm((current) => (current ? { ...current, variants: patch(current.variants) } : current));
        }}
      />
    </div>
  );
}
