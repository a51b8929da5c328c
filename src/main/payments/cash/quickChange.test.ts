import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSalesTill, type SalesTill } from '../../orders/salesTestKit';

let till: SalesTill;

beforeEach(async () => {
  till = await openSalesTill();
});
afterEach(() => till.close());

describe('payments.quickAmounts: the change before the payment is taken', () => {
  it('gives each quick amount its change, planned as payments.cash takes it', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee, 1); // 3.50 + 0.31 tax = 3.81
    const quick = await till.core.call('payments.quickAmounts', { orderId }, till.cashier.session);
    expect(quick.options).toEqual([
      { tenderedMinor: '381', changeMinor: '0' },
      { tenderedMinor: '400', changeMinor: '19' },
      { tenderedMinor: '500', changeMinor: '119' },
      { tenderedMinor: '1000', changeMinor: '619' },
      { tenderedMinor: '2000', changeMinor: '1619' },
      { tenderedMinor: '5000', changeMinor: '4619' },
      { tenderedMinor: '10000', changeMinor: '9619' },
    ]);
    expect(quick.typed).toBeNull();
    // The change shown is the change taken.
    const paid = await till.payCash(orderId, 2000n);
    expect(paid.changeMinor).toBe('1619');
  });

  it('answers a typed amount with its change, or why it cannot be taken, writing nothing', async () => {
    await till.core.call('settings.update', { cashRoundingIncrementMinor: '5' }, till.owner.session);
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee, 1); // 3.81 → 3.80 in cash
    const call = (tendered: string, amount?: string) =>
      till.core.call(
        'payments.quickAmounts',
        { orderId, tendered, ...(amount ? { amount } : {}) },
        till.cashier.session,
      );
    expect((await call('1000')).typed).toEqual({ ok: true, tenderedMinor: '1000', changeMinor: '620' });
    const short = (await call('300')).typed;
    expect(short).toMatchObject({ ok: false, tenderedMinor: '300' });
    expect(short && !short.ok && short.problem).toMatch(/less than the 3\.80 USD to pay/);
    expect((await call('383')).typed).toMatchObject({ ok: false });
    // A split: 2.00 of it in cash now; a 5 gives 3.00 back.
    const split = await call('500', '200');
    expect(split.typed).toEqual({ ok: true, tenderedMinor: '500', changeMinor: '300' });
    expect(split.options[0]).toEqual({ tenderedMinor: '200', changeMinor: '0' });
    const order = (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
    expect(order).toMatchObject({ status: 'open', payments: [] });
  });
});
