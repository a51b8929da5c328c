import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing';
import { rate } from './testing';
import { type Discount, type PricingInput, type TaxRate, type Tip } from './types';

const ratePool: TaxRate[] = [
  rate('zero', '0'),
  rate('vat5', '5'),
  rate('vat20', '20'),
  rate('state', '6.25'),
  rate('city', '2.375'),
  rate('nyc', '8.875'),
  rate('odd', '33.333333'),
  rate('full', '100'),
];

const percent = fc.oneof(
  fc.constantFrom('0', '5', '10', '12.5', '33.33', '50', '99.99', '100'),
  fc.integer({ min: 0, max: 100_000_000 }).map((scaled) => {
    // percent × 10^6 as text, without a float: 12_500_000 → "12.5"
    const whole = String(Math.trunc(scaled / 1_000_000));
    const fraction = String(scaled % 1_000_000)
      .padStart(6, '0')
      .replace(/0+$/, '');
    return fraction === '' ? whole : `${whole}.${fraction}`;
  }),
);
const discount: fc.Arbitrary<Discount> = fc.oneof(
  fc.record({ kind: fc.constant('amount' as const), amountMinor: fc.bigInt({ min: 0n, max: 200_000n }) }),
  fc.record({ kind: fc.constant('percent' as const), percent }),
);
const tip: fc.Arbitrary<Tip> = fc.oneof(
  fc.record({ kind: fc.constant('amount' as const), amountMinor: fc.bigInt({ min: 0n, max: 10_000n }) }),
  fc.record({
    kind: fc.constant('percent' as const),
    percent,
    base: fc.constantFrom('pre_tax' as const, 'post_tax' as const),
  }),
);

const cartInput: fc.Arbitrary<PricingInput> = fc
  .record(
    {
      lines: fc.array(
        fc.record(
          {
            unitPriceMinor: fc.oneof(
              fc.bigInt({ min: 0n, max: 100n }),
              fc.bigInt({ min: 0n, max: 100_000n }),
            ),
            quantity: fc.integer({ min: 1, max: 50 }),
            taxRates: fc.subarray(ratePool, { maxLength: 3 }),
            discount,
          },
          { requiredKeys: ['unitPriceMinor', 'quantity', 'taxRates'] },
        ),
        { maxLength: 8 },
      ),
      orderDiscount: discount,
      taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
      taxRounding: fc.constantFrom('per_line' as const, 'per_order' as const),
      roundingMode: fc.constantFrom('half_up' as const, 'half_even' as const),
      tip,
      cashRoundingIncrementMinor: fc.constantFrom(1n, 5n, 10n, 100n),
    },
    { requiredKeys: ['lines', 'taxMode', 'taxRounding', 'roundingMode'] },
  )
  .map((input) => ({
    ...input,
    lines: input.lines.map((line, index) => ({ ...line, lineId: `line-${index}` })),
  }));

const sum = (values: readonly bigint[]): bigint => values.reduce((total, value) => total + value, 0n);
const runs = { numRuns: 1500 };

describe('priceCart properties', () => {
  it('total = subtotal − discounts + tax (when added) + tip, and the lines add up to it', () => {
    fc.assert(
      fc.property(cartInput, (input) => {
        const result = priceCart(input);
        const addedTax = input.taxMode === 'exclusive' ? result.taxTotalMinor : 0n;
        expect(result.totalMinor).toBe(
          result.subtotalMinor - result.discountTotalMinor + addedTax + result.tipMinor,
        );
        expect(result.subtotalMinor).toBe(sum(result.lines.map((line) => line.grossMinor)));
        expect(result.discountTotalMinor).toBe(result.lineDiscountTotalMinor + result.orderDiscountMinor);
        expect(sum(result.lines.map((line) => line.totalMinor)) + result.tipMinor).toBe(result.totalMinor);
        expect(sum(result.lines.map((line) => line.taxMinor))).toBe(result.taxTotalMinor);
        expect(sum(result.taxes.map((tax) => tax.amountMinor))).toBe(result.taxTotalMinor);
      }),
      runs,
    );
  });

  it('the lines’ order-discount shares sum to the order discount', () => {
    fc.assert(
      fc.property(cartInput, (input) => {
        const result = priceCart(input);
        expect(sum(result.lines.map((line) => line.orderDiscountShareMinor))).toBe(result.orderDiscountMinor);
      }),
      runs,
    );
  });

  it('no line, tax, base or total is ever negative, and tax never exceeds an included price', () => {
    fc.assert(
      fc.property(cartInput, (input) => {
        const result = priceCart(input);
        for (const line of result.lines) {
          expect(line.lineDiscountMinor).toBeGreaterThanOrEqual(0n);
          expect(line.orderDiscountShareMinor).toBeGreaterThanOrEqual(0n);
          expect(line.netMinor).toBeGreaterThanOrEqual(0n);
          expect(line.netMinor).toBe(line.grossMinor - line.lineDiscountMinor - line.orderDiscountShareMinor);
          expect(line.taxMinor).toBeGreaterThanOrEqual(0n);
          if (input.taxMode === 'inclusive') expect(line.taxMinor).toBeLessThanOrEqual(line.netMinor);
          for (const tax of line.taxes) {
            expect(tax.amountMinor).toBeGreaterThanOrEqual(0n);
            expect(tax.baseMinor).toBeGreaterThanOrEqual(0n);
          }
        }
        expect(result.totalMinor).toBeGreaterThanOrEqual(0n);
      }),
      runs,
    );
  });

  it('cash rounding moves the total by at most half an increment, to a multiple of it', () => {
    fc.assert(
      fc.property(cartInput, (input) => {
        const result = priceCart(input);
        const increment = input.cashRoundingIncrementMinor ?? 1n;
        expect(result.cashTotalMinor % increment).toBe(0n);
        expect(result.cashRoundingMinor).toBe(result.cashTotalMinor - result.totalMinor);
        expect(2n * result.cashRoundingMinor).toBeLessThanOrEqual(increment);
        expect(-2n * result.cashRoundingMinor).toBeLessThan(increment);
      }),
      runs,
    );
  });

  it('tax added per line is each line’s exact tax rounded: within half a unit per rate', () => {
    fc.assert(
      fc.property(cartInput, (input) => {
        const result = priceCart({ ...input, taxMode: 'exclusive', taxRounding: 'per_line' });
        for (const line of result.lines) {
          for (const tax of line.taxes) {
            const [whole = '0', fraction = ''] = tax.ratePercent.split('.');
            const scaled = BigInt(whole + fraction.padEnd(6, '0'));
            // |amount − base × rate| ≤ 1/2  ⇔  |2 × amount × 10^8 − 2 × base × scaled| ≤ 10^8
            const gap = 2n * tax.amountMinor * 100_000_000n - 2n * tax.baseMinor * scaled;
            expect(gap < 0n ? -gap : gap).toBeLessThanOrEqual(100_000_000n);
          }
        }
      }),
      runs,
    );
  });
});
