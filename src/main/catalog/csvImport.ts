/**
 * Importing the catalog CSV: upsert by SKU, one row per variant. Rows join a product when their
 * SKU is already one of its variants; a new SKU joins the product of that name (in the file, else
 * in the catalog) or starts a new one. Every check runs before anything is written; the writes run
 * in one transaction that a dry run, or any error, rolls back — so a failed import changes nothing.
 */
import { TillpointError } from '../../shared/api/errors';
import { type Product } from '../../shared/api/catalog';
import { type CatalogContext } from './context';
import { readCatalogCsv, type CsvColumn, type CsvRow, type ImportError } from './csvFormat';
import { type ParsedSaveProductInput, saveProductInTransaction } from './products';
import { type ProductRow, type VariantRow, loadProducts } from './reads';
import { recordStockMovement } from './stock';
import { findCategoryIdByName, findTaxClassIdByName, saveCategory, saveTaxClass } from './taxonomy';
import { planGroups, type ProductGroup } from './csvPlan';

export interface ImportResult {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  createdCategories: string[];
  createdTaxClasses: string[];
  notices: string[];
  errors: ImportError[];
}

/** Thrown inside the transaction to roll back a dry run while carrying its result out. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const productLevelColumns: readonly CsvColumn[] = [
  'product',
  'category',
  'tax_class',
  'description',
  'active',
];

function emptyResult(errors: ImportError[]): ImportResult {
  return {
    applied: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    createdCategories: [],
    createdTaxClasses: [],
    notices: [],
    errors: [...errors].sort((a, b) => a.line - b.line),
  };
}

export function importCatalogCsv(
  ctx: CatalogContext,
  input: { csv: string; currency: string; dryRun: boolean },
  staffId: string | null,
): ImportResult {
  const { rows, errors } = readCatalogCsv(input.csv, input.currency);
  checkDuplicateSkus(rows, errors);
  if (errors.length > 0) return emptyResult(errors);
  const plan = planGroups(ctx, rows, errors);
  if (errors.length > 0) return emptyResult(errors);
  for (const group of plan.groups) checkProductColumnsAgree(group, errors);
  checkBarcodes(ctx, rows, errors);
  if (errors.length > 0) return emptyResult(errors);

  const importId = ctx.newId();
  const touched = new Set<string>();
  let currentLine = 0;
  try {
    const result = ctx.deps.db.transaction(() => {
      const outcome = applyImport(ctx, plan.groups, input.currency, staffId, importId, touched, (line) => {
        currentLine = line;
      });
      const result: ImportResult = { ...outcome, applied: !input.dryRun, errors: [] };
      if (input.dryRun) throw new DryRunRollback(result);
      return result;
    })();
    if (touched.size > 0) ctx.announce(touched);
    return result;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    if (error instanceof TillpointError) {
      return emptyResult([{ line: currentLine, column: '', message: error.message }]);
    }
    throw error;
  }
}

function checkDuplicateSkus(rows: readonly CsvRow[], errors: ImportError[]): void {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const key = row.sku.toLowerCase();
    const line = firstLine.get(key);
    if (line !== undefined) {
      errors.push({ line: row.line, column: 'sku', message: `SKU "${row.sku}" is also on line ${line}.` });
    } else {
      firstLine.set(key, row.line);
    }
  }
}

/** Rows of one product must say the same about the product (name, category, tax class, ...). */
function checkProductColumnsAgree(group: ProductGroup, errors: ImportError[]): void {
  const [first, ...others] = group.rows;
  if (!first) return;
  for (const row of others) {
    for (const column of productLevelColumns) {
      const a = first.cells.get(column);
      const b = row.cells.get(column);
      if (a !== b) {
        errors.push({
          line: row.line,
          column,
          message: `Rows of one product must agree on ${column}: line ${first.line} says "${a ?? ''}", this line says "${b ?? ''}".`,
        });
      }
    }
  }
}

