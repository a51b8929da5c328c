import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawerFigures, type CashFigures, type DrawerMovement } from './drawerFigures';

const debit = (code: string, amount: bigint, kind: DrawerMovement['kind'] = 'single'): DrawerMovement => ({
  side: 'debit',
  kind,
  code,
  amount,
});
const credit = (code: string, amount: bigint): DrawerMovement => ({
  side: 'credit',
  kind: 'single',
  code,
  amount,
});

const zero: CashFigures = {
  openingFloatMinor: 0n,
  cashSalesMinor: 0n,
  cashRefundsMinor: 0n,
  reversedMinor: 0n,
  payInsMinor: 0n,
  payOutsMinor: 0n,
  dropsMinor: 0n,
  otherMinor: 0n,
  expectedMinor: 0n,
};

describe('drawerFigures', () => {
  it.each<[string, DrawerMovement[], Partial<CashFigures>]>([
    ['nothing', [], {}],
    ['a float', [debit('float', 15000n)], { openingFloatMinor: 15000n, expectedMinor: 15000n }],
    [
      'float, two cash sales and a refund',
      [
        debit('float', 10000n),
        debit('tender_cash', 1250n),
        debit('tender_cash', 700n),
        credit('refund', 300n),
      ],
      { openingFloatMinor: 10000n, cashSalesMinor: 1950n, cashRefundsMinor: 300n, expectedMinor: 11650n },
    ],
    [
      'a voided cash payment',
      [debit('tender_cash', 500n), credit('reversal', 500n)],
      { cashSalesMinor: 500n, reversedMinor: 500n, expectedMinor: 0n },
    ],
    [
      'pay-in, pay-out and drop',
      [debit('float', 5000n), debit('pay_in', 2000n), credit('pay_out', 450n), credit('drop', 4000n)],
      {
        openingFloatMinor: 5000n,
        payInsMinor: 2000n,
        payOutsMinor: 450n,
        dropsMinor: 4000n,
        expectedMinor: 2550n,
      },
    ],
    ['an unknown code', [credit('mystery', 20n)], { otherMinor: -20n, expectedMinor: -20n }],
    ['pending movements do not count', [debit('tender_cash', 900n, 'pending')], {}],
    [
      'a posted pending counts',
      [debit('tender_cash', 900n, 'post_pending')],
      { cashSalesMinor: 900n, expectedMinor: 900n },
    ],
  ])('%s', (_label, movements, expected) => {
    expect(drawerFigures(movements)).toEqual({ ...zero, ...expected });
  });

  it('the parts always add up to the expected cash', () => {
    const f = drawerFigures([
      debit('float', 10000n),
      debit('tender_cash', 3333n),
      credit('refund', 1000n),
      credit('reversal', 33n),
      debit('pay_in', 500n),
      credit('pay_out', 250n),
      credit('drop', 5000n),
      debit('odd', 7n),
    ]);
    expect(
      f.openingFloatMinor +
        f.cashSalesMinor -
        f.cashRefundsMinor -
        f.reversedMinor +
        f.payInsMinor -
        f.payOutsMinor -
        f.dropsMinor +
        f.otherMinor,
    ).toBe(f.expectedMinor);
  });
});

describe('drawerFigures (property)', () => {
  const codes = [
    'float',
    'tender_cash',
    'refund',
    'reversal',
    'pay_in',
    'pay_out',
    'drop',
    'cash_short',
    'other',
  ];
  const movement = fc.record({
    side: fc.constantFrom<'debit' | 'credit'>('debit', 'credit'),
    kind: fc.constantFrom<DrawerMovement['kind']>('single', 'pending', 'post_pending', 'void_pending'),
    code: fc.constantFrom(...codes),
    amount: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  });

  it('the parts add up to the expected cash, which is the posted balance', () => {
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 60 }), (movements) => {
        const f = drawerFigures(movements);
        const posted = movements
          .filter((m) => m.kind === 'single' || m.kind === 'post_pending')
          .reduce((sum, m) => sum + (m.side === 'debit' ? m.amount : -m.amount), 0n);
        expect(f.expectedMinor).toBe(posted);
        expect(
          f.openingFloatMinor +
            f.cashSalesMinor -
            f.cashRefundsMinor -
            f.reversedMinor +
            f.payInsMinor -
            f.payOutsMinor -
            f.dropsMinor +
            f.otherMinor,
        ).toBe(posted);
      }),
    );
  });
});
