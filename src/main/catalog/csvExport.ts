/** The catalog as CSV: one row per variant, in the columns the import reads back unchanged. */
import { stringify } from 'csv-stringify/sync';
import { minorToDecimalString } from '../../shared/money';
import { type CatalogContext } from './context';
import { barcodeSeparator, csvColumns, type CsvColumn } from './csvFormat';
import { escapeFormulaCell, formulaGuardedColumns } from './csvSafety';
import { listCategories, listTaxClasses, loadProducts } from './reads';

/** Every product (archived ones with active=false), by name; prices in `currency` as plain decimals. */
export function exportCatalogCsv(ctx: CatalogContext, currency: string): string {
  const { db } = ctx.deps;
  const categoryNames = new Map(listCategories(db, true).map((c) => [c.id, c.name]));
  const taxClassNames = new Map(listTaxClasses(db).map((t) => [t.id, t.name]));
  const productIds = db
    .prepare('SELECT id FROM catalog_products ORDER BY name COLLATE NOCASE, id')
    .pluck()
    .all() as string[];
  const rows: Record<CsvColumn, string>[] = [];
  for (const product of loadProducts(db, productIds)) {
    for (const variant of product.variants) {
      const price = variant.prices.find((p) => p.currency === currency);
      rows.push({
        sku: variant.sku,
        barcodes: variant.barcodes.join(barcodeSeparator),
        product: product.name,
        variant: variant.name,
        category: product.categoryId ? (categoryNames.get(product.categoryId) ?? '') : '',
        tax_class: taxClassNames.get(product.taxClassId) ?? '',
        price: price ? minorToDecimalString(BigInt(price.amount), currency) : '',
        track_stock: String(variant.trackStock),
        stock: String(variant.onHand),
        description: product.description,
        active: String(product.active),
      });
      const row = rows[rows.length - 1] as Record<CsvColumn, string>;
      for (const column of formulaGuardedColumns) row[column] = escapeFormulaCell(row[column]);
    }
  }
  return stringify(rows, { header: true, columns: [...csvColumns] });
}
