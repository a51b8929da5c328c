import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiCallError } from '../../shared/api';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { creditFor } from './index';

describe('the credit of foreign notes (rounded up: the customer’s favour)', () => {
  it.each([
    [2000n, 'EUR', '1.0850', '21.7', 2170n, '0'],
    [500n, 'EUR', '1.0850', '5.425', 543n, '0.005'],
    [1000n, 'JPY', '0.0067', '6.7', 670n, '0'],
    [1n, 'GBP', '1.27', '0.0127', 2n, '0.0073'],
  ])(
    '%s %s at %s is %s exactly, credited %s (difference %s)',
    (tendered, currency, rate, exact, credited, diff) => {
      expect(creditFor(tendered, currency, 'USD', rate)).toEqual({ exact, credited, difference: diff });
    },
  );
});

describe('foreign cash', () => {
  let till: SalesTill;
  beforeEach(async () => {
    till = await openSalesTill();
    await till.openShift(10_000n);
  });
  afterEach(() => till.close());

  const fail = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as ApiCallError,
    );

  it('pays a sale at the manager’s rate with change in the store currency, and refunds in it', async () => {
    expect(
      await fail(till.core.call('fx.setRate', { currency: 'EUR', rate: '1.0850' }, till.cashier.session)),
    ).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await fail(till.core.call('fx.setRate', { currency: 'USD', rate: '1' }, till.manager.session)),
    ).toMatchObject({
      code: 'bad_input',
    });
    await till.core.call('fx.setRate', { currency: 'EUR', rate: '1.0850' }, till.manager.session);
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift); // $25.00, no tax
    const first = await till.core.call(
      'fx.cash',
      { orderId, currency: 'EUR', tendered: '2000' },
      till.cashier.session,
    );
    expect(first).toMatchObject({ creditedMinor: '2170', changeMinor: '0' });
    expect(first.order.amountDueMinor).toBe('330');
    const second = await till.core.call(
      'fx.cash',
      { orderId, currency: 'EUR', tendered: '500' },
      till.cashier.session,
    );
    expect(second).toMatchObject({ creditedMinor: '543', changeMinor: '213' });
    expect(second.order.status).toBe('paid');

    const eur = till.ledger.findAccount('EUR', 'cash_foreign', '');
    expect(eur ? till.ledger.balance(eur.id).net : 0n).toBe(2500n);
    expect(till.balance('fx_clearing')).toBe(2170n + 330n + 213n);
    const { positions } = await till.core.call('fx.position', {}, till.manager.session);
    expect(positions).toEqual([
      { currency: 'EUR', heldMinor: '2500', creditedMinor: '2713', differenceTotal: '0.005' },
    ]);

    const lineId = second.order.lines[0]?.id ?? '';
    await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'back' },
      till.manager.session,
    );
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('refuses a currency without a rate, and the tender without fx.cash; writes nothing', async () => {
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    expect(
      await fail(
        till.core.call('fx.cash', { orderId, currency: 'GBP', tendered: '100' }, till.cashier.session),
      ),
    ).toMatchObject({
      code: 'bad_input',
    });
    await till.core.call('fx.setRate', { currency: 'GBP', rate: '1.27' }, till.manager.session);
    expect(
      await fail(till.core.call('payments.start', { orderId, tender: 'foreign_cash' }, till.cashier.session)),
    ).toMatchObject({ code: 'bad_input' });
    expect(till.core.db.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(0);
    expect(till.core.db.prepare('SELECT COUNT(*) FROM fx_cash_payments').pluck().get()).toBe(0);
  });
});
