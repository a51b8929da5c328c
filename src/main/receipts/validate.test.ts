import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { type ReceiptModel } from './model';
import { sampleReceiptModel } from './samples';
import { receiptArithmeticProblems, validateReceiptModel } from './validate';

/** CAD, paid in cash: $14.18 rounds to the nickel, $14.20 handed over, $0.05 back. */
function cashRoundedModel(): ReceiptModel {
  return {
    ...sampleReceiptModel(),
    currency: 'CAD',
    locale: 'en-CA',
    lines: [{ name: 'Latte', quantity: 1, unitPriceMinor: 1418n, discountMinor: 0n, totalMinor: 1418n }],
    subtotalMinor: 1418n,
    orderDiscountMinor: 0n,
    taxes: [{ name: 'HST', ratePercent: '13', amountMinor: 163n, inclusive: true }],
    tipMinor: 0n,
    totalMinor: 1418n,
    cashRoundingMinor: 2n,
    tenders: [{ kind: 'cash', label: 'Cash', amountMinor: 1420n, tenderedMinor: 1500n, changeMinor: 80n }],
  };
}

const refund = (amountMinor: bigint, refundedAt = new Date('2026-11-21T21:00:00Z')) => ({
  refundedAt,
  amountMinor,
  lines: [],
});

describe('receipt arithmetic', () => {
  it.each<[string, () => ReceiptModel]>([
    ['the sample', sampleReceiptModel],
    ['a cash-rounded CAD sale with an included tax', cashRoundedModel],
    ['a voided sale with no tenders', () => ({ ...sampleReceiptModel(), status: 'voided', tenders: [] })],
    [
      'a partly refunded sale',
      () => ({ ...sampleReceiptModel(), status: 'partially_refunded', refunds: [refund(500n)] }),
    ],
    [
      'a fully refunded sale',
      () => ({ ...sampleReceiptModel(), status: 'refunded', refunds: [refund(3465n)] }),
    ],
  ])('accepts %s', (_name, make) => {
    expect(receiptArithmeticProblems(make())).toEqual([]);
    expect(() => validateReceiptModel(make())).not.toThrow();
  });

  const sample = sampleReceiptModel();
  const [flatWhite, muffin, beans] = sample.lines;
  if (flatWhite === undefined || muffin === undefined || beans === undefined) throw new Error('sample lines');
  it.each<[string, Partial<ReceiptModel>, string]>([
    [
      'a line total that is not qty × price − discount',
      { lines: [{ ...flatWhite, totalMinor: 949n }, muffin, beans] },
      'lines.0.total',
    ],
    ['a subtotal that is not the sum of the lines', { subtotalMinor: 3125n }, 'subtotal'],
    ['an order discount above the subtotal', { orderDiscountMinor: 4000n }, 'orderDiscount'],
    ['a total that ignores the tip', { totalMinor: 3165n }, 'total'],
    [
      'tenders short of the total',
      { tenders: [{ kind: 'card', label: 'Visa', amountMinor: 3000n }] },
      'tenders',
    ],
    [
      'change that does not match the cash tendered',
      {
        tenders: [
          { kind: 'cash', label: 'Cash', amountMinor: 3465n, tenderedMinor: 4000n, changeMinor: 500n },
        ],
      },
      'tenders.0',
    ],
    [
      'change on a card',
      { tenders: [{ kind: 'card', label: 'Visa', amountMinor: 3465n, changeMinor: 0n }] },
      'tenders.0',
    ],
    [
      'cash rounding without cash',
      { cashRoundingMinor: -5n, tenders: [{ kind: 'card', label: 'Visa', amountMinor: 3460n }] },
      'cashRounding',
    ],
    ['refunds on a "paid" receipt', { refunds: [refund(100n)] }, 'status'],
    ['a "refunded" receipt without refunds', { status: 'refunded' }, 'refunds'],
    [
      'refunds above what was paid',
      { status: 'refunded', refunds: [refund(3000n), refund(1000n)] },
      'refunds',
    ],
    [
      'a refund dated before the sale',
      { status: 'partially_refunded', refunds: [refund(100n, new Date('2026-11-20T00:00:00Z'))] },
      'refunds.0.refundedAt',
    ],
  ])('finds %s', (_name, change, path) => {
    const model = { ...sampleReceiptModel(), ...change };
    const problems = receiptArithmeticProblems(model);
    expect(problems.map((p) => p.path)).toContain(path);
    let thrown: unknown;
    try {
      validateReceiptModel(model);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TillpointError);
    expect((thrown as TillpointError).code).toBe('bad_input');
    expect((thrown as TillpointError).message).toContain(`${path} `);
    expect((thrown as TillpointError).details).toEqual({ problems });
  });

  it('returns a trimmed copy and leaves the input alone', () => {
    const model = { ...sampleReceiptModel(), cashierName: '  Dana  ' };
    expect(validateReceiptModel(model).cashierName).toBe('Dana');
    expect(model.cashierName).toBe('  Dana  ');
  });
});
