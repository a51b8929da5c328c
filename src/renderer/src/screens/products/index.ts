/**
 * The Products section: the catalog list with search, category filter, stock and low-stock
 * badges; the product editor (details, variants with prices typed in the store's locale, picture,
 * archive); stock receive / adjust / count with the movements; categories; CSV import with a
 * preview and CSV export. Pure parts: the editor's form rules (productForm) and the list's
 * summaries and stock rule (productRows).
 */
export { ProductsScreen } from './ProductsScreen';
