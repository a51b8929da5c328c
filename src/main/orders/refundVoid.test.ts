import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectApiError, openSalesTill, type SalesTill } from './salesTestKit';

let till: SalesTill;

beforeEach(async () => {
  till = await openSalesTill();
});
afterEach(() => till.close());

/** A paid order: 3 muffins (stock tracked) and 1 coffee, paid with a $20 note. */
async function paidOrder(): Promise<{ orderId: string; muffinLine: string; coffeeLine: string }> {
  const orderId = await till.newOrder();
  await till.add(orderId, till.muffin, 3);
  const cart = await till.add(orderId, till.coffee, 1);
  await till.payCash(orderId, 2000n);
  const muffinLine = cart.lines.find((line) => line.variantId === till.muffin)?.id ?? '';
  const coffeeLine = cart.lines.find((line) => line.variantId === till.coffee)?.id ?? '';
  return { orderId, muffinLine, coffeeLine };
}

describe('orders.refund', () => {
  it("needs a manager's approval; with it, refunds one muffin: ledger, drawer and stock", async () => {
    const shiftId = await till.openShift(10000n);
    const { orderId, muffinLine } = await paidOrder();
    // 3 × 2.25 = 6.75 + tax 0.60 (per line), coffee 3.50 + 0.31: total 11.16.
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(11116n);
    expect(till.onHand(till.muffin)).toBe(97);
    const refund = { orderId, lines: [{ lineId: muffinLine, quantity: 1 }], reason: 'stale' };

    const refused = await expectApiError(
      till.core.call('orders.refund', refund, till.cashier.session),
      'approval_required',
    );
    expect(refused.details).toMatchObject({ action: 'refund' });
    expect(till.core.db.prepare('SELECT COUNT(*) FROM refunds').pluck().get()).toBe(0);

    const approval = await till.approve('refund', orderId);
    const done = await till.core.call('orders.refund', { ...refund, approval }, till.cashier.session);
    // One of three: revenue 225, tax allocate(60, [1, 2]) = 20 → 2.45 back.
    expect(done.refund).toMatchObject({
      amountMinor: '245',
      netMinor: '225',
      taxMinor: '20',
      tipMinor: '0',
      complete: false,
      tender: 'cash',
      approvedBy: { staffId: till.manager.staffId, name: 'Mona Manager' },
      lines: [{ lineId: muffinLine, name: 'Muffin', quantity: 1, amountMinor: '245' }],
    });
    expect(done.order.status).toBe('partially_refunded');
    expect(done.order.lines.find((l) => l.id === muffinLine)).toMatchObject({
      refundedQuantity: 1,
      refundableQuantity: 2,
    });
    expect(done.order.refundedMinor).toBe('245');
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(11116n - 245n);
    expect(till.balance('sales_returns')).toBe(225n);
    expect(till.balance('tax_payable', 'sales_tax')).toBe(-(60n + 31n) + 20n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.onHand(till.muffin)).toBe(98);
    expect(till.ledger.checkInvariants().ok).toBe(true);

    // The approval was used once; another refund needs another one.
    await expectApiError(
      till.core.call('orders.refund', { ...refund, approval }, till.cashier.session),
      'approval_required',
    );
  });

  it('refuses more than is left with the refundable quantity, and writes nothing', async () => {
    await till.openShift();
    const { orderId, muffinLine } = await paidOrder();
    await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId: muffinLine, quantity: 2 }], reason: 'damaged' },
      till.manager.session,
    );
    const error = await expectApiError(
      till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId: muffinLine, quantity: 2 }], reason: 'damaged' },
        till.manager.session,
      ),
      'conflict',
    );
    expect(error.message).toBe('Only 1 of "Muffin" can still be refunded, not 2.');
    expect(error.details).toMatchObject({ refundableQuantity: 1 });
    expect(till.core.db.prepare('SELECT COUNT(*) FROM refunds').pluck().get()).toBe(1);
  });

  it('refunds everything left, with the tip: status refunded, refunds add up to the payments', async () => {
    await till.core.call('settings.update', { tipsEnabled: true }, till.owner.session);
    const shiftId = await till.openShift(0n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.muffin, 3);
    await till.core.call(
      'orders.setTip',
      { orderId, tip: { kind: 'amount', amount: '100' } },
      till.cashier.session,
    );
    const paid = await till.payCash(orderId, 1000n);
    const lineId = paid.order.lines[0]?.id ?? '';
    expect(paid.order.totals).toMatchObject({ totalMinor: '835', tipMinor: '100' });
    for (const quantity of [1, 1, 1]) {
      const approval = await till.approve('refund', orderId);
      await till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId, quantity }], reason: 'recall', approval },
        till.cashier.session,
      );
    }
    const { order } = await till.core.call('orders.get', { orderId }, till.cashier.session);
    expect(order.status).toBe('refunded');
    expect(order.refunds.map((r) => r.amountMinor)).toEqual(['245', '245', '345']);
    expect(order.refunds[2]).toMatchObject({ complete: true, tipMinor: '100' });
    expect(order.refundedMinor).toBe(order.paidMinor);
    expect(order.payments[0]).toMatchObject({ status: 'refunded', refundedMinor: '835' });
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(0n);
    expect(till.balance('tips_payable')).toBe(0n);
    expect(till.balance('tax_payable', 'sales_tax')).toBe(0n);
    expect(till.balance('sales_returns') + till.balance('sales_revenue')).toBe(0n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    await expectApiError(
      till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId, quantity: 1 }], reason: 'again' },
        till.manager.session,
      ),
      'conflict',
    );
  });

  it('refuses to refund an open order', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.coffee);
    const error = await expectApiError(
      till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId: cart.lines[0]?.id ?? '', quantity: 1 }], reason: 'x' },
        till.manager.session,
      ),
      'conflict',
    );
    expect(error.message).toMatch(/is not paid yet/);
  });
});

