import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { type RefundLineRecord } from './refundsStore';
import { planLineRefund, refundedSoFar, refundMoney, type RefundableLine } from './refundRules';

const coffee: RefundableLine = {
  lineId: 'L1',
  name: 'Coffee',
  quantity: 3,
  netMinor: 1000n,
  taxes: [{ taxId: 'vat', amountMinor: 89n }],
};
const cake: RefundableLine = { lineId: 'L2', name: 'Cake', quantity: 1, netMinor: 450n, taxes: [] };

describe('planLineRefund', () => {
  it.each([
    ['one of three', [{ lineId: 'L1', quantity: 1 }], [[333n, 30n]], false],
    ['two of three', [{ lineId: 'L1', quantity: 2 }], [[667n, 59n]], false],
    ['all three', [{ lineId: 'L1', quantity: 3 }], [[1000n, 89n]], false],
    [
      'everything',
      [
        { lineId: 'L1', quantity: 3 },
        { lineId: 'L2', quantity: 1 },
      ],
      [
        [1000n, 89n],
        [450n, null],
      ],
      true,
    ],
  ] as const)('refunds %s', (_label, requests, expected, completes) => {
    const plan = planLineRefund([coffee, cake], new Map(), requests);
    expect(plan.lines.map((line) => [line.netMinor, line.taxes[0]?.amountMinor ?? null])).toEqual(expected);
    expect(plan.completes).toBe(completes);
    expect(plan.linesMinor).toBe(plan.lines.reduce((sum, line) => sum + line.amountMinor, 0n));
  });

  it('gives exactly what is left when the rest of a line is refunded', () => {
    const first = planLineRefund([coffee], new Map(), [{ lineId: 'L1', quantity: 1 }]);
    const second = planLineRefund([coffee], refundedSoFar([first]), [{ lineId: 'L1', quantity: 1 }]);
    const third = planLineRefund([coffee], refundedSoFar([first, second]), [{ lineId: 'L1', quantity: 1 }]);
    const nets = [first, second, third].map((plan) => plan.netMinor);
    expect(nets).toEqual([333n, 334n, 333n]);
    expect(nets.reduce((a, b) => a + b, 0n)).toBe(1000n);
    expect([first, second, third].map((plan) => plan.taxes[0]?.amountMinor)).toEqual([30n, 30n, 29n]);
    expect(third.completes).toBe(true);
  });

  it.each([
    ['an unknown line', [{ lineId: 'L9', quantity: 1 }], 'bad_input', /not on this order/],
    [
      'a line twice',
      [
        { lineId: 'L1', quantity: 1 },
        { lineId: 'L1', quantity: 1 },
      ],
      'bad_input',
      /named twice/,
    ],
    [
      'more than sold',
      [{ lineId: 'L1', quantity: 4 }],
      'conflict',
      /Only 3 of "Coffee" can still be refunded, not 4/,
    ],
    ['zero units', [{ lineId: 'L1', quantity: 0 }], 'bad_input', /at least 1/],
  ] as const)('refuses %s', (_label, requests, code, message) => {
    let thrown: unknown;
    try {
      planLineRefund([coffee, cake], new Map(), requests);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TillpointError);
    expect((thrown as TillpointError).code).toBe(code);
    expect((thrown as TillpointError).message).toMatch(message);
  });

  it('tells the refundable quantity when too many are asked back', () => {
    const first = planLineRefund([coffee], new Map(), [{ lineId: 'L1', quantity: 2 }]);
    expect(() => planLineRefund([coffee], refundedSoFar([first]), [{ lineId: 'L1', quantity: 2 }])).toThrow(
      expect.objectContaining({
        code: 'conflict',
        details: expect.objectContaining({ refundableQuantity: 1 }),
      }),
    );
    const rest = planLineRefund([coffee], refundedSoFar([first]), [{ lineId: 'L1', quantity: 1 }]);
    expect(() =>
      planLineRefund([coffee], refundedSoFar([first, rest]), [{ lineId: 'L1', quantity: 1 }]),
    ).toThrow(/already fully refunded/);
  });

  it('never drifts: any sequence of partial refunds adds up to the line exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 40 }),
        (quantity, netMinor, taxMinor, steps) => {
          const line: RefundableLine = {
            lineId: 'L',
            name: 'Item',
            quantity,
            netMinor,
            taxes: [{ taxId: 't', amountMinor: taxMinor }],
          };
          const done: { lines: RefundLineRecord[] }[] = [];
          let left = quantity;
          for (const step of steps) {
            if (left === 0) break;
            const take = Math.min(step, left);
            const plan = planLineRefund([line], refundedSoFar(done), [{ lineId: 'L', quantity: take }]);
            done.push(plan);
            left -= take;
          }
          const total = refundedSoFar(done).get('L');
          if (left === 0) {
            expect(total?.netMinor).toBe(netMinor);
            expect(total?.taxes[0]?.amountMinor).toBe(taxMinor);
          } else {
            expect((total?.netMinor ?? 0n) <= netMinor).toBe(true);
          }
        },
      ),
    );
  });
});

describe('refundMoney', () => {
  it.each([
    [
      'no rounding, partial',
      { owedMinor: 500n, completes: false, paidMinor: 1500n, refundedMinor: 0n, cashIncrementMinor: 0n },
      [500n, 0n],
    ],
    [
      'cash rounded up for the customer',
      { owedMinor: 347n, completes: false, paidMinor: 1415n, refundedMinor: 0n, cashIncrementMinor: 5n },
      [350n, 3n],
    ],
    [
      'already a cash step',
      { owedMinor: 345n, completes: false, paidMinor: 1415n, refundedMinor: 0n, cashIncrementMinor: 5n },
      [345n, 0n],
    ],
    [
      'the last refund gives what is left of the payments',
      { owedMinor: 1070n, completes: true, paidMinor: 1415n, refundedMinor: 350n, cashIncrementMinor: 5n },
      [1065n, -5n],
    ],
    [
      'a full refund of a rounded-down sale',
      { owedMinor: 1417n, completes: true, paidMinor: 1415n, refundedMinor: 0n, cashIncrementMinor: 5n },
      [1415n, -2n],
    ],
    [
      'never more than is left',
      { owedMinor: 2n, completes: false, paidMinor: 5n, refundedMinor: 5n, cashIncrementMinor: 5n },
      [0n, -2n],
    ],
  ] as const)('%s', (_label, input, [amountMinor, roundingMinor]) => {
    expect(refundMoney(input)).toEqual({ amountMinor, roundingMinor });
  });
});
