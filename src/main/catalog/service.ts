/** The catalog's service: what other domains (sales, the demo seed) call directly, in-process. */
import {
  type Category,
  type Product,
  type SaveCategoryInput,
  type SaveProductInput,
  type SaveTaxClassInput,
  type StockMovement,
  type TaxClass,
} from '../../shared/api/catalog';
import { type CatalogContext } from './context';
import { saveProduct } from './products';
import { getTaxClass } from './reads';
import { getVariantForSale, lookupBarcode, type LookupResult, type VariantForSale } from './search';
import { recordStockMovement, type RecordStockMovementInput } from './stock';
import { saveCategory, saveTaxClass } from './taxonomy';

export interface CatalogService {
  /**
   * Moves a variant's stock and records why, inside the caller's `db.transaction` when there is one
   * (sales call it when an order is paid or refunded). Below zero is allowed. Announces nothing.
   */
  recordStockMovement(input: RecordStockMovementInput): StockMovement;
  /** Name, SKU, unit price in `currency`, tax rates and vendor of a variant a sale is about to take. */
  getVariantForSale(variantId: string, currency: string): VariantForSale;
  /** Creates or saves a whole product (as `catalog.saveProduct`); staffId is who did it, if anyone. */
  saveProduct(input: SaveProductInput, staffId?: string | null): Product;
  saveTaxClass(input: SaveTaxClassInput): TaxClass;
  saveCategory(input: SaveCategoryInput): Category;
  /** The variant for sale with this barcode, else SKU (as `catalog.lookupBarcode`); 'not_found' otherwise. */
  lookupBarcode(code: string): LookupResult;
  /** A tax class with its rates (custom sale lines name one); 'not_found' otherwise. */
  getTaxClass(taxClassId: string): TaxClass;
}

export function createCatalogService(ctx: CatalogContext): CatalogService {
  return {
    recordStockMovement: (input) => recordStockMovement(ctx, input),
    getVariantForSale: (variantId, currency) => getVariantForSale(ctx, variantId, currency),
    saveProduct: (input, staffId = null) => saveProduct(ctx, input, staffId),
    saveTaxClass: (input) => saveTaxClass(ctx, input),
    saveCategory: (input) => saveCategory(ctx, input),
    lookupBarcode: (code) => lookupBarcode(ctx, code),
    getTaxClass: (taxClassId) => getTaxClass(ctx.deps.db, taxClassId),
  };
}
