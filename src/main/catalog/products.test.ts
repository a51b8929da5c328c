import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  catalogFingerprint,
  coffee,
  expectApiError,
  openCatalogTill,
  type CatalogTill,
} from './catalogTestKit';

let till: CatalogTill;
beforeEach(async () => {
  till = await openCatalogTill();
});
afterEach(() => till.close());

describe('saving products', () => {
  it('creates a product with variants, barcodes and prices, and records who did it', async () => {
    const product = await till.saveProduct(coffee);
    expect(product).toMatchObject({
      name: 'Coffee',
      description: 'Fresh drip coffee',
      categoryId: null,
      taxClassId: till.standard.id,
      vendorId: null,
      active: true,
      archivedAt: null,
      image: null,
      createdBy: till.ownerId,
      updatedBy: till.ownerId,
    });
    expect(product.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(
      product.variants.map((v) => [v.name, v.sku, v.barcodes, v.prices, v.trackStock, v.onHand]),
    ).toEqual([
      [
        'Small',
        'COF-S',
        ['4006381333931'],
        [
          { currency: 'EUR', amount: '230' },
          { currency: 'USD', amount: '250' },
        ],
        true,
        0,
      ],
      ['Large', 'COF-L', ['036000291452', 'COF-LARGE'], [{ currency: 'USD', amount: '375' }], false, 0],
    ]);
    expect(till.announced).toEqual([[product.id]]);
  });

  it('updates in place: variants matched by id or SKU keep their ids, left-out ones are removed', async () => {
    const created = await till.saveProduct(coffee);
    const [small, large] = created.variants;
    const { category } = await till.core.call(
      'catalog.saveCategory',
      { name: 'Drinks', color: '#AA3300' },
      till.session,
    );
    const updated = await till.saveProduct({
      id: created.id,
      name: 'Drip coffee',
      categoryId: category.id,
      variants: [
        {
          id: large?.id,
          name: 'Large',
          sku: 'COF-L',
          barcodes: ['4006381333931'],
          prices: [{ currency: 'USD', amount: '0400' }],
        },
        { name: 'Medium', sku: 'COF-M', prices: [{ currency: 'USD', amount: '325' }] },
      ],
    });
    expect(updated.name).toBe('Drip coffee');
    expect(updated.description).toBe('');
    expect(updated.categoryId).toBe(category.id);
    expect(updated.variants.map((v) => [v.id === large?.id, v.sku, v.barcodes, v.prices])).toEqual([
      [true, 'COF-L', ['4006381333931'], [{ currency: 'USD', amount: '400' }]],
      [false, 'COF-M', [], [{ currency: 'USD', amount: '325' }]],
    ]);
    expect(category.color).toBe('#aa3300');

    // The removed variant keeps its SKU; saving it again by SKU brings the same variant back.
    const again = await till.saveProduct({
      id: created.id,
      name: 'Drip coffee',
      variants: [
        { sku: 'cof-s', name: 'Small', prices: [{ currency: 'USD', amount: '250' }] },
        { sku: 'COF-L', name: 'Large' },
      ],
    });
    expect(again.variants[0]?.id).toBe(small?.id);
    expect(again.variants[0]?.sku).toBe('cof-s');
    expect(again.variants[1]?.id).toBe(large?.id);
  });

  it('lets two variants of one product swap SKUs', async () => {
    const created = await till.saveProduct(coffee);
    const [small, large] = created.variants;
    const swapped = await till.saveProduct({
      id: created.id,
      name: 'Coffee',
      variants: [
        { id: small?.id, name: 'Small', sku: 'COF-L' },
        { id: large?.id, name: 'Large', sku: 'COF-S' },
      ],
    });
    expect(swapped.variants.map((v) => [v.id, v.sku])).toEqual([
      [small?.id, 'COF-L'],
      [large?.id, 'COF-S'],
    ]);
  });

  it.each([
    [
      'a SKU of another product',
      { sku: 'cof-l' },
      'conflict',
      /SKU "COF-L" is already used by "Coffee \(Large\)"/,
    ],
    [
      'a barcode of another product',
      { sku: 'TEA', barcodes: ['036000291452'] },
      'conflict',
      /Barcode "036000291452" is already used by "Coffee \(Large\)"/,
    ],
    [
      'a barcode that is the SKU of another product',
      { sku: 'TEA', barcodes: ['COF-S'] },
      'conflict',
      /"COF-S" is the SKU of "Coffee \(Small\)"/,
    ],
    [
      'a SKU that is a barcode of another product',
      { sku: 'COF-LARGE' },
      'conflict',
      /SKU "COF-LARGE" is a barcode of "Coffee \(Large\)"/,
    ],
    [
      'a barcode with a wrong check digit',
      { sku: 'TEA', barcodes: ['4006381333932'] },
      'bad_input',
      /should be 1/,
    ],
    [
      'a price in an unknown currency',
      { sku: 'TEA', prices: [{ currency: 'XYZ', amount: '1' }] },
      'bad_input',
      /currency/,
    ],
    [
      'a negative price',
      { sku: 'TEA', prices: [{ currency: 'USD', amount: '-5' }] },
      'bad_input',
      /non-negative/,
    ],
    ['an empty SKU', { sku: '  ' }, 'bad_input', /SKU cannot be empty/],
  ])('refuses %s and writes nothing', async (_what, variant, code, message) => {
    await till.saveProduct(coffee);
    const before = catalogFingerprint(till.core);
    const error = await expectApiError(
      till.saveProduct({ name: 'Tea', variants: [variant] }),
      code as 'conflict',
    );
    expect(error.message).toMatch(message);
    expect(catalogFingerprint(till.core)).toBe(before);
  });

  it.each([
    [
      'two variants with one SKU',
      [{ sku: 'A' }, { sku: 'a', name: 'Other' }],
      /SKU "a" is given to two variants/,
    ],
    ['two default variants', [{ sku: 'A' }, { sku: 'B' }], /default \(unnamed\) variant twice/],
    [
      'one barcode on two variants',
      [
        { sku: 'A', barcodes: ['X1'] },
        { sku: 'B', name: 'B', barcodes: ['X1'] },
      ],
      /Barcode "X1" is given to two variants/,
    ],
    [
      'a barcode that is the SKU of a sibling',
      [
        { sku: 'A', barcodes: ['B'] },
        { sku: 'B', name: 'B' },
      ],
      /barcode of one variant and the SKU of another/,
    ],
    [
      'two prices in one currency',
      [
        {
          sku: 'A',
          prices: [
            { currency: 'USD', amount: '1' },
            { currency: 'USD', amount: '2' },
          ],
        },
      ],
      /two prices in USD/,
    ],
  ])('refuses %s within one product', async (_what, variants, message) => {
    const error = await expectApiError(till.saveProduct({ name: 'Tea', variants }), 'bad_input');
    expect(error.message).toMatch(message);
  });

  it('refuses a missing product, category or tax class, and a variant of another product', async () => {
    const coffeeProduct = await till.saveProduct(coffee);
    const missing = '01JDZZZZZZZZZZZZZZZZZZZZZZ';
    await expectApiError(till.saveProduct({ id: missing, name: 'X', variants: [{ sku: 'X' }] }), 'not_found');
    await expectApiError(
      till.saveProduct({ name: 'X', categoryId: missing, variants: [{ sku: 'X' }] }),
      'not_found',
    );
    await expectApiError(
      till.saveProduct({ name: 'X', taxClassId: missing, variants: [{ sku: 'X' }] }),
      'not_found',
    );
    const tea = await till.saveProduct({ name: 'Tea', variants: [{ sku: 'TEA' }] });
    const error = await expectApiError(
      till.saveProduct({
        id: tea.id,
        name: 'Tea',
        variants: [{ id: coffeeProduct.variants[0]?.id, sku: 'TEA' }],
      }),
      'not_found',
    );
    expect(error.message).toMatch(/is not a variant of product/);
  });

  it('archives a product and restores it with saveProduct', async () => {
    const product = await till.saveProduct(coffee);
    const { product: archived } = await till.core.call(
      'catalog.archiveProduct',
      { productId: product.id },
      till.session,
    );
    expect(archived.active).toBe(false);
    expect(archived.archivedAt).not.toBeNull();
    const listed = await till.core.call('catalog.products', {}, till.session);
    expect(listed.total).toBe(0);
    const all = await till.core.call('catalog.products', { includeArchived: true }, till.session);
    expect(all.products.map((p) => p.id)).toEqual([product.id]);
    await expectApiError(
      till.core.call('catalog.lookupBarcode', { code: 'COF-S' }, till.session),
      'not_found',
    );
    expect(() => till.service.getVariantForSale(product.variants[0]?.id ?? '', 'USD')).toThrow(/archived/);
    const restored = await till.saveProduct({ ...coffee, id: product.id, active: true });
    expect(restored.archivedAt).toBeNull();
  });

  it('needs catalog.edit to change and a session to read', async () => {
    const cashier = await till.cashierSession();
    await expectApiError(
      till.core.call('catalog.saveProduct', { ...coffee, taxClassId: till.standard.id }, cashier),
      'forbidden',
    );
    await expectApiError(till.core.call('catalog.products', {}), 'unauthorized');
    await expect(till.core.call('catalog.products', {}, cashier)).resolves.toEqual({
      products: [],
      total: 0,
    });
  });
});
