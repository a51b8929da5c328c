import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../../shared/api/errors';
import { cashAmountDue, planCashTender, quickAmounts } from './cashRules';

describe('quickAmounts', () => {
  it.each([
    ['USD 12.34', 1234n, 'USD', [1234n, 1300n, 1500n, 2000n, 5000n, 10000n]],
    ['USD 20.00 exactly', 2000n, 'USD', [2000n, 5000n, 10000n]],
    ['USD 0.99', 99n, 'USD', [99n, 100n, 500n, 1000n, 2000n, 5000n, 10000n]],
    ['USD 123.45', 12345n, 'USD', [12345n, 12400n, 12500n, 13000n, 14000n, 15000n, 20000n]],
    ['USD 250.00', 25000n, 'USD', [25000n, 26000n, 30000n]],
    ['USD 1.00', 100n, 'USD', [100n, 500n, 1000n, 2000n, 5000n, 10000n]],
    ['JPY 1234 (no decimals)', 1234n, 'JPY', [1234n, 1235n, 1240n, 1250n, 1300n]],
    ['BHD 1.234 (three decimals)', 1234n, 'BHD', [1234n, 2000n, 5000n, 10000n, 20000n, 50000n, 100000n]],
    ['nothing due', 0n, 'USD', []],
    ['overpaid', -5n, 'USD', []],
  ])('%s', (_label, dueMinor, currency, expected) => {
    expect(quickAmounts(dueMinor, currency)).toEqual(expected);
  });
});

describe('cashAmountDue', () => {
  it.each([
    [1417n, 5n, 1415n],
    [1418n, 5n, 1420n],
    [1415n, 5n, 1415n],
    [1412n, 5n, 1410n],
    [1413n, 5n, 1415n],
    [1415n, 10n, 1420n],
    [1414n, 10n, 1410n],
    [1417n, 0n, 1417n],
    [2n, 5n, 0n],
    [3n, 5n, 5n],
    [0n, 5n, 0n],
  ])('%s with increment %s → %s', (dueMinor, incrementMinor, expected) => {
    expect(cashAmountDue(dueMinor, incrementMinor)).toBe(expected);
  });
});

describe('planCashTender', () => {
  it.each([
    [
      'exact, no rounding',
      { dueMinor: 1250n, incrementMinor: 0n, tenderedMinor: 1250n },
      [1250n, 0n, true, 0n],
    ],
    [
      'a 20 for 12.50',
      { dueMinor: 1250n, incrementMinor: 0n, tenderedMinor: 2000n },
      [1250n, 750n, true, 0n],
    ],
    [
      'rounded down to 14.15',
      { dueMinor: 1417n, incrementMinor: 5n, tenderedMinor: 2000n },
      [1415n, 585n, true, -2n],
    ],
    [
      'rounded up to 14.20',
      { dueMinor: 1418n, incrementMinor: 5n, tenderedMinor: 1420n },
      [1420n, 0n, true, 2n],
    ],
    [
      'split: 10 of 12.50',
      { dueMinor: 1250n, incrementMinor: 0n, tenderedMinor: 1000n, amountMinor: 1000n },
      [1000n, 0n, false, 0n],
    ],
    [
      'split: 5 applied from a 20',
      { dueMinor: 1250n, incrementMinor: 0n, tenderedMinor: 2000n, amountMinor: 500n },
      [500n, 1500n, false, 0n],
    ],
    [
      'amount equal to what is due settles',
      { dueMinor: 1250n, incrementMinor: 0n, tenderedMinor: 1250n, amountMinor: 1250n },
      [1250n, 0n, true, 0n],
    ],
    [
      'amount equal to the cash due settles with rounding',
      { dueMinor: 1417n, incrementMinor: 5n, tenderedMinor: 1415n, amountMinor: 1415n },
      [1415n, 0n, true, -2n],
    ],
    [
      'a free order settles with nothing applied',
      { dueMinor: 0n, incrementMinor: 0n, tenderedMinor: 0n },
      [0n, 0n, true, 0n],
    ],
    [
      'a remainder that rounds to nothing in cash',
      { dueMinor: 2n, incrementMinor: 5n, tenderedMinor: 0n },
      [0n, 0n, true, -2n],
    ],
  ] as const)('%s', (_label, input, [appliedMinor, changeMinor, settles, roundingMinor]) => {
    expect(planCashTender({ ...input, currency: 'USD' })).toEqual({
      appliedMinor,
      changeMinor,
      settles,
      roundingMinor,
    });
  });

  it.each([
    [
      'too little tendered',
      { dueMinor: 1250n, tenderedMinor: 1000n },
      'bad_input',
      /Tendered 10\.00 USD is less than the 12\.50 USD/,
    ],
    [
      'too little for the part',
      { dueMinor: 1250n, tenderedMinor: 400n, amountMinor: 500n },
      'bad_input',
      /less than the 5\.00 USD/,
    ],
    [
      'more than due',
      { dueMinor: 1250n, tenderedMinor: 2000n, amountMinor: 1300n },
      'bad_input',
      /Only 12\.50 USD is due/,
    ],
    ['zero amount', { dueMinor: 1250n, tenderedMinor: 2000n, amountMinor: 0n }, 'bad_input', /above zero/],
    ['overpaid already', { dueMinor: -5n, tenderedMinor: 2000n }, 'conflict', /Nothing is due/],
    ['negative tendered', { dueMinor: 100n, tenderedMinor: -1n }, 'bad_input', /cannot be negative/],
    [
      'tendered not in cash steps',
      { dueMinor: 1417n, incrementMinor: 5n, tenderedMinor: 1417n },
      'bad_input',
      /steps of 0\.05 USD/,
    ],
    [
      'split part not in cash steps',
      { dueMinor: 1417n, incrementMinor: 5n, tenderedMinor: 1000n, amountMinor: 503n },
      'bad_input',
      /The amount 5\.03 USD cannot be paid in cash/,
    ],
  ] as const)('refuses %s', (_label, input, code, message) => {
    let thrown: unknown;
    try {
      planCashTender({ incrementMinor: 0n, ...input, currency: 'USD' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TillpointError);
    expect((thrown as TillpointError).code).toBe(code);
    expect((thrown as TillpointError).message).toMatch(message);
  });

  it('tells the required amount when too little is tendered', () => {
    expect(() =>
      planCashTender({ dueMinor: 1250n, incrementMinor: 0n, tenderedMinor: 1000n, currency: 'USD' }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ requiredMinor: '1250' }) }));
  });
});
