import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monotonicFactory } from 'ulid';
import { expectApiError, openSalesTill, type SalesTill } from '../../orders/salesTestKit';

let till: SalesTill;
const ulid = monotonicFactory();

beforeEach(async () => {
  till = await openSalesTill();
});
afterEach(() => till.close());

describe('a cash sale', () => {
  it('is written whole: order paid, ledger balanced, drawer holds the cash, stock out, audited', async () => {
    const shiftId = await till.openShift(10000n);
    const drawerOpens: string[] = [];
    till.core.events.on('drawer.open', (payload) => drawerOpens.push(payload.cause));
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee, 2);
    const cart = await till.add(orderId, till.muffin, 1);
    // 2 × 3.50 + 2.25 = 9.25; tax 8.875 % per line: 0.62 + 0.20 = 0.82 → 10.07.
    expect(cart.totals).toMatchObject({ subtotalMinor: '925', taxTotalMinor: '82', totalMinor: '1007' });
    expect(cart.amountDueMinor).toBe('1007');

    const paid = await till.payCash(orderId, 2000n);
    expect(paid.changeMinor).toBe('993');
    expect(paid.payment).toMatchObject({
      kind: 'cash',
      status: 'succeeded',
      amountMinor: '1007',
      tenderedMinor: '2000',
    });
    expect(paid.order).toMatchObject({ status: 'paid', amountDueMinor: '0', paidMinor: '1007' });
    expect(paid.order.paidAt).not.toBeNull();
    expect(drawerOpens).toEqual(['payment']);

    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.balance('accounts_receivable')).toBe(0n);
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(10000n + 1007n);
    expect(till.balance('sales_revenue')).toBe(-925n);
    expect(till.balance('tax_payable', 'sales_tax')).toBe(-82n);
    expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
    expect(till.onHand(till.muffin)).toBe(99);
    const audit = await till.core.call('audit.list', { limit: 100 }, till.owner.session);
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['orders.paid', 'payments.started', 'payments.succeeded']),
    );
  });

  it('refuses too little cash with the amount required, and writes nothing', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const error = await expectApiError(till.payCash(orderId, 2000n), 'bad_input');
    expect(error.message).toMatch(/less than the 25\.00 USD to pay/);
    expect(error.details).toMatchObject({ requiredMinor: '2500', tenderedMinor: '2000' });
    const order = (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
    expect(order).toMatchObject({ status: 'open', payments: [], amountDueMinor: '2500' });
  });

  it('needs an open shift', async () => {
    const error = await expectApiError(till.core.call('orders.create', {}, till.cashier.session), 'conflict');
    expect(error.details).toMatchObject({ reason: 'no_open_shift' });
  });

  it('refuses to pay an empty order', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    const error = await expectApiError(till.payCash(orderId, 100n), 'conflict');
    expect(error.message).toMatch(/has no items to pay for/);
  });

  it('takes a split tender: two cash payments, paid with the second', async () => {
    const shiftId = await till.openShift(5000n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift, 2);
    const first = await till.payCash(orderId, 2000n, 2000n);
    expect(first.order).toMatchObject({ status: 'open', amountDueMinor: '3000', paidMinor: '2000' });
    expect(first.changeMinor).toBe('0');
    expect(till.balance('sales_revenue')).toBe(0n);
    expect(till.balance('accounts_receivable')).toBe(-2000n);

    const second = await till.payCash(orderId, 5000n);
    expect(second.changeMinor).toBe('2000');
    expect(second.order).toMatchObject({ status: 'paid', amountDueMinor: '0', paidMinor: '5000' });
    expect(second.order.payments.map((p) => p.amountMinor)).toEqual(['2000', '3000']);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(10000n);
    expect(till.balance('sales_revenue')).toBe(-5000n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('applies cash rounding when cash settles the order, and posts the difference', async () => {
    await till.core.call('settings.update', { cashRoundingIncrementMinor: '5' }, till.owner.session);
    const shiftId = await till.openShift(0n);
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.coffee, 1);
    // 3.50 + 0.31 tax = 3.81 → 3.80 in cash.
    expect(cart).toMatchObject({ amountDueMinor: '381', cashAmountDueMinor: '380' });
    const quick = await till.core.call('payments.quickAmounts', { orderId }, till.cashier.session);
    expect(quick).toMatchObject({
      cashAmountDueMinor: '380',
      amountsMinor: ['380', '400', '500', '1000', '2000', '5000', '10000'],
    });
    await expectApiError(till.payCash(orderId, 383n), 'bad_input');
    const paid = await till.payCash(orderId, 500n);
    expect(paid.changeMinor).toBe('120');
    expect(paid.payment).toMatchObject({ amountMinor: '380', roundingMinor: '-1' });
    expect(paid.order.totals).toMatchObject({
      totalMinor: '381',
      cashRoundingMinor: '-1',
      cashTotalMinor: '380',
    });
    expect(till.balance('cash_rounding')).toBe(1n);
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(380n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('returns the first result for a retry with the same payment id, and writes nothing twice', async () => {
    const shiftId = await till.openShift(0n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift, 1);
    const paymentId = ulid();
    const input = { orderId, paymentId, tendered: '3000' };
    const first = await till.core.call('payments.cash', input, till.cashier.session);
    const transfersBefore = till.core.db.prepare('SELECT COUNT(*) FROM ledger_transfers').pluck().get();
    const auditBefore = till.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    const again = await till.core.call('payments.cash', input, till.cashier.session);
    expect(again).toEqual(first);
    expect(till.core.db.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(1);
    expect(till.core.db.prepare('SELECT COUNT(*) FROM ledger_transfers').pluck().get()).toBe(transfersBefore);
    expect(till.core.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(2500n);
    // The same id for another payment is refused.
    const other = await expectApiError(
      till.core.call('payments.cash', { ...input, tendered: '5000' }, till.cashier.session),
      'conflict',
    );
    expect(other.details).toMatchObject({ reason: 'payment_id_reused' });
  });

  it('keeps a paid order as it was: no more lines, discounts, tips or payments', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.coffee, 1);
    const lineId = cart.lines[0]?.id ?? '';
    await till.payCash(orderId, 1000n);
    const session = till.cashier.session;
    const attempts = [
      till.core.call('orders.addLine', { orderId, variantId: till.muffin }, session),
      till.core.call('orders.updateLine', { orderId, lineId, quantity: 3 }, session),
      till.core.call('orders.removeLine', { orderId, lineId }, session),
      till.core.call('orders.setDiscount', { orderId, discount: { kind: 'percent', percent: '5' } }, session),
      till.core.call('orders.setTip', { orderId, tip: null }, session),
      till.payCash(orderId, 1000n),
      till.core.call('orders.void', { orderId, reason: 'changed mind' }, till.manager.session),
    ];
    for (const attempt of attempts) {
      const error = await expectApiError(attempt, 'conflict');
      expect(error.message).toMatch(/^Order 1001 is paid/);
    }
    const after = (await till.core.call('orders.get', { orderId }, session)).order;
    expect(after.lines).toHaveLength(1);
    expect(after.lines[0]?.quantity).toBe(1);
    expect(after.status).toBe('paid');
  });
});
