import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { accountBalance, drawerBalance, startTestCore, type TestTill } from './testSupport';

let till: TestTill;

beforeEach(async () => {
  till = await startTestCore();
});

afterEach(() => {
  till.close();
});

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A paid cash order of custom items (no tax class, so no tax); returns the order id. */
async function cashSale(session: string, pricesMinor: string[], tendered: string): Promise<string> {
  const { core } = till;
  const { order } = await core.call('orders.create', {}, session);
  for (const price of pricesMinor) {
    await core.call(
      'orders.addLine',
      { orderId: order.id, custom: { name: `Item ${price}`, unitPrice: price } },
      session,
    );
  }
  const paid = await core.call('payments.cash', { orderId: order.id, tendered }, session);
  expect(paid.order.status).toBe('paid');
  return order.id;
}

describe('shifts with real orders and cash payments', () => {
  it('refuses sales without a shift and while closing; the Z report freezes the sales summary', async () => {
    const { core, cashier, manager } = till;
    const noShift = await failure(core.call('orders.create', {}, cashier.session));
    expect(noShift.code).toBe('conflict');
    expect(noShift.details).toMatchObject({ reason: 'no_open_shift' });

    const { shift } = await core.call('shifts.open', { float: { amount: '10000' } }, cashier.session);
    const first = await cashSale(cashier.session, ['450', '325'], '1000');
    await cashSale(cashier.session, ['1800'], '2000');

    // A refund of the first order's second line, in cash from this shift's drawer.
    const order = (await core.call('orders.get', { orderId: first }, manager.session)).order;
    const line = order.lines.find((l) => l.unitPriceMinor === '325')!;
    await core.call(
      'orders.refund',
      { orderId: first, lines: [{ lineId: line.id, quantity: 1 }], reason: 'spilled' },
      manager.session,
    );

    // An open order with a cash payment is voided: its cash goes back.
    const { order: open } = await core.call('orders.create', {}, cashier.session);
    await core.call(
      'orders.addLine',
      { orderId: open.id, custom: { name: 'Cookie', unitPrice: '275' } },
      cashier.session,
    );
    await core.call('payments.cash', { orderId: open.id, tendered: '100', amount: '100' }, cashier.session);
    await core.call('orders.void', { orderId: open.id, reason: 'changed mind' }, manager.session);

    const live = await core.call('shifts.current', {}, cashier.session);
    expect(live.xReport?.cash).toMatchObject({
      openingFloatMinor: '10000',
      cashSalesMinor: '2675',
      cashRefundsMinor: '325',
      reversedMinor: '100',
      expectedMinor: '12250',
    });
    expect(live.xReport?.sales).toMatchObject({ ordersPaid: 2 });
    expect(BigInt(live.xReport!.cash!.expectedMinor)).toBe(drawerBalance(till, shift.id));

    const { order: late } = await core.call('orders.create', {}, cashier.session);
    await core.call(
      'orders.addLine',
      { orderId: late.id, custom: { name: 'Tea', unitPrice: '300' } },
      cashier.session,
    );
    await core.call('shifts.startClose', {}, cashier.session);
    const refused = await failure(
      core.call('payments.cash', { orderId: late.id, tendered: '300' }, cashier.session),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.details).toMatchObject({ reason: 'shift_closing' });
    await core.call('shifts.cancelClose', {}, cashier.session);
    await core.call('payments.cash', { orderId: late.id, tendered: '500' }, cashier.session);

    await core.call('shifts.startClose', {}, cashier.session);
    const closed = await core.call(
      'shifts.close',
      {
        counts: [
          { denominationMinor: '10000', count: 1 },
          { denominationMinor: '500', count: 5 },
          { denominationMinor: '25', count: 2 },
        ],
      },
      cashier.session,
    );
    const z = closed.zReport;
    expect(z.cash).toMatchObject({
      expectedMinor: '12550',
      countedTotalMinor: '12550',
      differenceMinor: '0',
    });
    expect(z.sales).toMatchObject({ ordersPaid: 3, cashSalesMinor: expect.any(String) });
    expect(z.sales?.refunds.count).toBe(1);
    expect(z.sales?.voids.count).toBe(1);
    expect(drawerBalance(till, shift.id)).toBe(0n);
    expect(accountBalance(till, 'cash_over_short')).toBe(0n);
    expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
    const frozen = JSON.stringify(z);

    // The next shift sells and refunds the first shift's order: the first Z report stays identical.
    const next = await core.call('shifts.open', { float: { amount: '5000' } }, manager.session);
    await cashSale(cashier.session, ['999'], '1000');
    const again = (await core.call('orders.get', { orderId: first }, manager.session)).order;
    const other = again.lines.find((l) => l.unitPriceMinor === '450')!;
    await core.call(
      'orders.refund',
      { orderId: first, lines: [{ lineId: other.id, quantity: 1 }], reason: 'cold' },
      manager.session,
    );
    expect(drawerBalance(till, next.shift.id)).toBe(5000n + 999n - 450n);
    expect(
      JSON.stringify((await core.call('shifts.zReport', { shiftId: shift.id }, manager.session)).zReport),
    ).toBe(frozen);
  });
});
