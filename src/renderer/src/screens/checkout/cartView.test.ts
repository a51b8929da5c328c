import { describe, expect, it } from 'vitest';
import { minorToDecimalString } from '../../../../shared/money';
import {
  discountFromTyped,
  discountTextProblem,
  itemCount,
  negated,
  priceIn,
  tilePrice,
  tipChoiceOf,
  totalsRows,
  trimPercent,
  typedAmountToMinor,
  typedFromDiscount,
  variantLabel,
} from './cartView';
import { type OrderView } from './types';

function order(
  overrides: Omit<Partial<OrderView>, 'totals'> & { totals?: Partial<OrderView['totals']> } = {},
): OrderView {
  const { totals, ...rest } = overrides;
  return {
    id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    number: 1,
    status: 'open',
    currency: 'USD',
    taxMode: 'exclusive',
    shiftId: 's',
    createdBy: { staffId: 'x', name: 'Casey' },
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    paidAt: null,
    voidedAt: null,
    voidReason: null,
    note: '',
    discount: null,
    tip: null,
    lines: [],
    taxes: [],
    payments: [],
    refunds: [],
    paidMinor: '0',
    inFlightMinor: '0',
    amountDueMinor: '0',
    cashAmountDueMinor: '0',
    refundedMinor: '0',
    notices: [],
    ...rest,
    totals: {
      subtotalMinor: '0',
      lineDiscountsMinor: '0',
      orderDiscountMinor: '0',
      discountTotalMinor: '0',
      taxTotalMinor: '0',
      tipMinor: '0',
      totalMinor: '0',
      cashTotalMinor: '0',
      cashRoundingMinor: '0',
      ...totals,
    },
  };
}

const nyc = {
  taxId: 'nyc',
  name: 'NYC sales tax',
  ratePercent: '8.875',
  baseMinor: '1000',
  amountMinor: '89',
};

describe('totalsRows', () => {
  it.each([
    {
      name: 'an empty cart: subtotal and total only',
      order: order(),
      rows: [
        ['subtotal', 'Subtotal', '0', 'plain'],
        ['total', 'Total', '0', 'total'],
      ],
    },
    {
      name: 'tax added, zero rates left out',
      order: order({
        taxes: [nyc, { ...nyc, taxId: 'zero', name: 'Zero-rated', ratePercent: '0', amountMinor: '0' }],
        totals: { subtotalMinor: '1000', taxTotalMinor: '89', totalMinor: '1089' },
      }),
      rows: [
        ['subtotal', 'Subtotal', '1000', 'plain'],
        ['tax-nyc', 'NYC sales tax 8.875%', '89', 'plain'],
        ['total', 'Total', '1089', 'total'],
      ],
    },
    {
      name: 'discounts as money off, tax included, a percent tip',
      order: order({
        taxMode: 'inclusive',
        taxes: [nyc],
        discount: { kind: 'percent', percent: '10' },
        tip: { kind: 'percent', percent: '15', base: 'pre_tax' },
        totals: {
          subtotalMinor: '1000',
          lineDiscountsMinor: '100',
          orderDiscountMinor: '90',
          tipMinor: '120',
          totalMinor: '930',
        },
      }),
      rows: [
        ['subtotal', 'Items before discounts', '1000', 'plain'],
        ['line-discounts', 'Item discounts', '-100', 'discount'],
        ['order-discount', 'Order discount (10% off)', '-90', 'discount'],
        ['tax-nyc', 'Incl. NYC sales tax 8.875%', '89', 'muted'],
        ['tip', 'Tip (15%)', '120', 'plain'],
        ['total', 'Total', '930', 'total'],
      ],
    },
  ])('$name', ({ order: o, rows }) => {
    expect(totalsRows(o).map((r) => [r.key, r.label, r.amountMinor, r.kind])).toEqual(rows);
  });
});

describe('small helpers', () => {
  it.each([
    ['250', '-250'],
    ['-250', '250'],
    ['0', '0'],
  ])('negated(%s) = %s', (input, expected) => expect(negated(input)).toBe(expected));

  it.each([
    ['10', '10'],
    ['12.50', '12.5'],
    ['8.875', '8.875'],
    ['10.000', '10'],
    ['0.0', '0'],
  ])('trimPercent(%s) = %s', (input, expected) => expect(trimPercent(input)).toBe(expected));

  it.each([
    [{ name: 'Latte' }, { name: 'Large' }, 'Latte · Large'],
    [{ name: 'Espresso' }, { name: '' }, 'Espresso'],
  ])('variantLabel', (product, variant, expected) => expect(variantLabel(product, variant)).toBe(expected));

  it('itemCount adds the quantities', () => {
    const line = order().lines;
    expect(itemCount(null)).toBe(0);
    expect(itemCount(order({ lines: line }))).toBe(0);
    const withLines = order({
      lines: [{ quantity: 2 }, { quantity: 3 }] as unknown as OrderView['lines'],
    });
    expect(itemCount(withLines)).toBe(5);
  });
});

