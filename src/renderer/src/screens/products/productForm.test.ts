import { describe, expect, it } from 'vitest';
import { type Product } from '../../../../shared/api/catalog';
import {
  emptyProductForm,
  emptyVariant,
  formToSaveInput,
  parseBarcodes,
  type ProductForm,
  productToForm,
} from './productForm';

const ids = {
  product: '01M809M58JE97HD1DR3PWGXXTF',
  small: '01M809M58JE97HD1DR3PWGXXTG',
  large: '01M809M58JE97HD1DR3PWGXXTH',
  category: '01M809M58EK3ZK37JC8TX96S1J',
  tax: '01M809M58C72P151GJC1YQW3NZ',
};

const americano: Product = {
  id: ids.product,
  name: 'Americano',
  description: '',
  categoryId: ids.category,
  taxClassId: ids.tax,
  vendorId: null,
  active: true,
  archivedAt: null,
  image: null,
  createdAt: '2026-11-22T00:13:47.666Z',
  createdBy: null,
  updatedAt: '2026-11-22T00:13:47.666Z',
  updatedBy: null,
  variants: [
    {
      id: ids.small,
      productId: ids.product,
      name: 'Small',
      sku: 'COF-AME-S',
      barcodes: ['2000000000022'],
      prices: [
        { currency: 'USD', amount: '350' },
        { currency: 'EUR', amount: '330' },
      ],
      trackStock: false,
      onHand: 0,
    },
    {
      id: ids.large,
      productId: ids.product,
      name: 'Large',
      sku: 'COF-AME-L',
      barcodes: [],
      prices: [{ currency: 'USD', amount: '425' }],
      trackStock: true,
      onHand: 12,
    },
  ],
};

function withVariant(
  form: ProductForm,
  index: number,
  patch: Partial<ProductForm['variants'][number]>,
): ProductForm {
  return { ...form, variants: form.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) };
}

describe('parseBarcodes', () => {
  it.each([
    ['', []],
    ['123', ['123']],
    ['123, 456\n789', ['123', '456', '789']],
    ['  123 ;123 , 456 ', ['123', '456']],
  ])('%j → %j', (text, expected) => {
    expect(parseBarcodes(text)).toEqual(expected);
  });
});

describe('productToForm', () => {
  it('shows the store-currency price as text in the locale and keeps the other prices aside', () => {
    const form = productToForm(americano, 'USD', 'en-US');
    expect(form.variants.map((v) => [v.name, v.priceText, v.barcodesText, v.onHand])).toEqual([
      ['Small', '3.50', '2000000000022', 0],
      ['Large', '4.25', '', 12],
    ]);
    expect(form.variants[0]!.otherPrices).toEqual([{ currency: 'EUR', amount: '330' }]);
    expect(productToForm(americano, 'USD', 'de-DE').variants[0]!.priceText).toBe('3,50');
  });

  it('round-trips an unchanged product to the same prices', () => {
    const result = formToSaveInput(productToForm(americano, 'USD', 'en-US'), 'USD', 'en-US');
    expect(result).toEqual({
      ok: true,
      input: {
        id: ids.product,
        name: 'Americano',
        description: '',
        categoryId: ids.category,
        taxClassId: ids.tax,
        vendorId: null,
        active: true,
        variants: [
          {
            id: ids.small,
            name: 'Small',
            sku: 'COF-AME-S',
            barcodes: ['2000000000022'],
            prices: [
              { currency: 'USD', amount: '350' },
              { currency: 'EUR', amount: '330' },
            ],
            trackStock: false,
          },
          {
            id: ids.large,
            name: 'Large',
            sku: 'COF-AME-L',
            barcodes: [],
            prices: [{ currency: 'USD', amount: '425' }],
            trackStock: true,
          },
        ],
      },
    });
  });
});

describe('formToSaveInput', () => {
  const base = (): ProductForm => ({
    ...emptyProductForm(ids.tax),
    name: 'Scone',
    variants: [{ ...emptyVariant('v1'), sku: 'BAK-SCO', priceText: '3.75' }],
  });

  it('makes a new product with no id, no category and the price in minor units', () => {
    expect(formToSaveInput(base(), 'USD', 'en-US')).toEqual({
      ok: true,
      input: {
        name: 'Scone',
        description: '',
        categoryId: null,
        taxClassId: ids.tax,
        vendorId: null,
        active: true,
        variants: [
          {
            name: '',
            sku: 'BAK-SCO',
            barcodes: [],
            prices: [{ currency: 'USD', amount: '375' }],
            trackStock: false,
          },
        ],
      },
    });
  });

  it.each([
    ['a blank name', (f: ProductForm) => ({ ...f, name: '  ' }), { name: 'Give the product a name.' }],
    ['no tax class', (f: ProductForm) => ({ ...f, taxClassId: '' }), { taxClassId: 'Choose a tax class.' }],
    [
      'no variants',
      (f: ProductForm) => ({ ...f, variants: [] }),
      { variants: 'A product needs at least one variant.' },
    ],
  ])('refuses %s', (_what, change, expected) => {
    const result = formToSaveInput(change(base()), 'USD', 'en-US');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject(expected);
  });

  it.each([
    ['no price', { priceText: '' }, { price: 'Give it a price.' }],
    ['three decimals', { priceText: '3.755' }, { price: expect.stringMatching(/at most 2 decimals/) }],
    ['a negative price', { priceText: '-1' }, { price: expect.stringMatching(/negative/) }],
    ['no SKU', { sku: ' ' }, { sku: 'Give it a SKU.' }],
    ['a SKU with "|"', { sku: 'A|B' }, { sku: 'A SKU cannot contain control characters or "|".' }],
    ['a long SKU', { sku: 'X'.repeat(65) }, { sku: 'A SKU has at most 64 characters.' }],
  ])('refuses a variant with %s', (_what, patch, expected) => {
    const result = formToSaveInput(withVariant(base(), 0, patch), 'USD', 'en-US');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.byVariant.v1).toEqual(expected);
  });

  it('asks for variant names and unique SKUs once there are several variants', () => {
    const form = {
      ...base(),
      variants: [...base().variants, { ...emptyVariant('v2'), sku: 'bak-sco', priceText: '4' }],
    };
    const result = formToSaveInput(form, 'USD', 'en-US');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.byVariant.v1).toEqual({
        name: 'Name each variant (e.g. Small, Large).',
        sku: 'Two variants have this SKU.',
      });
      expect(result.errors.byVariant.v2).toMatchObject({ sku: 'Two variants have this SKU.' });
    }
  });

  it('reads prices in the locale of the store', () => {
    const result = formToSaveInput(withVariant(base(), 0, { priceText: '1.234,50' }), 'EUR', 'de-DE');
    expect(result.ok && result.input.variants[0]!.prices).toEqual([{ currency: 'EUR', amount: '123450' }]);
  });
});
