import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing';
import { amountOff, cart, line, nyc, percentOff, summarize, tax10, type PricingCase } from './testing';

const cases: PricingCase[] = [
  // Line discounts.
  {
    // 999 × 10 % = 99.9 → 100; tax 899 × 10 % = 89.9 → 90
    name: '10 % line discount, then tax on the discounted line',
    input: cart([line('a', 333n, 3, [tax10], percentOff('10'))]),
    expected: {
      subtotal: 999n,
      discount: 100n,
      tax: 90n,
      total: 989n,
      lines: [{ gross: 999n, lineDiscount: 100n, net: 899n, tax: 90n, total: 989n }],
    },
  },
  {
    name: 'an amount discount comes off the line total, not each unit',
    input: cart([line('a', 250n, 4, [tax10], amountOff(150n))]),
    expected: { subtotal: 1000n, discount: 150n, tax: 85n, total: 935n, lines: [{ net: 850n }] },
  },
  {
    name: 'an amount discount larger than the line is cut to the line, and reported',
    input: cart([line('a', 500n, 1, [tax10], amountOff(800n)), line('b', 1000n, 1, [tax10])]),
    expected: {
      subtotal: 1500n,
      discount: 500n,
      tax: 100n,
      total: 1100n,
      lines: [
        { lineDiscount: 500n, net: 0n, tax: 0n, total: 0n },
        { net: 1000n, tax: 100n, total: 1100n },
      ],
      notices: [{ kind: 'line_discount_clamped', lineId: 'a', requestedMinor: 800n, appliedMinor: 500n }],
    },
  },
  {
    name: '100 % line discount: a zero line with zero tax',
    input: cart([line('a', 1000n, 1, [tax10], percentOff('100')), line('b', 200n, 1, [tax10])]),
    expected: {
      subtotal: 1200n,
      discount: 1000n,
      tax: 20n,
      total: 220n,
      lines: [{ lineDiscount: 1000n, net: 0n, tax: 0n, total: 0n }, { tax: 20n }],
      notices: [],
    },
  },
  {
    name: '12.5 % line discount',
    input: cart([line('a', 1000n, 1, [tax10], percentOff('12.5'))]),
    expected: { subtotal: 1000n, discount: 125n, tax: 88n, total: 963n },
  },
  {
    // 1050 × 5 % = 52.5
    name: 'a line discount at .5, half-up',
    input: cart([line('a', 1050n, 1, [], percentOff('5'))]),
    expected: { subtotal: 1050n, discount: 53n, tax: 0n, total: 997n },
  },
  {
    name: 'a line discount at .5, half-even',
    input: cart([line('a', 1050n, 1, [], percentOff('5'))], { roundingMode: 'half_even' }),
    expected: { subtotal: 1050n, discount: 52n, tax: 0n, total: 998n },
  },
  {
    // each 1000 × 33.33 % = 333.3 → 333
    name: '33.33 % off each of three lines',
    input: cart(['a', 'b', 'c'].map((id) => line(id, 1000n, 1, [], percentOff('33.33')))),
    expected: { subtotal: 3000n, discount: 999n, tax: 0n, total: 2001n },
  },
  // Order discounts.
  {
    name: '100 % order discount: every line and its tax to zero',
    input: cart([line('a', 1000n, 1, [tax10]), line('b', 500n, 1, [tax10])], {
      orderDiscount: percentOff('100'),
    }),
    expected: {
      subtotal: 1500n,
      discount: 1500n,
      tax: 0n,
      total: 0n,
      lines: [
        { orderShare: 1000n, net: 0n, tax: 0n },
        { orderShare: 500n, net: 0n, tax: 0n },
      ],
    },
  },
  {
    name: '$10 order discount over three equal lines: 3.34 + 3.33 + 3.33',
    input: cart(
      ['a', 'b', 'c'].map((id) => line(id, 1000n, 1)),
      { orderDiscount: amountOff(1000n) },
    ),
    expected: {
      subtotal: 3000n,
      discount: 1000n,
      tax: 0n,
      total: 2000n,
      lines: [
        { orderShare: 334n, net: 666n },
        { orderShare: 333n, net: 667n },
        { orderShare: 333n, net: 667n },
      ],
    },
  },
  {
    // 3000 × 33.33 % = 999.9 → 1000, spread 334 / 333 / 333
    name: '33.33 % order discount over three equal lines',
    input: cart(
      ['a', 'b', 'c'].map((id) => line(id, 1000n, 1)),
      { orderDiscount: percentOff('33.33') },
    ),
    expected: {
      subtotal: 3000n,
      discount: 1000n,
      tax: 0n,
      total: 2000n,
      lines: [{ orderShare: 334n }, { orderShare: 333n }, { orderShare: 333n }],
    },
  },
  {
    name: 'an order discount is spread in proportion to the line nets',
    input: cart([line('a', 700n, 1, [tax10]), line('b', 300n, 1, [tax10])], {
      orderDiscount: amountOff(100n),
    }),
    expected: {
      subtotal: 1000n,
      discount: 100n,
      tax: 90n,
      total: 990n,
      lines: [
        { orderShare: 70n, net: 630n, tax: 63n, total: 693n },
        { orderShare: 30n, net: 270n, tax: 27n, total: 297n },
      ],
    },
  },
  {
    // a: 1000 − 100 = 900; b: 600; order 15 % of 1500 = 225 → 135 / 90; tax 765 × 8.875 % = 67.89 → 68,
    // 510 × 8.875 % = 45.26 → 45
    name: 'line discount, then a percent order discount, then 8.875 % per line',
    input: cart([line('a', 500n, 2, [nyc], percentOff('10')), line('b', 600n, 1, [nyc])], {
      orderDiscount: percentOff('15'),
    }),
    expected: {
      subtotal: 1600n,
      discount: 325n,
      tax: 113n,
      total: 1388n,
      lines: [
        { lineDiscount: 100n, orderShare: 135n, net: 765n, tax: 68n },
        { lineDiscount: 0n, orderShare: 90n, net: 510n, tax: 45n },
      ],
    },
  },
  {
    // 1275 × 8.875 % = 113.16 → 113, spread 67.8 / 45.2 → 68 / 45
    name: 'the same cart with tax rounded per order',
    input: cart([line('a', 500n, 2, [nyc], percentOff('10')), line('b', 600n, 1, [nyc])], {
      orderDiscount: percentOff('15'),
      taxRounding: 'per_order',
    }),
    expected: {
      subtotal: 1600n,
      discount: 325n,
      tax: 113n,
      total: 1388n,
      lines: [{ tax: 68n }, { tax: 45n }],
      taxes: [['nyc', 1275n, 113n]],
    },
  },
  {
    name: 'an order discount larger than the cart is cut to it, and reported',
    input: cart([line('a', 300n, 1), line('b', 200n, 1)], { orderDiscount: amountOff(1000n) }),
    expected: {
      subtotal: 500n,
      discount: 500n,
      tax: 0n,
      total: 0n,
      lines: [
        { orderShare: 300n, net: 0n },
        { orderShare: 200n, net: 0n },
      ],
      notices: [{ kind: 'order_discount_clamped', requestedMinor: 1000n, appliedMinor: 500n }],
    },
  },
  {
    name: 'an order discount skips a line already discounted to zero',
    input: cart([line('a', 1000n, 1, [], percentOff('100')), line('b', 500n, 1)], {
      orderDiscount: amountOff(100n),
    }),
    expected: {
      subtotal: 1500n,
      discount: 1100n,
      tax: 0n,
      total: 400n,
      lines: [
        { orderShare: 0n, net: 0n },
        { orderShare: 100n, net: 400n },
      ],
    },
  },
  {
    name: 'an order discount on a cart already at zero applies nothing',
    input: cart([line('a', 1000n, 1, [tax10], percentOff('100'))], { orderDiscount: amountOff(50n) }),
    expected: {
      subtotal: 1000n,
      discount: 1000n,
      tax: 0n,
      total: 0n,
      lines: [{ orderShare: 0n, net: 0n }],
      notices: [{ kind: 'order_discount_clamped', requestedMinor: 50n, appliedMinor: 0n }],
    },
  },
];

describe('priceCart: line and order discounts', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(summarize(priceCart(input))).toMatchObject(expected);
  });
});