describe('prices of products', () => {
  const usd = (amount: string) => ({ currency: 'USD', amount });
  it.each([
    {
      name: 'one variant',
      variants: [{ prices: [usd('450')] }],
      expected: { kind: 'one', amountMinor: '450' },
    },
    {
      name: 'sizes at different prices',
      variants: [{ prices: [usd('450')] }, { prices: [usd('375')] }],
      expected: { kind: 'from', amountMinor: '375' },
    },
    {
      name: 'same price everywhere',
      variants: [{ prices: [usd('500')] }, { prices: [usd('500')] }],
      expected: { kind: 'one', amountMinor: '500' },
    },
    {
      name: 'one variant has no price here',
      variants: [{ prices: [usd('500')] }, { prices: [{ currency: 'EUR', amount: '500' }] }],
      expected: { kind: 'from', amountMinor: '500' },
    },
    {
      name: 'no price in the currency',
      variants: [{ prices: [{ currency: 'EUR', amount: '1' }] }],
      expected: { kind: 'none' },
    },
  ])('tilePrice: $name', ({ variants, expected }) => {
    expect(tilePrice({ variants } as never, 'USD')).toEqual(expected);
  });

  it('priceIn picks the currency', () => {
    expect(priceIn({ prices: [{ currency: 'EUR', amount: '1' }, usd('2')] }, 'USD')).toBe('2');
    expect(priceIn({ prices: [] }, 'USD')).toBeNull();
  });
});

describe('typed amounts', () => {
  it.each([
    ['12', 'USD', '1200'],
    ['12.5', 'USD', '1250'],
    ['12.', 'USD', '1200'],
    ['0.05', 'USD', '5'],
    ['', 'USD', null],
    ['1500', 'JPY', '1500'],
    ['7.125', 'BHD', '7125'],
  ])('typedAmountToMinor(%s, %s) = %s', (text, currency, expected) => {
    expect(typedAmountToMinor(text, currency)).toBe(expected);
  });

  it('refuses more decimals than the currency has, rather than rounding', () => {
    expect(() => typedAmountToMinor('1.234', 'USD')).toThrow(/decimals/);
  });

  it.each([
    ['percent', '10', { kind: 'percent', percent: '10' }],
    ['percent', '12.5', { kind: 'percent', percent: '12.5' }],
    ['percent', '0', null],
    ['percent', '', null],
    ['amount', '2.50', { kind: 'amount', amount: '250' }],
    ['amount', '0.00', null],
    ['amount', '', null],
  ] as const)('discountFromTyped(%s, %s)', (kind, text, expected) => {
    expect(discountFromTyped(kind, text, 'USD')).toEqual(expected);
  });

  it.each([
    [null, ''],
    [{ kind: 'percent', percent: '12.50' }, '12.5'],
    [{ kind: 'amount', amount: '250' }, '2.50'],
  ] as const)('typedFromDiscount(%j) = %s', (discount, expected) => {
    expect(typedFromDiscount(discount, 'USD', minorToDecimalString)).toBe(expected);
  });
});

describe('tipChoiceOf', () => {
  const presets = ['10', '15', '20'];
  it.each([
    [null, 'none'],
    [{ kind: 'percent', percent: '15', base: 'pre_tax' }, '15'],
    [{ kind: 'percent', percent: '15.0', base: 'pre_tax' }, '15'],
    [{ kind: 'percent', percent: '12', base: 'pre_tax' }, 'custom'],
    [{ kind: 'amount', amount: '300' }, 'custom'],
  ] as const)('%j → %s', (tip, expected) => {
    expect(tipChoiceOf(tip, presets)).toBe(expected);
  });
});

describe('typed numbers are read, never rewritten (issue 8, finding 2)', () => {
  it.each(['150', '1e5', '-3', 'abc', '10.1234567'])('percent %s is refused with a sentence', (text) => {
    expect(() => discountFromTyped('percent', text, 'USD')).toThrow(/^A percent .+\.$/);
    expect(discountTextProblem('percent', text, 'USD')).toMatch(/^A percent/);
  });
  it.each(['1e5', 'abc-3.5', '12a', '-3'])('amount %s is refused, not stripped', (text) => {
    expect(() => typedAmountToMinor(text, 'USD')).toThrow();
    expect(discountTextProblem('amount', text, 'USD')).not.toBeNull();
  });
  it('reads amounts in the store locale', () => {
    expect(typedAmountToMinor('12,50', 'EUR', 'de-DE')).toBe('1250');
    expect(typedAmountToMinor('12,', 'EUR', 'de-DE')).toBe('1200');
  });
});
