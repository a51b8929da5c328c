/** Reading the catalog tables into the shapes of the API contract. */
import { TillpointError } from '../../shared/api/errors';
import {
  type Category,
  type ImageMimeType,
  type Product,
  type TaxClass,
  type Variant,
} from '../../shared/api/catalog';
import { type Db } from '../kernel';
import { placeholders } from './context';

export interface CategoryRow {
  id: string;
  name: string;
  color: string;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ProductRow {
  id: string;
  name: string;
  description: string;
  category_id: string | null;
  tax_class_id: string;
  vendor_id: string | null;
  image_sha256: string | null;
  image_mime_type: string | null;
  active: number;
  archived_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface VariantRow {
  id: string;
  product_id: string;
  position: number;
  name: string;
  sku: string;
  track_stock: number;
  on_hand: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export function categoryFromRow(row: CategoryRow): Category {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    sortOrder: row.sort_order,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listCategories(db: Db, includeInactive: boolean): Category[] {
  const rows = db
    .prepare(
      `SELECT * FROM catalog_categories WHERE (? = 1 OR active = 1)
       ORDER BY sort_order, name COLLATE NOCASE, id`,
    )
    .all(includeInactive ? 1 : 0) as CategoryRow[];
  return rows.map(categoryFromRow);
}

export function getCategory(db: Db, categoryId: string): Category {
  const row = db.prepare('SELECT * FROM catalog_categories WHERE id = ?').get(categoryId) as
    CategoryRow | undefined;
  if (!row) throw new TillpointError('not_found', `No category with id ${categoryId}.`, { categoryId });
  return categoryFromRow(row);
}

export function listTaxClasses(db: Db, taxClassIds?: readonly string[]): TaxClass[] {
  const classes = (
    taxClassIds
      ? db
          .prepare(`SELECT * FROM catalog_tax_classes WHERE id IN (${placeholders(taxClassIds.length)})`)
          .all(...taxClassIds)
      : db.prepare('SELECT * FROM catalog_tax_classes ORDER BY name COLLATE NOCASE, id').all()
  ) as { id: string; name: string; created_at: string; updated_at: string }[];
  if (classes.length === 0) return [];
  const rates = db
    .prepare(
      `SELECT * FROM catalog_tax_rates WHERE tax_class_id IN (${placeholders(classes.length)})
       ORDER BY tax_class_id, position`,
    )
    .all(...classes.map((c) => c.id)) as {
    tax_class_id: string;
    tax_id: string;
    name: string;
    rate_percent: string;
  }[];
  return classes.map((c) => ({
    id: c.id,
    name: c.name,
    rates: rates
      .filter((r) => r.tax_class_id === c.id)
      .map((r) => ({ taxId: r.tax_id, name: r.name, ratePercent: r.rate_percent })),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }));
}

export function getTaxClass(db: Db, taxClassId: string): TaxClass {
  const [taxClass] = listTaxClasses(db, [taxClassId]);
  if (!taxClass) throw new TillpointError('not_found', `No tax class with id ${taxClassId}.`, { taxClassId });
  return taxClass;
}

/** The variants of these products that are not removed, in their saved order, with barcodes and prices. */
export function loadVariants(db: Db, productIds: readonly string[]): Map<string, Variant[]> {
  const byProduct = new Map<string, Variant[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return byProduct;
  const variants = db
    .prepare(
      `SELECT * FROM catalog_variants WHERE active = 1 AND product_id IN (${placeholders(productIds.length)})
       ORDER BY product_id, position`,
    )
    .all(...productIds) as VariantRow[];
  if (variants.length === 0) return byProduct;
  const inList = placeholders(productIds.length);
  const barcodes = db
    .prepare(
      `SELECT b.variant_id, b.code FROM catalog_barcodes b JOIN catalog_variants v ON v.id = b.variant_id
       WHERE v.active = 1 AND v.product_id IN (${inList}) ORDER BY b.position`,
    )
    .all(...productIds) as { variant_id: string; code: string }[];
  const prices = db
    .prepare(
      `SELECT p.variant_id, p.currency, p.amount_minor FROM catalog_prices p JOIN catalog_variants v ON v.id = p.variant_id
       WHERE v.active = 1 AND v.product_id IN (${inList}) ORDER BY p.currency`,
    )
    .all(...productIds) as { variant_id: string; currency: string; amount_minor: string }[];
  const barcodesOf = groupBy(barcodes, (b) => b.variant_id);
  const pricesOf = groupBy(prices, (p) => p.variant_id);
  for (const row of variants) {
    byProduct.get(row.product_id)?.push({
      id: row.id,
      productId: row.product_id,
      name: row.name,
      sku: row.sku,
      barcodes: (barcodesOf.get(row.id) ?? []).map((b) => b.code),
      prices: (pricesOf.get(row.id) ?? []).map((p) => ({ currency: p.currency, amount: p.amount_minor })),
      trackStock: row.track_stock === 1,
      onHand: row.on_hand,
    });
  }
  return byProduct;
}

export function productFromRow(row: ProductRow, variants: Variant[]): Product {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    categoryId: row.category_id,
    taxClassId: row.tax_class_id,
    vendorId: row.vendor_id,
    active: row.active === 1,
    archivedAt: row.archived_at,
    image:
      row.image_sha256 && row.image_mime_type
        ? { sha256: row.image_sha256, mimeType: row.image_mime_type as ImageMimeType }
        : null,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    variants,
  };
}

/** These products, in the order of the ids given; ids that do not exist are skipped. */
export function loadProducts(db: Db, productIds: readonly string[]): Product[] {
  const products: Product[] = [];
  // Chunks keep each IN list far below SQLite's limit on bound parameters.
  for (let start = 0; start < productIds.length; start += 500) {
    products.push(...loadProductChunk(db, productIds.slice(start, start + 500)));
  }
  return products;
}

function loadProductChunk(db: Db, productIds: readonly string[]): Product[] {
  if (productIds.length === 0) return [];
  const rows = db
    .prepare(`SELECT * FROM catalog_products WHERE id IN (${placeholders(productIds.length)})`)
    .all(...productIds) as ProductRow[];
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const variants = loadVariants(db, productIds);
  const products: Product[] = [];
  for (const id of productIds) {
    const row = rowById.get(id);
    if (row) products.push(productFromRow(row, variants.get(id) ?? []));
  }
  return products;
}

export function getProduct(db: Db, productId: string): Product {
  const [product] = loadProducts(db, [productId]);
  if (!product) throw new TillpointError('not_found', `No product with id ${productId}.`, { productId });
  return product;
}

export function getVariantRow(db: Db, variantId: string): VariantRow {
  const row = db.prepare('SELECT * FROM catalog_variants WHERE id = ?').get(variantId) as
    VariantRow | undefined;
  if (!row) throw new TillpointError('not_found', `No product variant with id ${variantId}.`, { variantId });
  return row;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** How a variant is named to people: "Coffee (Large)", or "Coffee" for the default variant. */
export function variantLabel(productName: string, variantName: string): string {
  return variantName === '' ? productName : `${productName} (${variantName})`;
}
