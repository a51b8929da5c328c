import { describe, expect, it } from 'vitest';
import { type Product, type Variant } from '../../../../shared/api/catalog';
import { priceSummary, skuSummary, stockLevel, stockRequest, stockSummary } from './productRows';

function variant(patch: Partial<Variant>): Variant {
  return {
    id: '01M809M58JE97HD1DR3PWGXXTG',
    productId: '01M809M58JE97HD1DR3PWGXXTF',
    name: '',
    sku: 'SKU-1',
    barcodes: [],
    prices: [],
    trackStock: false,
    onHand: 0,
    ...patch,
  };
}

function product(variants: Variant[]): Product {
  return {
    id: '01M809M58JE97HD1DR3PWGXXTF',
    name: 'Thing',
    description: '',
    categoryId: null,
    taxClassId: '01M809M58C72P151GJC1YQW3NZ',
    vendorId: null,
    active: true,
    archivedAt: null,
    image: null,
    createdAt: '2026-11-22T00:00:00.000Z',
    createdBy: null,
    updatedAt: '2026-11-22T00:00:00.000Z',
    updatedBy: null,
    variants,
  };
}

const usd = (amount: string) => [{ currency: 'USD', amount }];

describe('priceSummary', () => {
  it.each([
    [[variant({})], { kind: 'none' }],
    [[variant({ prices: [{ currency: 'EUR', amount: '100' }] })], { kind: 'none' }],
    [[variant({ prices: usd('350') })], { kind: 'one', amountMinor: '350' }],
    [[variant({ prices: usd('425') }), variant({ prices: usd('425') })], { kind: 'one', amountMinor: '425' }],
    [
      [variant({ prices: usd('1000') }), variant({ prices: usd('425') }), variant({ prices: usd('99') })],
      { kind: 'range', lowMinor: '99', highMinor: '1000' },
    ],
    [
      [variant({ prices: usd('90071992547409930') }), variant({ prices: usd('90071992547409931') })],
      { kind: 'range', lowMinor: '90071992547409930', highMinor: '90071992547409931' },
    ],
  ])('%# → %o', (variants, expected) => {
    expect(priceSummary(product(variants), 'USD')).toEqual(expected);
  });
});

describe('stock', () => {
  it.each([
    [0, 'out'],
    [-2, 'out'],
    [1, 'low'],
    [5, 'low'],
    [6, 'ok'],
  ] as const)('%i on hand is %s', (onHand, level) => {
    expect(stockLevel(onHand)).toBe(level);
  });

  it.each([
    [[variant({})], { level: 'untracked', onHand: 0, trackedVariants: 0 }],
    [[variant({ trackStock: true, onHand: 48 })], { level: 'ok', onHand: 48, trackedVariants: 1 }],
    [
      [
        variant({ trackStock: true, onHand: 40 }),
        variant({ trackStock: true, onHand: 3 }),
        variant({ onHand: 99 }),
      ],
      { level: 'low', onHand: 43, trackedVariants: 2 },
    ],
    [
      [variant({ trackStock: true, onHand: 3 }), variant({ trackStock: true, onHand: 0 })],
      { level: 'out', onHand: 3, trackedVariants: 2 },
    ],
  ])('%# → %o', (variants, expected) => {
    expect(stockSummary(product(variants))).toEqual(expected);
  });
});

describe('skuSummary', () => {
  it.each([
    [[variant({ sku: 'MER-MUG' })], 'MER-MUG'],
    [[variant({ sku: 'A' }), variant({ sku: 'B' })], '2 SKUs'],
  ])('%# → %s', (variants, expected) => {
    expect(skuSummary(product(variants))).toBe(expected);
  });
});

describe('stockRequest', () => {
  it.each([
    ['receive', '12', { reason: 'receive', delta: 12 }],
    ['receive', '+3', { reason: 'receive', delta: 3 }],
    ['adjustment', '-2', { reason: 'adjustment', delta: -2 }],
    ['adjustment', '\u22124', { reason: 'adjustment', delta: -4 }],
    ['adjustment', '7', { reason: 'adjustment', delta: 7 }],
    ['count', '0', { reason: 'count', countedQuantity: 0 }],
    ['count', ' 36 ', { reason: 'count', countedQuantity: 36 }],
  ] as const)('%s %j → %o', (action, text, request) => {
    expect(stockRequest(action, text)).toEqual({ ok: true, request });
  });

  it.each([
    ['receive', '', 'Enter a quantity.'],
    ['receive', '0', 'Receive at least 1 unit.'],
    ['receive', '-1', 'Receive at least 1 unit.'],
    ['adjustment', '0', 'An adjustment of 0 changes nothing.'],
    ['adjustment', '1.5', 'A quantity is a whole number of units.'],
    ['count', '-1', 'A counted quantity cannot be negative.'],
    ['count', '12abc', 'A quantity is a whole number of units.'],
    ['count', '9999999999', 'A quantity is a whole number of units.'],
  ] as const)('%s %j is refused: %s', (action, text, message) => {
    expect(stockRequest(action, text)).toEqual({ ok: false, message });
  });
});