/** Barcodes must stay unique across the file and the catalog, and must not be another variant's SKU. */
function checkBarcodes(ctx: CatalogContext, rows: readonly CsvRow[], errors: ImportError[]): void {
  const { db } = ctx.deps;
  const inFile = new Map<string, CsvRow>();
  const replacing = new Set(rows.filter((r) => r.barcodes !== undefined).map((r) => r.sku.toLowerCase()));
  const fileSkus = new Map(rows.map((r) => [r.sku.toLowerCase(), r]));
  const ownerOf = db.prepare(
    `SELECT v.sku, p.name AS product_name FROM catalog_barcodes b JOIN catalog_variants v ON v.id = b.variant_id
     JOIN catalog_products p ON p.id = v.product_id WHERE b.code = ?`,
  );
  const activeSku = db
    .prepare('SELECT sku FROM catalog_variants WHERE active = 1 AND sku = ? COLLATE NOCASE')
    .pluck();
  for (const row of rows) {
    for (const code of row.barcodes ?? []) {
      const other = inFile.get(code);
      if (other) {
        errors.push({
          line: row.line,
          column: 'barcodes',
          message: `Barcode "${code}" is also on line ${other.line} (SKU "${other.sku}").`,
        });
        continue;
      }
      inFile.set(code, row);
      const owner = ownerOf.get(code) as { sku: string; product_name: string } | undefined;
      if (
        owner &&
        owner.sku.toLowerCase() !== row.sku.toLowerCase() &&
        !replacing.has(owner.sku.toLowerCase())
      ) {
        errors.push({
          line: row.line,
          column: 'barcodes',
          message: `Barcode "${code}" is already used by SKU "${owner.sku}" ("${owner.product_name}").`,
        });
      }
      const skuOwner = fileSkus.get(code.toLowerCase())?.sku ?? (activeSku.get(code) as string | undefined);
      if (skuOwner !== undefined && skuOwner.toLowerCase() !== row.sku.toLowerCase()) {
        errors.push({
          line: row.line,
          column: 'barcodes',
          message: `Barcode "${code}" is the SKU of another variant ("${skuOwner}"); a scan would be ambiguous.`,
        });
      }
    }
  }
}

interface ApplyOutcome {
  created: number;
  updated: number;
  unchanged: number;
  createdCategories: string[];
  createdTaxClasses: string[];
  notices: string[];
}

function applyImport(
  ctx: CatalogContext,
  groups: readonly ProductGroup[],
  currency: string,
  staffId: string | null,
  importId: string,
  touched: Set<string>,
  atLine: (line: number) => void,
): ApplyOutcome {
  const { db } = ctx.deps;
  const outcome: ApplyOutcome = {
    created: 0,
    updated: 0,
    unchanged: 0,
    createdCategories: [],
    createdTaxClasses: [],
    notices: [],
  };
  const categoryId = (name: string): string => {
    const id = findCategoryIdByName(ctx, name);
    if (id) return id;
    outcome.createdCategories.push(name);
    return saveCategory(ctx, { name }).id;
  };
  const taxClassId = (name: string): string => {
    const id = findTaxClassIdByName(ctx, name);
    if (id) return id;
    outcome.createdTaxClasses.push(name);
    outcome.notices.push(
      `Tax class "${name}" did not exist: it was created with a 0% rate. Set its rates before selling.`,
    );
    const taxId =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .slice(0, 40) || 'tax';
    return saveTaxClass(ctx, { name, rates: [{ taxId, name, ratePercent: '0' }] }).id;
  };

  // What the products were before any write, to tell changed rows from unchanged ones.
  const storedIds = groups.flatMap((g) => (g.productId ? [g.productId] : []));
  const snapshots = new Map(loadProducts(db, storedIds).map((p) => [p.id, p]));
  const productRow = db.prepare('SELECT * FROM catalog_products WHERE id = ?');

  const plans: { group: ProductGroup; input: ParsedSaveProductInput; changedRows: Set<CsvRow> }[] = [];
  for (const group of groups) {
    const first = group.rows[0];
    if (!first) continue;
    atLine(first.line);
    const existing = group.productId ? (snapshots.get(group.productId) ?? null) : null;
    const existingRow = group.productId ? (productRow.get(group.productId) as ProductRow) : null;
    const taxClass = first.taxClass !== undefined ? taxClassId(first.taxClass) : existingRow?.tax_class_id;
    if (!taxClass) throw new TillpointError('bad_input', `New product "${first.product}" needs a tax class.`);
    let category = existingRow?.category_id ?? null;
    if (first.category !== undefined) category = first.category === '' ? null : categoryId(first.category);
    const input: ParsedSaveProductInput = {
      id: group.productId ?? undefined,
      name: first.product,
      description: first.description ?? existingRow?.description ?? '',
      categoryId: category,
      taxClassId: taxClass,
      vendorId: existingRow?.vendor_id ?? null,
      active: first.active ?? (existingRow ? existingRow.active === 1 : true),
      variants: variantInputs(ctx, group, existing, currency),
    };
    const productChanged =
      !existingRow ||
      existingRow.name !== input.name ||
      existingRow.description !== input.description ||
      existingRow.category_id !== input.categoryId ||
      existingRow.tax_class_id !== input.taxClassId ||
      (existingRow.active === 1) !== input.active;
    const changedRows = new Set<CsvRow>();
    for (const row of group.rows) {
      const key = row.sku.toLowerCase();
      const stored = group.storedVariants.get(key);
      const old = existing?.variants.find((v) => v.sku.toLowerCase() === key);
      const next = input.variants.find((v) => v.sku.toLowerCase() === key);
      const stockChanges = row.stock !== undefined && row.stock !== (stored?.on_hand ?? 0);
      if (!stored) outcome.created += 1;
      else if (productChanged || stockChanges || !old || !next || variantDiffers(old, next, currency))
        outcome.updated += 1;
      else {
        outcome.unchanged += 1;
        continue;
      }
      changedRows.add(row);
    }
    if (changedRows.size > 0 || productChanged) plans.push({ group, input, changedRows });
  }

  // Barcodes that rows change are freed first, so one can move to a variant of another product.
  const clearBarcodes = db.prepare(
    'DELETE FROM catalog_barcodes WHERE variant_id IN (SELECT id FROM catalog_variants WHERE sku = ? COLLATE NOCASE)',
  );
  for (const plan of plans) {
    for (const row of plan.changedRows) if (row.barcodes !== undefined) clearBarcodes.run(row.sku);
  }
  for (const plan of plans) {
    atLine(plan.group.rows[0]?.line ?? 0);
    const saved = saveProductInTransaction(ctx, plan.input, staffId);
    touched.add(saved.id);
    for (const row of plan.changedRows) {
      atLine(row.line);
      const variant = saved.variants.find((v) => v.sku.toLowerCase() === row.sku.toLowerCase());
      if (!variant) throw new TillpointError('bad_input', `SKU "${row.sku}" was not saved.`);
      if (row.stock === undefined || row.stock === variant.onHand) continue;
      recordStockMovement(ctx, {
        variantId: variant.id,
        delta: row.stock - variant.onHand,
        reason: 'import',
        ref: `import:${importId}`,
        staffId,
      });
    }
  }
  return outcome;
}