describe('orders.void', () => {
  it('hands back what the payments took, with a manager approval, and posts no revenue', async () => {
    const shiftId = await till.openShift(5000n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift, 2);
    await till.payCash(orderId, 2000n, 2000n);
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(7000n);
    await expectApiError(
      till.core.call('orders.void', { orderId, reason: 'walked out' }, till.cashier.session),
      'approval_required',
    );
    const approval = await till.approve('void', orderId);
    const { order } = await till.core.call(
      'orders.void',
      { orderId, reason: 'walked out', approval },
      till.cashier.session,
    );
    expect(order).toMatchObject({ status: 'voided', voidReason: 'walked out', amountDueMinor: '0' });
    expect(order.payments[0]).toMatchObject({ status: 'refunded', refundedMinor: '2000' });
    expect(till.balance('cash_drawer', `shift:${shiftId}`)).toBe(5000n);
    expect(till.balance('accounts_receivable')).toBe(0n);
    expect(till.balance('sales_revenue')).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
    await expectApiError(till.payCash(orderId, 3000n), 'conflict');
    const audit = await till.core.call(
      'audit.list',
      { action: 'orders.void', limit: 10 },
      till.owner.session,
    );
    expect(audit.entries[0]).toMatchObject({
      ref: orderId,
      details: { reason: 'walked out', approvedBy: till.manager.staffId },
    });
  });

  it('hands back cash taken in an earlier shift from the current drawer', async () => {
    const firstShift = await till.openShift(5000n);
    const partly = await till.newOrder();
    await till.add(partly, till.gift, 2);
    await till.payCash(partly, 2000n, 2000n);
    const { orderId: paid, muffinLine } = await paidOrder();
    await till.closeShift();
    expect(till.balance('cash_drawer', `shift:${firstShift}`)).toBe(0n);

    const secondShift = await till.openShift(8000n);
    await till.core.call('orders.void', { orderId: partly, reason: 'came back later' }, till.manager.session);
    await till.core.call(
      'orders.refund',
      { orderId: paid, lines: [{ lineId: muffinLine, quantity: 1 }], reason: 'stale' },
      till.manager.session,
    );
    expect(till.balance('cash_drawer', `shift:${firstShift}`)).toBe(0n);
    expect(till.balance('cash_drawer', `shift:${secondShift}`)).toBe(8000n - 2000n - 245n);
    const { xReport } = await till.core.call('shifts.current', {}, till.manager.session);
    expect(xReport?.cash).toMatchObject({ reversedMinor: '2000', cashRefundsMinor: '245', otherMinor: '0' });
    expect(xReport?.sales).toMatchObject({
      voids: { count: 1 },
      refunds: { count: 1, amountMinor: '245' },
      ordersPaid: 0,
    });
    expect(till.receivableOfOrder(partly)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('refuses to hand back more cash than the drawer holds, and writes nothing', async () => {
    await till.openShift(0n);
    const { orderId, muffinLine } = await paidOrder();
    await till.core.call(
      'shifts.cashMovement',
      { kind: 'drop', amount: '1116', reason: 'to the safe' },
      till.manager.session,
    );
    const error = await expectApiError(
      till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId: muffinLine, quantity: 1 }], reason: 'x' },
        till.manager.session,
      ),
      'insufficient_funds',
    );
    expect(error.details).toMatchObject({ requiredMinor: '245', availableMinor: '0' });
    expect(till.core.db.prepare('SELECT COUNT(*) FROM refunds').pluck().get()).toBe(0);
    expect(till.onHand(till.muffin)).toBe(97);
  });

  it('voids an empty order without approval', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    const { order } = await till.core.call(
      'orders.void',
      { orderId, reason: 'opened by mistake' },
      till.cashier.session,
    );
    expect(order.status).toBe('voided');
  });
});
