/**
 * Which product each CSV row belongs to. A row whose SKU is stored joins that variant's product
 * (identity by id, so a product can be renamed and two products may share a name). A new SKU
 * joins the product its product column names: one in the file first, else one in the catalog
 * (an active one before an archived one), else a new product of that name.
 */
import { type CatalogContext } from './context';
import { type CsvRow, type ImportError } from './csvFormat';
import { type VariantRow } from './reads';

export interface ProductGroup {
  /** The stored product, or null for a product the import creates. */
  productId: string | null;
  rows: CsvRow[];
  /** Stored variants (removed ones too) of the rows' SKUs, by lower-case SKU. */
  storedVariants: Map<string, VariantRow>;
}

export function planGroups(
  ctx: CatalogContext,
  rows: readonly CsvRow[],
  errors: ImportError[],
): { groups: ProductGroup[] } {
  const { db } = ctx.deps;
  const variantBySku = db.prepare('SELECT * FROM catalog_variants WHERE sku = ? COLLATE NOCASE');
  const productsNamed = db.prepare(
    'SELECT id, active FROM catalog_products WHERE name = ? COLLATE NOCASE ORDER BY id',
  );
  const groups: ProductGroup[] = [];
  const byProductId = new Map<string, ProductGroup>();
  const newByName = new Map<string, ProductGroup>();
  const storedGroup = (productId: string): ProductGroup => {
    let group = byProductId.get(productId);
    if (!group) {
      group = { productId, rows: [], storedVariants: new Map() };
      byProductId.set(productId, group);
      groups.push(group);
    }
    return group;
  };

  const newRows: CsvRow[] = [];
  for (const row of rows) {
    const stored = variantBySku.get(row.sku) as VariantRow | undefined;
    if (!stored) {
      newRows.push(row);
      continue;
    }
    const group = storedGroup(stored.product_id);
    group.rows.push(row);
    group.storedVariants.set(row.sku.toLowerCase(), stored);
  }

  for (const row of newRows) {
    const name = row.product.toLowerCase();
    const inFile = [...byProductId.values()].filter((g) => g.rows[0]?.product.toLowerCase() === name);
    if (inFile.length > 1) {
      errors.push({
        line: row.line,
        column: 'product',
        message: `${inFile.length} products in this file are named "${row.product}"; a new SKU cannot tell which one it joins.`,
      });
      continue;
    }
    const fileGroup = inFile[0] ?? newByName.get(name);
    if (fileGroup) {
      fileGroup.rows.push(row);
      continue;
    }
    // Products the file renames are not matched by their old name.
    const candidates = (productsNamed.all(row.product) as { id: string; active: number }[]).filter(
      (p) => !byProductId.has(p.id),
    );
    const active = candidates.filter((p) => p.active === 1);
    const pick =
      active.length === 1 ? active[0] : active.length === 0 && candidates.length === 1 ? candidates[0] : null;
    if (pick) {
      storedGroup(pick.id).rows.push(row);
    } else if (candidates.length > 1) {
      errors.push({
        line: row.line,
        column: 'product',
        message: `${candidates.length} products are named "${row.product}"; a new SKU cannot tell which one it joins.`,
      });
    } else {
      const group: ProductGroup = { productId: null, rows: [row], storedVariants: new Map() };
      newByName.set(name, group);
      groups.push(group);
    }
  }

  for (const group of groups) {
    const first = group.rows[0];
    if (group.productId === null && first && first.taxClass === undefined) {
      errors.push({
        line: first.line,
        column: 'tax_class',
        message: `"${first.product}" is a new product: it needs a tax class.`,
      });
    }
  }
  return { groups };
}
