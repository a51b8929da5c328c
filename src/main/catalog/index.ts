/**
 * The catalog: categories, tax classes, products and variants (SKU, barcodes with GS1 check digits,
 * a price per store currency), stock on hand kept equal to the sum of its movements, product images,
 * and CSV import/export. `createCatalogModule(deps)` gives the `catalog.*` handlers and the service
 * other domains use: `recordStockMovement` (inside their transaction), `getVariantForSale`,
 * `lookupBarcode`, `getTaxClass`, and `saveProduct` / `saveTaxClass` / `saveCategory` for the demo seed.
 */
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { createCatalogContext } from './context';
import { createCatalogHandlers } from './handlers';
import { createCatalogService, type CatalogService } from './service';

export { type CatalogService } from './service';
export { type LookupResult, type VariantForSale } from './search';
export { type RecordStockMovementInput } from './stock';
export { type BarcodeCheck, type BarcodeKind, checkBarcode, gs1CheckDigit } from './barcode';
export { csvColumns, type CsvColumn, type ImportError } from './csvFormat';
export { type ImportResult } from './csvImport';

export interface CatalogModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: CatalogService;
}

export function createCatalogModule(deps: CoreDeps): CatalogModule {
  const ctx = createCatalogContext(deps);
  return { handlers: createCatalogHandlers(ctx), service: createCatalogService(ctx) };
}
