/** Finding products: the till's search box, the barcode scanner, and the price a sale uses. */
import { TillpointError } from '../../shared/api/errors';
import { type Product, type TaxClass, type TaxRate, type Variant } from '../../shared/api/catalog';
import { type CatalogContext } from './context';
import { getProduct, getTaxClass, getVariantRow, loadProducts, type ProductRow, variantLabel } from './reads';

export interface ListProductsInput {
  search?: string | undefined;
  categoryId?: string | undefined;
  includeArchived: boolean;
  limit: number;
  offset: number;
}

/** `%`, `_` and `\` typed by a person are matched literally. */
function likePattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Products by name. A search matches when every word of it is found in the product name,
 * a variant name or a SKU, or when the whole search is exactly one of the barcodes.
 */
export function listProducts(
  ctx: CatalogContext,
  input: ListProductsInput,
): { products: Product[]; total: number } {
  const { db } = ctx.deps;
  const conditions: string[] = ['v.active = 1'];
  const params: (string | number)[] = [];
  if (!input.includeArchived) conditions.push('p.active = 1');
  if (input.categoryId) {
    conditions.push('p.category_id = ?');
    params.push(input.categoryId);
  }
  const search = input.search?.trim() ?? '';
  if (search !== '') {
    const tokens = search.split(/\s+/).slice(0, 8);
    const wordMatches = tokens.map(() => "(p.name || ' ' || v.name || ' ' || v.sku) LIKE ? ESCAPE '\\'");
    conditions.push(
      `((${wordMatches.join(' AND ')}) OR EXISTS (SELECT 1 FROM catalog_barcodes b WHERE b.variant_id = v.id AND b.code = ?))`,
    );
    params.push(...tokens.map(likePattern), search);
  }
  const where = conditions.join(' AND ');
  const total = db
    .prepare(
      `SELECT count(DISTINCT p.id) FROM catalog_products p JOIN catalog_variants v ON v.product_id = p.id WHERE ${where}`,
    )
    .pluck()
    .get(...params) as number;
  const ids = db
    .prepare(
      `SELECT p.id FROM catalog_products p JOIN catalog_variants v ON v.product_id = p.id WHERE ${where}
       GROUP BY p.id ORDER BY p.name COLLATE NOCASE, p.id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...params, input.limit, input.offset) as string[];
  return { products: loadProducts(db, ids), total };
}

export interface LookupResult {
  matchedBy: 'barcode' | 'sku';
  product: Product;
  variant: Variant;
  taxClass: TaxClass;
}

/** The variant for sale with this exact barcode, else with this SKU (ignoring case). */
export function lookupBarcode(ctx: CatalogContext, rawCode: string): LookupResult {
  const { db } = ctx.deps;
  const code = rawCode.trim();
  let matchedBy: 'barcode' | 'sku' = 'barcode';
  let variantId = db.prepare('SELECT variant_id FROM catalog_barcodes WHERE code = ?').pluck().get(code) as
    string | undefined;
  if (!variantId) {
    matchedBy = 'sku';
    variantId = db
      .prepare('SELECT id FROM catalog_variants WHERE sku = ? COLLATE NOCASE')
      .pluck()
      .get(code) as string | undefined;
  }
  if (!variantId) {
    throw new TillpointError('not_found', `No product has the barcode or SKU "${code}".`, { code });
  }
  const row = getVariantRow(db, variantId);
  const product = getProduct(db, row.product_id);
  const variant = product.variants.find((v) => v.id === variantId);
  if (!product.active || !variant) {
    const what = variant ? `archived product "${product.name}"` : `a removed variant of "${product.name}"`;
    throw new TillpointError('not_found', `"${code}" belongs to ${what}, which is not for sale.`, {
      code,
      productId: product.id,
      variantId,
    });
  }
  return { matchedBy, product, variant, taxClass: getTaxClass(db, product.taxClassId) };
}

export interface VariantForSale {
  readonly variantId: string;
  readonly productId: string;
  /** "Coffee (Large)", or the product name for a default variant. */
  readonly name: string;
  readonly sku: string;
  readonly unitPriceMinor: bigint;
  readonly currency: string;
  readonly taxClassId: string;
  readonly taxRates: readonly TaxRate[];
  readonly trackStock: boolean;
  readonly vendorId: string | null;
}

/**
 * What a sale needs to know about a variant, priced in the order's currency. Refuses a variant
 * that does not exist ('not_found'), is removed or archived ('conflict'), or has no price in
 * that currency ('bad_input').
 */
export function getVariantForSale(ctx: CatalogContext, variantId: string, currency: string): VariantForSale {
  const { db } = ctx.deps;
  const variant = getVariantRow(db, variantId);
  const product = db
    .prepare('SELECT * FROM catalog_products WHERE id = ?')
    .get(variant.product_id) as ProductRow;
  const name = variantLabel(product.name, variant.name);
  if (product.active !== 1 || variant.active !== 1) {
    throw new TillpointError(
      'conflict',
      `"${name}" is ${product.active !== 1 ? 'archived' : 'a removed variant'} and cannot be sold.`,
      { variantId, productId: product.id },
    );
  }
  const amount = db
    .prepare('SELECT amount_minor FROM catalog_prices WHERE variant_id = ? AND currency = ?')
    .pluck()
    .get(variantId, currency) as string | undefined;
  if (amount === undefined) {
    throw new TillpointError('bad_input', `"${name}" (SKU ${variant.sku}) has no price in ${currency}.`, {
      variantId,
      currency,
    });
  }
  const taxClass = getTaxClass(db, product.tax_class_id);
  return {
    variantId,
    productId: product.id,
    name,
    sku: variant.sku,
    unitPriceMinor: BigInt(amount),
    currency,
    taxClassId: taxClass.id,
    taxRates: taxClass.rates,
    trackStock: variant.track_stock === 1,
    vendorId: product.vendor_id,
  };
}
