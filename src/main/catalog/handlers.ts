/** The `catalog.*` handler implementations: each one checks nothing the contract did and calls the rules. */
import { type PartialHandlerImpls } from '../kernel';
import { type CatalogContext } from './context';
import { exportCatalogCsv } from './csvExport';
import { importCatalogCsv } from './csvImport';
import { imageDataUrl, setImage } from './images';
import { archiveProduct, saveProduct } from './products';
import { getProduct, listCategories, listTaxClasses } from './reads';
import { listProducts, lookupBarcode } from './search';
import { adjustStock, lowStock, stockMovements } from './stock';
import { saveCategory, saveTaxClass } from './taxonomy';

export function createCatalogHandlers(ctx: CatalogContext): PartialHandlerImpls {
  const { db } = ctx.deps;
  return {
    'catalog.categories': (input) => ({ categories: listCategories(db, input.includeInactive) }),
    'catalog.saveCategory': (input) => ({ category: saveCategory(ctx, input) }),
    'catalog.taxClasses': () => ({ taxClasses: listTaxClasses(db) }),
    'catalog.saveTaxClass': (input) => ({ taxClass: saveTaxClass(ctx, input) }),
    'catalog.products': (input) => listProducts(ctx, input),
    'catalog.product': (input) => ({ product: getProduct(db, input.productId) }),
    'catalog.saveProduct': (input, call) => ({
      product: saveProduct(ctx, input, call.staff?.staffId ?? null),
    }),
    'catalog.archiveProduct': (input, call) => ({
      product: archiveProduct(ctx, input.productId, call.staff?.staffId ?? null),
    }),
    'catalog.lookupBarcode': (input) => lookupBarcode(ctx, input.code),
    'catalog.adjustStock': (input, call) => {
      const { movement, onHand } = adjustStock(ctx, input, call.staff?.staffId ?? null);
      return { movement, onHand };
    },
    'catalog.stockMovements': (input) => ({ movements: stockMovements(ctx, input) }),
    'catalog.lowStock': (input) => ({ threshold: input.threshold, variants: lowStock(ctx, input.threshold) }),
    'catalog.setImage': (input, call) => ({ product: setImage(ctx, input, call.staff?.staffId ?? null) }),
    'catalog.image': (input) => ({ dataUrl: imageDataUrl(ctx, input.productId) }),
    'catalog.exportCsv': (input) => ({ csv: exportCatalogCsv(ctx, input.currency) }),
    'catalog.importCsv': (input, call) => importCatalogCsv(ctx, input, call.staff?.staffId ?? null),
  };
}
