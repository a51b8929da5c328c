import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coffee, expectApiError, openCatalogTill, type CatalogTill } from './catalogTestKit';

let till: CatalogTill;
beforeEach(async () => {
  till = await openCatalogTill();
});
afterEach(() => till.close());

describe('finding products', () => {
  beforeEach(async () => {
    await till.saveProduct(coffee);
    await till.saveProduct({ name: 'Green tea', variants: [{ sku: 'TEA-G', barcodes: ['96385074'] }] });
    await till.saveProduct({
      name: 'Blueberry muffin',
      variants: [{ sku: 'MUF_1', prices: [{ currency: 'USD', amount: '300' }] }],
    });
  });

  it.each([
    ['coffee', ['Coffee']],
    ['COF', ['Coffee']],
    ['coffee large', ['Coffee']],
    ['cof-l', ['Coffee']],
    ['e', ['Blueberry muffin', 'Coffee', 'Green tea']],
    ['96385074', ['Green tea']],
    ['9638507', []],
    ['036000291452', ['Coffee']],
    ['MUF_', ['Blueberry muffin']],
    ['_', ['Blueberry muffin']],
    ['%', []],
    ['nothing like it', []],
  ])('search %j finds %j', async (search, names) => {
    const result = await till.core.call('catalog.products', { search }, till.session);
    expect(result.products.map((p) => p.name)).toEqual(names);
    expect(result.total).toBe(names.length);
  });

  it('pages with limit and offset and filters by category', async () => {
    const page = await till.core.call('catalog.products', { limit: 2, offset: 1 }, till.session);
    expect(page.products.map((p) => p.name)).toEqual(['Coffee', 'Green tea']);
    expect(page.total).toBe(3);
    const { category } = await till.core.call('catalog.saveCategory', { name: 'Bakery' }, till.session);
    const muffin = (await till.core.call('catalog.products', { search: 'muffin' }, till.session)).products[0];
    await till.saveProduct({
      id: muffin?.id,
      name: 'Blueberry muffin',
      categoryId: category.id,
      variants: [{ sku: 'MUF_1' }],
    });
    const bakery = await till.core.call('catalog.products', { categoryId: category.id }, till.session);
    expect(bakery.products.map((p) => p.name)).toEqual(['Blueberry muffin']);
  });

  it('looks up a barcode, else a SKU, with the tax class', async () => {
    const byBarcode = await till.core.call('catalog.lookupBarcode', { code: '036000291452' }, till.session);
    expect(byBarcode.matchedBy).toBe('barcode');
    expect(byBarcode.variant.sku).toBe('COF-L');
    expect(byBarcode.product.name).toBe('Coffee');
    expect(byBarcode.taxClass.rates).toEqual([
      { taxId: 'sales_tax', name: 'Sales tax', ratePercent: '8.875' },
    ]);
    const bySku = await till.core.call('catalog.lookupBarcode', { code: ' tea-g ' }, till.session);
    expect(bySku.matchedBy).toBe('sku');
    expect(bySku.variant.barcodes).toEqual(['96385074']);
    const error = await expectApiError(
      till.core.call('catalog.lookupBarcode', { code: '0000' }, till.session),
      'not_found',
    );
    expect(error.message).toBe('No product has the barcode or SKU "0000".');
  });

  it('gives a sale the name, price and tax rates of a variant', async () => {
    const { variant } = await till.core.call('catalog.lookupBarcode', { code: 'COF-L' }, till.session);
    expect(till.service.getVariantForSale(variant.id, 'USD')).toEqual({
      variantId: variant.id,
      productId: variant.productId,
      name: 'Coffee (Large)',
      sku: 'COF-L',
      unitPriceMinor: 375n,
      currency: 'USD',
      taxClassId: till.standard.id,
      taxRates: [{ taxId: 'sales_tax', name: 'Sales tax', ratePercent: '8.875' }],
      trackStock: false,
      vendorId: null,
    });
    expect(() => till.service.getVariantForSale(variant.id, 'EUR')).toThrow(
      /"Coffee \(Large\)" \(SKU COF-L\) has no price in EUR/,
    );
    expect(() => till.service.getVariantForSale('01JDZZZZZZZZZZZZZZZZZZZZZZ', 'USD')).toThrow(
      /No product variant/,
    );
    expect(till.service.lookupBarcode('cof-l').variant.id).toBe(variant.id);
    expect(till.service.getTaxClass(till.standard.id).rates[0]?.ratePercent).toBe('8.875');
    expect(() => till.service.getTaxClass('01JDZZZZZZZZZZZZZZZZZZZZZZ')).toThrow(/No tax class/);
  });
});
