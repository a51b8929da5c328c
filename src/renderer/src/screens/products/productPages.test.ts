import { describe, expect, it } from 'vitest';
import { appendPage, shownPages } from './productPages';

const item = (id: string) => ({ id });

describe('the product list pages', () => {
  const first = { products: [item('a'), item('b')], total: 5 };

  it('shows nothing before the first page, then the first page', () => {
    expect(shownPages(null, null)).toEqual({ products: [], total: 0 });
    expect(shownPages(first, null)).toEqual({ products: [item('a'), item('b')], total: 5 });
  });

  it('appends more pages, without showing a product twice', () => {
    const two = appendPage(first, null, { products: [item('b'), item('c')], total: 5 });
    const three = appendPage(first, two, { products: [item('d'), item('e')], total: 6 });
    expect(shownPages(first, three)).toEqual({
      products: ['a', 'b', 'c', 'd', 'e'].map(item),
      total: 6,
    });
  });

  it('starts over from a first page read again', () => {
    const more = appendPage(first, null, { products: [item('c')], total: 5 });
    const again = { products: [item('a'), item('x')], total: 2 };
    expect(shownPages(again, more)).toEqual({ products: [item('a'), item('x')], total: 2 });
    expect(appendPage(again, more, { products: [item('y')], total: 3 }).products).toEqual([item('y')]);
  });
});
