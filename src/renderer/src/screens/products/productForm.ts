/**
 * The product editor's form, pure: a product as the fields show it (prices as text in the store's
 * locale), and the fields back to a catalog.saveProduct request with every problem named by field.
 * Prices are parsed with the shared parseMoney (via parseMoneyInput): text with more decimals than
 * the currency has is refused, never rounded. Prices in other currencies are kept as they were.
 */
import { type Product, type SaveProductInput, skuSchema } from '../../../../shared/api/catalog';
import { minorToInputText, parseMoneyInput } from '../../ui/moneyInput';

export interface VariantForm {
  /** Stable key for React and for errors (the variant id, or a made-up one for a new row). */
  key: string;
  id?: string;
  name: string;
  sku: string;
  /** Barcodes separated by commas, spaces or new lines. */
  barcodesText: string;
  /** The price in the store currency as typed, e.g. "4.50". */
  priceText: string;
  trackStock: boolean;
  /** Stock on hand as last saved (stock changes go through catalog.adjustStock). */
  onHand: number;
  /** Prices in other currencies, sent back unchanged. */
  otherPrices: { currency: string; amount: string }[];
}

export interface ProductForm {
  id?: string;
  name: string;
  description: string;
  /** "" for no category. */
  categoryId: string;
  taxClassId: string;
  active: boolean;
  vendorId: string | null;
  variants: VariantForm[];
}

export interface VariantErrors {
  name?: string;
  sku?: string;
  price?: string;
  barcodes?: string;
}

export interface ProductFormErrors {
  name?: string;
  taxClassId?: string;
  description?: string;
  variants?: string;
  byVariant: Record<string, VariantErrors>;
}

/** "a SKU has at most 64 characters" → "A SKU has at most 64 characters." */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

let newKeyCounter = 0;

/** A key for a row that has no id yet. */
export function newVariantKey(): string {
  newKeyCounter += 1;
  return `new-${newKeyCounter}`;
}

export function emptyVariant(key = newVariantKey()): VariantForm {
  return {
    key,
    name: '',
    sku: '',
    barcodesText: '',
    priceText: '',
    trackStock: false,
    onHand: 0,
    otherPrices: [],
  };
}

export function emptyProductForm(taxClassId: string, categoryId = ''): ProductForm {
  return {
    name: '',
    description: '',
    categoryId,
    taxClassId,
    active: true,
    vendorId: null,
    variants: [emptyVariant()],
  };
}

export function productToForm(product: Product, currency: string, locale: string): ProductForm {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId ?? '',
    taxClassId: product.taxClassId,
    active: product.active,
    vendorId: product.vendorId,
    variants: product.variants.map((variant) => {
      const price = variant.prices.find((entry) => entry.currency === currency);
      return {
        key: variant.id,
        id: variant.id,
        name: variant.name,
        sku: variant.sku,
        barcodesText: variant.barcodes.join(', '),
        priceText: price ? minorToInputText(price.amount, currency, locale) : '',
        trackStock: variant.trackStock,
        onHand: variant.onHand,
        otherPrices: variant.prices.filter((entry) => entry.currency !== currency),
      };
    }),
  };
}

/** "123, 456\n789" → ["123", "456", "789"], without blanks or repeats. */
export function parseBarcodes(text: string): string[] {
  const seen = new Set<string>();
  const codes: string[] = [];
  for (const code of text.split(/[\s,;]+/)) {
    if (code && !seen.has(code)) {
      seen.add(code);
      codes.push(code);
    }
  }
  return codes;
}

export type ProductFormResult =
  { ok: true; input: SaveProductInput } | { ok: false; errors: ProductFormErrors };

export function hasErrors(errors: ProductFormErrors): boolean {
  return (
    Boolean(errors.name || errors.taxClassId || errors.description || errors.variants) ||
    Object.values(errors.byVariant).some((variant) => Object.keys(variant).length > 0)
  );
}

/** The request for catalog.saveProduct, or what is wrong with the form, field by field. */
export function formToSaveInput(form: ProductForm, currency: string, locale: string): ProductFormResult {
  const errors: ProductFormErrors = { byVariant: {} };
  const name = form.name.trim();
  if (!name) errors.name = 'Give the product a name.';
  else if (name.length > 200) errors.name = 'A name has at most 200 characters.';
  if (form.description.trim().length > 4000) errors.description = 'At most 4,000 characters.';
  if (!form.taxClassId) errors.taxClassId = 'Choose a tax class.';
  if (form.variants.length === 0) errors.variants = 'A product needs at least one variant.';

  const skuCount = new Map<string, number>();
  for (const variant of form.variants) {
    const sku = variant.sku.trim().toUpperCase();
    if (sku) skuCount.set(sku, (skuCount.get(sku) ?? 0) + 1);
  }

  const variants: SaveProductInput['variants'] = [];
  for (const variant of form.variants) {
    const variantErrors: VariantErrors = {};
    const variantName = variant.name.trim();
    if (form.variants.length > 1 && !variantName)
      variantErrors.name = 'Name each variant (e.g. Small, Large).';
    else if (variantName.length > 100) variantErrors.name = 'At most 100 characters.';

    const sku = variant.sku.trim();
    const skuCheck = skuSchema.safeParse(sku);
    if (!sku) variantErrors.sku = 'Give it a SKU.';
    else if (!skuCheck.success)
      variantErrors.sku = sentence(skuCheck.error.issues[0]?.message ?? 'the SKU is not valid');
    else if ((skuCount.get(sku.toUpperCase()) ?? 0) > 1) variantErrors.sku = 'Two variants have this SKU.';

    const price = parseMoneyInput(variant.priceText, currency, locale);
    if (!price.ok) variantErrors.price = variant.priceText.trim() ? price.message : 'Give it a price.';

    const barcodes = parseBarcodes(variant.barcodesText);
    if (barcodes.length > 20) variantErrors.barcodes = 'At most 20 barcodes.';
    else if (barcodes.some((code) => code.length > 200))
      variantErrors.barcodes = 'A barcode has at most 200 characters.';

    if (Object.keys(variantErrors).length > 0) errors.byVariant[variant.key] = variantErrors;
    else if (price.ok) {
      variants.push({
        ...(variant.id ? { id: variant.id } : {}),
        name: variantName,
        sku,
        barcodes,
        prices: [{ currency, amount: price.amountMinor }, ...variant.otherPrices],
        trackStock: variant.trackStock,
      });
    }
  }

  if (hasErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...(form.id ? { id: form.id } : {}),
      name,
      description: form.description.trim(),
      categoryId: form.categoryId || null,
      taxClassId: form.taxClassId,
      vendorId: form.vendorId,
      active: form.active,
      variants,
    },
  };
}
