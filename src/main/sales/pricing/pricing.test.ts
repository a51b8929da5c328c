import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing';
import {
  amountOff,
  cart,
  city25,
  inclusive,
  jct10,
  jct8,
  line,
  nyc,
  percentOff,
  state6,
  summarize,
  tax10,
  zero,
  type PricingCase,
} from './testing';

const cases: PricingCase[] = [
  // Plain lines and tax added.
  {
    name: 'one line, no tax',
    input: cart([line('a', 1000n, 1)]),
    expected: { subtotal: 1000n, discount: 0n, tax: 0n, tip: 0n, total: 1000n, cash: 1000n, taxes: [] },
  },
  {
    name: 'quantity × unit price, 10 % added',
    input: cart([line('a', 250n, 3, [tax10])]),
    expected: {
      subtotal: 750n,
      discount: 0n,
      tax: 75n,
      total: 825n,
      lines: [{ gross: 750n, lineDiscount: 0n, orderShare: 0n, net: 750n, tax: 75n, total: 825n }],
    },
  },
  {
    // 1200 × 8.875 % = 106.5
    name: '8.875 % landing on .5, half-up rounds up',
    input: cart([line('a', 1200n, 1, [nyc])]),
    expected: { subtotal: 1200n, discount: 0n, tax: 107n, total: 1307n },
  },
  {
    name: '8.875 % landing on .5, half-even rounds to the even 106',
    input: cart([line('a', 1200n, 1, [nyc])], { roundingMode: 'half_even' }),
    expected: { subtotal: 1200n, discount: 0n, tax: 106n, total: 1306n },
  },
  {
    // 400 × 8.875 % = 35.5: the even neighbour is 36
    name: 'half-even at .5 with an odd quotient rounds up',
    input: cart([line('a', 400n, 1, [nyc])], { roundingMode: 'half_even' }),
    expected: { subtotal: 400n, discount: 0n, tax: 36n, total: 436n },
  },
  {
    // state 1999 × 6 % = 119.94 → 120; city 1999 × 2.5 % = 49.975 → 50
    name: 'state + city rates on one line, each on the same base',
    input: cart([line('a', 1999n, 1, [state6, city25])]),
    expected: {
      subtotal: 1999n,
      discount: 0n,
      tax: 170n,
      total: 2169n,
      taxes: [
        ['state', 1999n, 120n],
        ['city', 1999n, 50n],
      ],
    },
  },
  {
    name: 'a zero-rate line beside a taxed one',
    input: cart([line('a', 500n, 1, [zero]), line('b', 1000n, 1, [tax10])]),
    expected: {
      subtotal: 1500n,
      discount: 0n,
      tax: 100n,
      total: 1600n,
      taxes: [
        ['zero', 500n, 0n],
        ['tax10', 1000n, 100n],
      ],
    },
  },
  {
    name: 'a line with no tax rates stays out of the tax summary',
    input: cart([line('a', 500n, 1), line('b', 1000n, 1, [tax10])]),
    expected: { subtotal: 1500n, discount: 0n, tax: 100n, total: 1600n, taxes: [['tax10', 1000n, 100n]] },
  },
  // Per line against per order.
  {
    // 33.3 → 33, 33.3 → 33, 33.4 → 33
    name: 'three lines making $10 with 10 % tax, rounded per line: 0.99',
    input: cart([line('a', 333n, 1, [tax10]), line('b', 333n, 1, [tax10]), line('c', 334n, 1, [tax10])]),
    expected: {
      subtotal: 1000n,
      discount: 0n,
      tax: 99n,
      total: 1099n,
      lines: [{ tax: 33n }, { tax: 33n }, { tax: 33n }],
    },
  },
  {
    // 1000 × 10 % = 100, spread 33.3 / 33.3 / 33.4 → 33 / 33 / 34
    name: 'the same three lines rounded per order: 1.00',
    input: cart([line('a', 333n, 1, [tax10]), line('b', 333n, 1, [tax10]), line('c', 334n, 1, [tax10])], {
      taxRounding: 'per_order',
    }),
    expected: {
      subtotal: 1000n,
      discount: 0n,
      tax: 100n,
      total: 1100n,
      lines: [{ tax: 33n }, { tax: 33n }, { tax: 34n }],
      taxes: [['tax10', 1000n, 100n]],
    },
  },
  {
    // state 110 × 6 % = 6.6 → 7 (×3); city 110 × 2.5 % = 2.75 → 3 (×3)
    name: 'state + city on three lines, per line',
    input: cart(['a', 'b', 'c'].map((id) => line(id, 110n, 1, [state6, city25]))),
    expected: {
      subtotal: 330n,
      discount: 0n,
      tax: 30n,
      total: 360n,
      taxes: [
        ['state', 330n, 21n],
        ['city', 330n, 9n],
      ],
    },
  },
  {
    // state 330 × 6 % = 19.8 → 20 (7/7/6); city 330 × 2.5 % = 8.25 → 8 (3/3/2)
    name: 'state + city on three lines, per order',
    input: cart(
      ['a', 'b', 'c'].map((id) => line(id, 110n, 1, [state6, city25])),
      { taxRounding: 'per_order' },
    ),
    expected: {
      subtotal: 330n,
      discount: 0n,
      tax: 28n,
      total: 358n,
      lines: [{ tax: 10n }, { tax: 10n }, { tax: 8n }],
      taxes: [
        ['state', 330n, 20n],
        ['city', 330n, 8n],
      ],
    },
  },
  // JPY (no minor unit) and big numbers.
  {
    // ¥594 × 10 % = 59.4 → 59
    name: 'JPY: ¥198 × 3 with 10 % added',
    input: cart([line('a', 198n, 3, [jct10])]),
    expected: { subtotal: 594n, discount: 0n, tax: 59n, total: 653n },
  },
  {
    name: 'JPY: ¥1,080 with 8 % included',
    input: cart([line('a', 1080n, 1, [jct8])], inclusive),
    expected: { subtotal: 1080n, discount: 0n, tax: 80n, total: 1080n, taxes: [['jct8', 1000n, 80n]] },
  },
  {
    // 1 999 000 000 × 8.875 % = 177 411 250 exactly
    name: 'a million units',
    input: cart([line('a', 1999n, 1_000_000, [nyc])]),
    expected: { subtotal: 1_999_000_000n, discount: 0n, tax: 177_411_250n, total: 2_176_411_250n },
  },
  {
    name: 'a quantity of 2^53 − 1 at $1,000: beyond any float',
    input: cart([line('a', 100_000n, Number.MAX_SAFE_INTEGER, [tax10])]),
    expected: {
      subtotal: 900_719_925_474_099_100_000n,
      discount: 0n,
      tax: 90_071_992_547_409_910_000n,
      total: 990_791_918_021_509_010_000n,
    },
  },
  // Edges.
  {
    name: 'an empty cart',
    input: cart([]),
    expected: {
      subtotal: 0n,
      discount: 0n,
      tax: 0n,
      tip: 0n,
      total: 0n,
      cash: 0n,
      lines: [],
      taxes: [],
      notices: [],
    },
  },
  {
    name: 'a free item with tax',
    input: cart([line('a', 0n, 2, [tax10])], { taxRounding: 'per_order' }),
    expected: { subtotal: 0n, discount: 0n, tax: 0n, total: 0n, taxes: [['tax10', 0n, 0n]] },
  },
  {
    name: 'a 0 % discount changes nothing',
    input: cart([line('a', 1000n, 1, [tax10], percentOff('0'))], { orderDiscount: percentOff('0') }),
    expected: { subtotal: 1000n, discount: 0n, tax: 100n, total: 1100n },
  },
];

describe('priceCart', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const result = priceCart(input);
    expect(summarize(result)).toMatchObject(expected);
  });

  it('gives every line its taxes with base and amount', () => {
    const result = priceCart(cart([line('a', 1999n, 1, [state6, city25])]));
    expect(result.lines[0]?.taxes).toEqual([
      { taxId: 'state', name: 'State', ratePercent: '6', baseMinor: 1999n, amountMinor: 120n },
      { taxId: 'city', name: 'City', ratePercent: '2.5', baseMinor: 1999n, amountMinor: 50n },
    ]);
    expect(result.lines[0]).toMatchObject({
      lineId: 'a',
      quantity: 1,
      unitPriceMinor: 1999n,
      lineDiscountClamped: false,
    });
  });

  it('does not change its input', () => {
    const input = cart([line('a', 1000n, 2, [tax10], percentOff('10'))], { orderDiscount: amountOff(100n) });
    const copy = structuredClone(input);
    priceCart(input);
    expect(input).toEqual(copy);
  });
});