/** The product's variants after the rows are applied: stored ones in their order, then new ones. */
function variantInputs(
  ctx: CatalogContext,
  group: ProductGroup,
  existing: Product | null,
  currency: string,
): ParsedSaveProductInput['variants'] {
  const bySku = new Map(group.rows.map((row) => [row.sku.toLowerCase(), row]));
  const listed = new Set<string>();
  const result: ParsedSaveProductInput['variants'] = [];
  for (const variant of existing?.variants ?? []) {
    const row = bySku.get(variant.sku.toLowerCase());
    listed.add(variant.sku.toLowerCase());
    result.push(mergeVariant(variant, row, currency));
  }
  for (const row of group.rows) {
    if (listed.has(row.sku.toLowerCase())) continue;
    const removed = group.storedVariants.get(row.sku.toLowerCase());
    const base = removed ? storedVariantBase(ctx, removed) : undefined;
    result.push(mergeVariant(base, row, currency));
  }
  return result;
}

interface VariantBase {
  id?: string;
  name: string;
  sku: string;
  barcodes: string[];
  prices: { currency: string; amount: string }[];
  trackStock: boolean;
}

/** A removed variant coming back: its stored name, prices and stock flag (its barcodes were freed). */
function storedVariantBase(ctx: CatalogContext, row: VariantRow): VariantBase {
  const prices = ctx.deps.db
    .prepare(
      'SELECT currency, amount_minor AS amount FROM catalog_prices WHERE variant_id = ? ORDER BY currency',
    )
    .all(row.id) as { currency: string; amount: string }[];
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    barcodes: [],
    prices,
    trackStock: row.track_stock === 1,
  };
}

function mergeVariant(
  base: VariantBase | undefined,
  row: CsvRow | undefined,
  currency: string,
): ParsedSaveProductInput['variants'][number] {
  const prices = (base?.prices ?? []).filter((p) => row?.priceMinor === undefined || p.currency !== currency);
  if (row?.priceMinor !== undefined) prices.push({ currency, amount: row.priceMinor.toString() });
  return {
    id: base?.id,
    name: row?.variant ?? base?.name ?? '',
    sku: row?.sku ?? base?.sku ?? '',
    barcodes: row?.barcodes ?? base?.barcodes ?? [],
    prices,
    trackStock: row?.trackStock ?? base?.trackStock ?? false,
  };
}

/** Whether the variant a row asks for differs from the stored one, in what the CSV can say. */
function variantDiffers(
  old: Product['variants'][number],
  next: ParsedSaveProductInput['variants'][number],
  currency: string,
): boolean {
  const priceOf = (prices: readonly { currency: string; amount: string }[]) =>
    prices.find((p) => p.currency === currency)?.amount;
  return (
    old.name !== next.name ||
    old.sku !== next.sku ||
    old.trackStock !== next.trackStock ||
    old.barcodes.join('|') !== next.barcodes.join('|') ||
    priceOf(old.prices) !== priceOf(next.prices)
  );
}
