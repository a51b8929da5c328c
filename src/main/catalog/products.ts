/**
 * Saving products. A save is the whole product document: its fields, and its variants with their
 * SKUs, barcodes and prices. Variants are matched to the stored ones by id, else by SKU; a stored
 * variant left out is removed (kept, hidden, for the history of sales and stock that names it).
 */
import { type z } from 'zod';
import { nameKey } from '../../shared/api/bounds';
import { TillpointError } from '../../shared/api/errors';
import { saveProductInputSchema, type Product, type SaveProductInput } from '../../shared/api/catalog';
import { checkBarcode } from './barcode';
import { type CatalogContext, placeholders, toFlag } from './context';
import {
  getCategory,
  getProduct,
  getTaxClass,
  type ProductRow,
  type VariantRow,
  variantLabel,
} from './reads';

export type ParsedSaveProductInput = z.output<typeof saveProductInputSchema>;

/** Saves a product in its own transaction and announces it. */
export function saveProduct(
  ctx: CatalogContext,
  rawInput: SaveProductInput,
  staffId: string | null,
): Product {
  const input = saveProductInputSchema.parse(rawInput);
  const product = ctx.deps.db.transaction(() => saveProductInTransaction(ctx, input, staffId))();
  ctx.announce([product.id]);
  return product;
}

interface PlannedVariant {
  readonly existing: VariantRow | null;
  readonly name: string;
  readonly sku: string;
  readonly barcodes: string[];
  readonly prices: { currency: string; amount: string }[];
  readonly trackStock: boolean;
}

/** The checks that need no database: codes, duplicates within the product. */
function checkVariantsShape(input: ParsedSaveProductInput): { barcodes: string[] }[] {
  const skus = new Map<string, number>();
  const names = new Map<string, number>();
  const barcodeOwners = new Map<string, number>();
  const normalized = input.variants.map((variant, index) => {
    const where = `variant ${index + 1} (SKU "${variant.sku}")`;
    const skuKey = variant.sku.toLowerCase();
    if (skus.has(skuKey)) {
      throw new TillpointError(
        'bad_input',
        `SKU "${variant.sku}" is given to two variants of this product.`,
        {
          sku: variant.sku,
        },
      );
    }
    skus.set(skuKey, index);
    const variantKey = nameKey(variant.name);
    if (names.has(variantKey)) {
      const label =
        variant.name === '' ? 'the default (unnamed) variant' : `a variant named "${variant.name}"`;
      throw new TillpointError('bad_input', `This product has ${label} twice; variant names must differ.`, {
        variantName: variant.name,
      });
    }
    names.set(variantKey, index);
    const currencies = new Set<string>();
    for (const price of variant.prices) {
      if (currencies.has(price.currency)) {
        throw new TillpointError('bad_input', `${where} has two prices in ${price.currency}.`, {
          sku: variant.sku,
          currency: price.currency,
        });
      }
      currencies.add(price.currency);
    }
    const barcodes: string[] = [];
    for (const raw of variant.barcodes) {
      const check = checkBarcode(raw);
      if (!check.ok)
        throw new TillpointError('bad_input', `${where}: ${check.reason}`, {
          sku: variant.sku,
          barcode: raw,
        });
      if (barcodes.includes(check.code)) continue;
      const owner = barcodeOwners.get(check.code);
      if (owner !== undefined) {
        throw new TillpointError(
          'bad_input',
          `Barcode "${check.code}" is given to two variants of this product.`,
          {
            barcode: check.code,
          },
        );
      }
      barcodeOwners.set(check.code, index);
      barcodes.push(check.code);
    }
    return { barcodes };
  });
  for (const [code, ownerIndex] of barcodeOwners) {
    const skuOwner = skus.get(code.toLowerCase());
    if (skuOwner !== undefined && skuOwner !== ownerIndex) {
      throw new TillpointError(
        'bad_input',
        `"${code}" is the barcode of one variant and the SKU of another; a scan would be ambiguous.`,
        { code },
      );
    }
  }
  return normalized;
}

/** Matches the input variants to stored ones: by id first, then by SKU among the rest. */
function matchVariants(input: ParsedSaveProductInput, stored: VariantRow[], productId: string | null) {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const matched: (VariantRow | null)[] = input.variants.map(() => null);
  const taken = new Set<string>();
  input.variants.forEach((variant, index) => {
    if (!variant.id) return;
    const row = byId.get(variant.id);
    if (!row) {
      throw new TillpointError(
        'not_found',
        productId
          ? `Variant ${variant.id} is not a variant of product ${productId}.`
          : `Variant ${variant.id} cannot be given to a new product; leave its id out.`,
        { variantId: variant.id },
      );
    }
    if (taken.has(row.id)) {
      throw new TillpointError('bad_input', `Variant ${variant.id} is listed twice.`, {
        variantId: variant.id,
      });
    }
    taken.add(row.id);
    matched[index] = row;
  });
  input.variants.forEach((variant, index) => {
    if (variant.id) return;
    const row = stored.find((r) => !taken.has(r.id) && r.sku.toLowerCase() === variant.sku.toLowerCase());
    if (row) {
      taken.add(row.id);
      matched[index] = row;
    }
  });
  return matched;
}

