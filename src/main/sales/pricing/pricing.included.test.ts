import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing';
import {
  amountOff,
  cad,
  cart,
  gst,
  inclusive,
  line,
  nyc,
  percentOff,
  pst,
  r10,
  r5,
  summarize,
  tax10,
  tipAmount,
  tipPercent,
  vat20,
  vat5,
  zero,
  type PricingCase,
} from './testing';

const cases: PricingCase[] = [
  // Tax included in the price.
  {
    name: 'tax included: 12.00 at 20 % holds 2.00 of tax',
    input: cart([line('a', 1200n, 1, [vat20])], inclusive),
    expected: {
      subtotal: 1200n,
      discount: 0n,
      tax: 200n,
      total: 1200n,
      lines: [{ net: 1200n, tax: 200n, total: 1200n }],
      taxes: [['vat20', 1000n, 200n]],
    },
  },
  {
    // 999 × 20 / 120 = 166.5
    name: 'tax included landing on .5, half-up',
    input: cart([line('a', 999n, 1, [vat20])], inclusive),
    expected: { subtotal: 999n, discount: 0n, tax: 167n, total: 999n, taxes: [['vat20', 832n, 167n]] },
  },
  {
    name: 'tax included landing on .5, half-even',
    input: cart([line('a', 999n, 1, [vat20])], { ...inclusive, roundingMode: 'half_even' }),
    expected: { subtotal: 999n, discount: 0n, tax: 166n, total: 999n, taxes: [['vat20', 833n, 166n]] },
  },
  {
    // a: 1200 − 120 = 1080; b: 600; order 168 → 108 / 60; tax 972 / 6 = 162, 540 / 6 = 90
    name: 'tax included, with a line and an order discount',
    input: cart([line('a', 1200n, 1, [vat20], percentOff('10')), line('b', 600n, 1, [vat20])], {
      ...inclusive,
      orderDiscount: amountOff(168n),
    }),
    expected: {
      subtotal: 1800n,
      discount: 288n,
      tax: 252n,
      total: 1512n,
      lines: [
        { lineDiscount: 120n, orderShare: 108n, net: 972n, tax: 162n, total: 972n },
        { lineDiscount: 0n, orderShare: 60n, net: 540n, tax: 90n, total: 540n },
      ],
      taxes: [['vat20', 1260n, 252n]],
    },
  },
  {
    // a: 1999 × 5 % = 99.95 → 100, net 1899; b: 900; order 10 % of 2799 = 279.9 → 280 → 190 / 90;
    // tax 1709 × 20/120 = 284.83 → 285; 810 × 5/105 = 38.57 → 39
    name: 'tax included at two VAT rates, with line and order discounts',
    input: cart([line('a', 1999n, 1, [vat20], percentOff('5')), line('b', 450n, 2, [vat5])], {
      ...inclusive,
      orderDiscount: percentOff('10'),
    }),
    expected: {
      subtotal: 2899n,
      discount: 380n,
      tax: 324n,
      total: 2519n,
      lines: [
        { lineDiscount: 100n, orderShare: 190n, net: 1709n, tax: 285n },
        { lineDiscount: 0n, orderShare: 90n, net: 810n, tax: 39n },
      ],
      taxes: [
        ['vat20', 1424n, 285n],
        ['vat5', 771n, 39n],
      ],
    },
  },
  {
    // 199 / 6 = 33.17 → 33 each
    name: 'tax included on three lines, per line',
    input: cart(
      ['a', 'b', 'c'].map((id) => line(id, 199n, 1, [vat20])),
      inclusive,
    ),
    expected: { subtotal: 597n, discount: 0n, tax: 99n, total: 597n, taxes: [['vat20', 498n, 99n]] },
  },
  {
    // 597 / 6 = 99.5 → 100, spread 34 / 33 / 33
    name: 'tax included on three lines, per order',
    input: cart(
      ['a', 'b', 'c'].map((id) => line(id, 199n, 1, [vat20])),
      { ...inclusive, taxRounding: 'per_order' },
    ),
    expected: {
      subtotal: 597n,
      discount: 0n,
      tax: 100n,
      total: 597n,
      lines: [{ tax: 34n }, { tax: 33n }, { tax: 33n }],
      taxes: [['vat20', 497n, 100n]],
    },
  },
  {
    // group vat20: 1800 / 6 = 300 → 200 / 100; group vat5: 1050 × 5/105 = 50
    name: 'tax included per order, lines grouped by their rates',
    input: cart([line('a', 1200n, 1, [vat20]), line('b', 1050n, 1, [vat5]), line('c', 600n, 1, [vat20])], {
      ...inclusive,
      taxRounding: 'per_order',
    }),
    expected: {
      subtotal: 2850n,
      discount: 0n,
      tax: 350n,
      total: 2850n,
      lines: [{ tax: 200n }, { tax: 50n }, { tax: 100n }],
      taxes: [
        ['vat20', 1500n, 300n],
        ['vat5', 1000n, 50n],
      ],
    },
  },
  {
    // 1150 × 15/115 = 150, split 10 : 5
    name: 'tax included at two rates on one line',
    input: cart([line('a', 1150n, 1, [r10, r5])], inclusive),
    expected: {
      subtotal: 1150n,
      discount: 0n,
      tax: 150n,
      total: 1150n,
      taxes: [
        ['r10', 1000n, 100n],
        ['r5', 1000n, 50n],
      ],
    },
  },
  {
    // 1000 × 15/115 = 130.43 → 130, split 86.67 / 43.33 → 87 / 43
    name: 'tax included at two rates, the split keeps every unit',
    input: cart([line('a', 1000n, 1, [r10, r5])], inclusive),
    expected: {
      subtotal: 1000n,
      discount: 0n,
      tax: 130n,
      total: 1000n,
      taxes: [
        ['r10', 870n, 87n],
        ['r5', 870n, 43n],
      ],
    },
  },
  {
    name: 'tax included, a zero-rate line',
    input: cart([line('a', 500n, 1, [zero]), line('b', 1200n, 1, [vat20])], inclusive),
    expected: {
      subtotal: 1700n,
      discount: 0n,
      tax: 200n,
      total: 1700n,
      taxes: [
        ['zero', 500n, 0n],
        ['vat20', 1000n, 200n],
      ],
    },
  },
  // Tips.
  {
    name: 'a tip amount goes on top',
    input: cart([line('a', 1000n, 1, [tax10])], { tip: tipAmount(200n) }),
    expected: { subtotal: 1000n, discount: 0n, tax: 100n, tip: 200n, total: 1300n },
  },
  {
    // tax 2000 × 8.875 % = 177.5 → 178; tip 15 % of 2000
    name: '15 % tip before tax',
    input: cart([line('a', 2000n, 1, [nyc])], { tip: tipPercent('15', 'pre_tax') }),
    expected: { subtotal: 2000n, discount: 0n, tax: 178n, tip: 300n, total: 2478n },
  },
  {
    // 2178 × 15 % = 326.7 → 327
    name: '15 % tip after tax',
    input: cart([line('a', 2000n, 1, [nyc])], { tip: tipPercent('15', 'post_tax') }),
    expected: { subtotal: 2000n, discount: 0n, tax: 178n, tip: 327n, total: 2505n },
  },
  {
    name: 'tip before tax when tax is included: on the price without its tax',
    input: cart([line('a', 1200n, 1, [vat20])], { ...inclusive, tip: tipPercent('10', 'pre_tax') }),
    expected: { subtotal: 1200n, discount: 0n, tax: 200n, tip: 100n, total: 1300n },
  },
  {
    name: 'tip after tax when tax is included: on the price',
    input: cart([line('a', 1200n, 1, [vat20])], { ...inclusive, tip: tipPercent('10', 'post_tax') }),
    expected: { subtotal: 1200n, discount: 0n, tax: 200n, tip: 120n, total: 1320n },
  },
  {
    name: 'a percent tip is on the discounted amount',
    input: cart([line('a', 1000n, 1, [tax10])], {
      orderDiscount: percentOff('10'),
      tip: tipPercent('20', 'pre_tax'),
    }),
    expected: { subtotal: 1000n, discount: 100n, tax: 90n, tip: 180n, total: 1170n },
  },
  // Cash rounding to the nickel (CAD).
  ...(
    [
      [1001n, 1000n],
      [1002n, 1000n],
      [1003n, 1005n],
      [1004n, 1005n],
      [1005n, 1005n],
      [1007n, 1005n],
      [1008n, 1010n],
      [1010n, 1010n],
    ] as const
  ).map(([total, cash]): PricingCase => ({
    name: `CAD cash rounding: ${total} → ${cash}`,
    input: cart([line('a', total, 1)], cad),
    expected: { subtotal: total, discount: 0n, tax: 0n, total, cash },
  })),
  {
    // GST 1099 × 5 % = 54.95 → 55; PST 1099 × 7 % = 76.93 → 77; 12.31 → 12.30 in cash
    name: 'CAD: GST + PST, then nickel rounding',
    input: cart([line('a', 1099n, 1, [gst, pst])], cad),
    expected: { subtotal: 1099n, discount: 0n, tax: 132n, total: 1231n, cash: 1230n },
  },
  {
    // 1100 + 12 % tip = 1232 → 1230
    name: 'CAD: cash rounding comes after the tip',
    input: cart([line('a', 1000n, 1, [tax10])], { ...cad, tip: tipPercent('12', 'post_tax') }),
    expected: { subtotal: 1000n, discount: 0n, tax: 100n, tip: 132n, total: 1232n, cash: 1230n },
  },
];

describe('priceCart: tax included, tips and cash rounding', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(summarize(priceCart(input))).toMatchObject(expected);
  });
});
