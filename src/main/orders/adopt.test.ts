/**
 * Issue 8, finding 6: who rang an order up and who took its payments. An emptied order left open
 * in one shift is not reused under its first member's name by another member in the next shift;
 * an order that still has lines when its shift ends is carried over and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSalesTill, type SalesTill } from './salesTestKit';

let till: SalesTill;

beforeAll(async () => {
  till = await openSalesTill();
});

afterAll(async () => {
  await till.close();
});

describe('orders across shifts and members', () => {
  it('an emptied order left open becomes the sale of whoever rings it up in the next shift', async () => {
    const firstShift = await till.openShift();
    const orderId = await till.newOrder(till.cashier.session);
    const cart = await till.add(orderId, till.coffee, 1, till.cashier.session);
    await till.core.call(
      'orders.removeLine',
      { orderId, lineId: cart.lines[0]?.id ?? '' },
      till.cashier.session,
    );
    const before = (await till.core.call('orders.get', { orderId }, till.owner.session)).order;
    expect(before.createdBy.staffId).toBe(till.cashier.staffId);
    await till.closeShift();
    const secondShift = await till.openShift();
    expect(secondShift).not.toBe(firstShift);

    const after = await till.add(orderId, till.muffin, 1, till.owner.session);
    expect(after.createdBy.staffId).toBe(till.owner.staffId);
    expect(after.shiftId).toBe(secondShift);
    expect(after.carriedOver).toBe(false);
    expect(after.createdAt >= before.createdAt).toBe(true);
    const paid = await till.payCash(orderId, 100_00n, undefined, till.owner.session);
    expect(paid.order.payments[0]?.createdBy.staffId).toBe(till.owner.staffId);
    const { entries } = await till.core.call('audit.list', { action: 'orders.adopted' }, till.owner.session);
    expect(entries.at(-1)?.details).toMatchObject({
      fromStaffId: till.cashier.staffId,
      fromShiftId: firstShift,
      shiftId: secondShift,
    });
    await till.closeShift();
  });

  it('an order with lines carried into a new shift keeps who rang it up and says it was carried', async () => {
    await till.openShift();
    const orderId = await till.newOrder(till.cashier.session);
    await till.add(orderId, till.coffee, 1, till.cashier.session);
    await till.closeShift();
    const next = await till.openShift();
    const open = (await till.core.call('orders.get', { orderId }, till.manager.session)).order;
    expect(open.carriedOver).toBe(true);
    const paid = await till.payCash(orderId, 100_00n, undefined, till.manager.session);
    expect(paid.order.createdBy.staffId).toBe(till.cashier.staffId);
    expect(paid.order.payments[0]?.createdBy.staffId).toBe(till.manager.staffId);
    expect(paid.order.payments[0]?.shiftId).toBe(next);
    expect(paid.order.carriedOver).toBe(true);
    const list = await till.core.call('orders.list', { limit: 50 }, till.manager.session);
    expect(list.orders.find((o) => o.id === orderId)?.carriedOver).toBe(true);
    await till.closeShift();
  });
});