/** Checks SKUs and barcodes against every other product; a clash is a conflict naming its owner. */
function checkClashes(
  ctx: CatalogContext,
  planned: PlannedVariant[],
  ownVariantIds: ReadonlySet<string>,
): void {
  const { db } = ctx.deps;
  const labelOf = db.prepare(
    `SELECT p.name AS product_name, v.name AS variant_name, v.product_id, v.active
     FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id WHERE v.id = ?`,
  );
  const describe = (variantId: string) => {
    const row = labelOf.get(variantId) as {
      product_name: string;
      variant_name: string;
      product_id: string;
      active: number;
    };
    const label = `"${variantLabel(row.product_name, row.variant_name)}"`;
    return { label: row.active === 1 ? label : `a removed variant of ${label}`, productId: row.product_id };
  };
  const matchedIds = new Set(planned.flatMap((p) => (p.existing ? [p.existing.id] : [])));
  const skus = planned.map((p) => p.sku);
  const skuRows = db
    .prepare(
      `SELECT id, sku FROM catalog_variants WHERE sku COLLATE NOCASE IN (${placeholders(skus.length)})`,
    )
    .all(...skus) as { id: string; sku: string }[];
  for (const row of skuRows) {
    if (matchedIds.has(row.id)) continue;
    const owner = describe(row.id);
    throw new TillpointError('conflict', `SKU "${row.sku}" is already used by ${owner.label}.`, {
      sku: row.sku,
      variantId: row.id,
      productId: owner.productId,
    });
  }
  const codes = planned.flatMap((p) => p.barcodes);
  if (codes.length > 0) {
    const barcodeRows = db
      .prepare(`SELECT code, variant_id FROM catalog_barcodes WHERE code IN (${placeholders(codes.length)})`)
      .all(...codes) as { code: string; variant_id: string }[];
    for (const row of barcodeRows) {
      if (ownVariantIds.has(row.variant_id)) continue;
      const owner = describe(row.variant_id);
      throw new TillpointError('conflict', `Barcode "${row.code}" is already used by ${owner.label}.`, {
        barcode: row.code,
        variantId: row.variant_id,
        productId: owner.productId,
      });
    }
    const skuLikeRows = db
      .prepare(
        `SELECT id, sku FROM catalog_variants WHERE active = 1 AND sku COLLATE NOCASE IN (${placeholders(codes.length)})`,
      )
      .all(...codes) as { id: string; sku: string }[];
    for (const row of skuLikeRows) {
      if (ownVariantIds.has(row.id)) continue;
      const owner = describe(row.id);
      throw new TillpointError(
        'conflict',
        `Barcode "${row.sku}" is the SKU of ${owner.label}; a scan would be ambiguous.`,
        {
          barcode: row.sku,
          variantId: row.id,
          productId: owner.productId,
        },
      );
    }
  }
  const skuAsBarcode = db
    .prepare(
      `SELECT code, variant_id FROM catalog_barcodes WHERE code COLLATE NOCASE IN (${placeholders(skus.length)})`,
    )
    .all(...skus) as { code: string; variant_id: string }[];
  for (const row of skuAsBarcode) {
    if (ownVariantIds.has(row.variant_id)) continue;
    const owner = describe(row.variant_id);
    throw new TillpointError(
      'conflict',
      `SKU "${row.code}" is a barcode of ${owner.label}; a scan would be ambiguous.`,
      {
        sku: row.code,
        variantId: row.variant_id,
        productId: owner.productId,
      },
    );
  }
}

