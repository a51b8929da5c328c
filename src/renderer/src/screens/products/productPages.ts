/**
 * The product list's paging, pure: the first page comes through useCoreData; "Show more" appends
 * pages to it. Pages belong to the first page they follow, so when it is read again (a catalog
 * change, other filters) the list starts over from the new first page. A product already shown is
 * not shown twice (a product added meanwhile shifts the offsets).
 */

export interface FirstPage<T> {
  products: T[];
  total: number;
}

export interface MorePages<T, F extends FirstPage<T>> {
  after: F;
  products: T[];
  total: number;
}

/** What the list shows: the first page and the pages that follow it, and how many there are in all. */
export function shownPages<T, F extends FirstPage<T>>(
  first: F | null,
  more: MorePages<T, F> | null,
): { products: T[]; total: number } {
  if (!first) return { products: [], total: 0 };
  const extra = more !== null && more.after === first ? more : null;
  return { products: [...first.products, ...(extra?.products ?? [])], total: extra?.total ?? first.total };
}

/** The pages after `first` once `page` (read at the end of what is shown) is appended. */
export function appendPage<T extends { id: string }, F extends FirstPage<T>>(
  first: F,
  more: MorePages<T, F> | null,
  page: { products: T[]; total: number },
): MorePages<T, F> {
  const shown = more !== null && more.after === first ? more.products : [];
  const known = new Set([...first.products, ...shown].map((product) => product.id));
  return {
    after: first,
    products: [...shown, ...page.products.filter((product) => !known.has(product.id))],
    total: page.total,
  };
}