/** Saves a parsed product inside the caller's transaction (the CSV import batches many). */
export function saveProductInTransaction(
  ctx: CatalogContext,
  input: ParsedSaveProductInput,
  staffId: string | null,
): Product {
  const { db } = ctx.deps;
  const normalized = checkVariantsShape(input);
  if (input.categoryId) getCategory(db, input.categoryId);
  getTaxClass(db, input.taxClassId);
  const existingProduct = input.id
    ? (db.prepare('SELECT * FROM catalog_products WHERE id = ?').get(input.id) as ProductRow | undefined)
    : undefined;
  if (input.id && !existingProduct) {
    throw new TillpointError('not_found', `No product with id ${input.id}.`, { productId: input.id });
  }
  const stored = input.id
    ? (db
        .prepare('SELECT * FROM catalog_variants WHERE product_id = ? ORDER BY position')
        .all(input.id) as VariantRow[])
    : [];
  const matched = matchVariants(input, stored, input.id ?? null);
  const planned: PlannedVariant[] = input.variants.map((variant, index) => ({
    existing: matched[index] ?? null,
    name: variant.name,
    sku: variant.sku,
    barcodes: normalized[index]?.barcodes ?? [],
    prices: variant.prices,
    trackStock: variant.trackStock,
  }));
  const ownVariantIds = new Set(stored.map((row) => row.id));
  checkClashes(ctx, planned, ownVariantIds);

  const now = ctx.nowIso();
  const productId = input.id ?? ctx.newId();
  if (existingProduct) {
    const archivedAt = input.active ? null : (existingProduct.archived_at ?? now);
    db.prepare(
      `UPDATE catalog_products SET name = ?, description = ?, category_id = ?, tax_class_id = ?, vendor_id = ?,
       active = ?, archived_at = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(
      input.name,
      input.description,
      input.categoryId,
      input.taxClassId,
      input.vendorId,
      toFlag(input.active),
      archivedAt,
      now,
      staffId,
      productId,
    );
  } else {
    db.prepare(
      `INSERT INTO catalog_products (id, name, description, category_id, tax_class_id, vendor_id, image_sha256,
       image_mime_type, active, archived_at, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?)`,
    ).run(
      productId,
      input.name,
      input.description,
      input.categoryId,
      input.taxClassId,
      input.vendorId,
      toFlag(input.active),
      input.active ? null : now,
      now,
      staffId,
      now,
      staffId,
    );
  }

  // Barcodes of every stored variant are dropped and the listed ones written again, so barcodes
  // can move between variants of the product, and a removed variant frees its barcodes.
  if (stored.length > 0) {
    db.prepare(
      'DELETE FROM catalog_barcodes WHERE variant_id IN (SELECT id FROM catalog_variants WHERE product_id = ?)',
    ).run(productId);
  }
  const keptIds = new Set(planned.flatMap((p) => (p.existing ? [p.existing.id] : [])));
  const removeVariant = db.prepare(
    'UPDATE catalog_variants SET active = 0, updated_at = ? WHERE id = ? AND active = 1',
  );
  for (const row of stored) if (!keptIds.has(row.id)) removeVariant.run(now, row.id);
  // SKUs may be swapped between variants of one product; a placeholder first keeps UNIQUE happy.
  const parkSku = db.prepare("UPDATE catalog_variants SET sku = '~' || id WHERE id = ?");
  for (const id of keptIds) parkSku.run(id);

  const updateVariant = db.prepare(
    `UPDATE catalog_variants SET position = ?, name = ?, sku = ?, track_stock = ?, active = 1, updated_at = ?
     WHERE id = ?`,
  );
  const insertVariant = db.prepare(
    `INSERT INTO catalog_variants (id, product_id, position, name, sku, track_stock, on_hand, active, created_at,
     updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?, ?)`,
  );
  const insertBarcode = db.prepare(
    'INSERT INTO catalog_barcodes (code, variant_id, position) VALUES (?, ?, ?)',
  );
  const deletePrices = db.prepare('DELETE FROM catalog_prices WHERE variant_id = ?');
  const insertPrice = db.prepare(
    'INSERT INTO catalog_prices (variant_id, currency, amount_minor) VALUES (?, ?, ?)',
  );
  planned.forEach((variant, position) => {
    let variantId: string;
    if (variant.existing) {
      variantId = variant.existing.id;
      updateVariant.run(position, variant.name, variant.sku, toFlag(variant.trackStock), now, variantId);
      deletePrices.run(variantId);
    } else {
      variantId = ctx.newId();
      insertVariant.run(
        variantId,
        productId,
        position,
        variant.name,
        variant.sku,
        toFlag(variant.trackStock),
        now,
        now,
      );
    }
    variant.barcodes.forEach((code, index) => insertBarcode.run(code, variantId, index));
    // A price is stored as the decimal string of minor units with no leading zeros ("0100" → "100").
    for (const price of variant.prices)
      insertPrice.run(variantId, price.currency, BigInt(price.amount).toString());
  });
  return getProduct(db, productId);
}

/** Archives a product: it leaves the till and the lists; its history stays. */
export function archiveProduct(ctx: CatalogContext, productId: string, staffId: string | null): Product {
  const { db } = ctx.deps;
  const product = db.transaction(() => {
    const current = getProduct(db, productId);
    if (current.active) {
      const now = ctx.nowIso();
      db.prepare(
        'UPDATE catalog_products SET active = 0, archived_at = ?, updated_at = ?, updated_by = ? WHERE id = ?',
      ).run(now, now, staffId, productId);
    }
    return getProduct(db, productId);
  })();
  ctx.announce([productId]);
  return product;
}
