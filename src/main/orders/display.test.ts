/**
 * The customer display's events on a real core: what `display.updated` says, in order, for a sale
 * rung up with a discount and a tip and paid by a split tender, and for a sale voided after a part
 * payment. Amounts are worked out by hand (tax 8.875 % added, rounded per line, half-up):
 *   3 coffees 10.50 + a muffin 2.25 = 12.75; 10 % off = 1.28 (12.75 → 1.275, half-up), shared by
 *   net as 1.05 / 0.23 → nets 9.45 / 2.02, tax 0.84 / 0.18 = 1.02; total 12.75 − 1.28 + 1.02 = 12.49,
 *   with a 1.50 tip 13.99. Paid 5.00, then 20.00 for the 8.99 left: change 11.01.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventPayload } from '../../shared/api';
import { displayUpdateSchema } from '../../shared/api/display';
import { openSalesTill, type SalesTill } from './salesTestKit';

type DisplayUpdate = EventPayload<'display.updated'>;

let till: SalesTill;
let shown: DisplayUpdate[];

beforeEach(async () => {
  till = await openSalesTill();
  await till.core.call('settings.update', { tipsEnabled: true }, till.owner.session);
  await till.openShift();
  shown = [];
  till.core.events.on('display.updated', (update) => shown.push(update));
});
afterEach(() => till.close());

/** One event (checked against the contract) in short: its state, lines and money figures. */
function brief(update: DisplayUpdate) {
  displayUpdateSchema.parse(update);
  return {
    state: update.state,
    lines: update.lines.map((line) => `${line.quantity} × ${line.name} ${line.totalMinor}`),
    money: [
      `subtotal ${update.subtotalMinor}`,
      `discount ${update.discountMinor}`,
      `tax ${update.taxMinor}`,
      `tip ${update.tipMinor}`,
      `total ${update.totalMinor}`,
      `paid ${update.paidMinor}`,
      `due ${update.amountDueMinor}`,
      ...(update.changeMinor !== undefined ? [`change ${update.changeMinor}`] : []),
    ].join(', '),
  };
}

describe('display.updated', () => {
  it('follows a sale with a discount, a tip and a split tender, to paid with the change', async () => {
    const orderId = await till.newOrder();
    expect(shown).toEqual([]); // an empty new order: nothing to show yet
    const cart = await till.add(orderId, till.coffee);
    await till.add(orderId, till.muffin);
    const coffeeLine = cart.lines[0]?.id ?? '';
    const { cashier, manager } = till;
    await till.core.call('orders.updateLine', { orderId, lineId: coffeeLine, quantity: 3 }, cashier.session);
    const percent = { kind: 'percent', percent: '10' } as const;
    await till.core.call('orders.setDiscount', { orderId, discount: percent }, manager.session);
    await till.core.call(
      'orders.setTip',
      { orderId, tip: { kind: 'amount', amount: '150' } },
      cashier.session,
    );
    await till.payCash(orderId, 500n, 500n);
    await till.payCash(orderId, 2000n);

    const coffees = '3 × Coffee 1050';
    const muffin = '1 × Muffin 225';
    const priced = 'subtotal 1275, discount 128, tax 102';
    expect(shown.map(brief)).toEqual([
      {
        state: 'cart',
        lines: ['1 × Coffee 350'],
        money: 'subtotal 350, discount 0, tax 31, tip 0, total 381, paid 0, due 381',
      },
      {
        state: 'cart',
        lines: ['1 × Coffee 350', muffin],
        money: 'subtotal 575, discount 0, tax 51, tip 0, total 626, paid 0, due 626',
      },
      {
        state: 'cart',
        lines: [coffees, muffin],
        money: 'subtotal 1275, discount 0, tax 113, tip 0, total 1388, paid 0, due 1388',
      },
      { state: 'cart', lines: [coffees, muffin], money: `${priced}, tip 0, total 1249, paid 0, due 1249` },
      { state: 'cart', lines: [coffees, muffin], money: `${priced}, tip 150, total 1399, paid 0, due 1399` },
      {
        state: 'cart',
        lines: [coffees, muffin],
        money: `${priced}, tip 150, total 1399, paid 500, due 899, change 0`,
      },
      {
        state: 'paid',
        lines: [coffees, muffin],
        money: `${priced}, tip 150, total 1399, paid 1399, due 0, change 1101`,
      },
    ]);
    // Customer-safe: the order's number, the store's currency and locale, no ids or staff.
    expect(shown.at(-1)).toEqual({
      state: 'paid',
      orderNumber: 1001,
      currency: 'USD',
      locale: 'en-US',
      timeZone: 'UTC',
      taxIncluded: false,
      lines: [
        { name: 'Coffee', quantity: 3, totalMinor: '1050' },
        { name: 'Muffin', quantity: 1, totalMinor: '225' },
      ],
      subtotalMinor: '1275',
      discountMinor: '128',
      taxMinor: '102',
      tipMinor: '150',
      totalMinor: '1399',
      paidMinor: '1399',
      changeMinor: '1101',
      amountDueMinor: '0',
    });
    // The display's view matches the order's own priced view.
    const order = till.core.call('orders.get', { orderId }, cashier.session);
    await expect(order).resolves.toMatchObject({
      order: { totals: { totalMinor: '1399', taxTotalMinor: '102' }, paidMinor: '1399' },
    });

    // A refund later is not the customer display's business.
    const muffinLine = (await order).order.lines[1]?.id ?? '';
    const approval = await till.approve('refund', orderId);
    const refund = { orderId, lines: [{ lineId: muffinLine, quantity: 1 }], reason: 'stale', approval };
    await till.core.call('orders.refund', refund, cashier.session);
    expect(shown).toHaveLength(7);
  });

  it('goes idle when the last line is removed, and says voided after a part payment is handed back', async () => {
    const orderId = await till.newOrder();
    const { order } = await till.core.call(
      'orders.addLine',
      { orderId, custom: { name: 'Repair', unitPrice: '800' } },
      till.cashier.session,
    );
    const lineId = order.lines[0]?.id ?? '';
    await till.core.call('orders.removeLine', { orderId, lineId }, till.cashier.session);
    await till.add(orderId, till.gift, 2);
    await till.payCash(orderId, 1000n, 1000n);
    await till.core.call('orders.void', { orderId, reason: 'changed her mind' }, till.manager.session);

    expect(shown.map(brief)).toEqual([
      {
        state: 'cart',
        lines: ['1 × Repair 800'],
        money: 'subtotal 800, discount 0, tax 0, tip 0, total 800, paid 0, due 800',
      },
      { state: 'idle', lines: [], money: 'subtotal 0, discount 0, tax 0, tip 0, total 0, paid 0, due 0' },
      {
        state: 'cart',
        lines: ['2 × Gift card 5000'],
        money: 'subtotal 5000, discount 0, tax 0, tip 0, total 5000, paid 0, due 5000',
      },
      {
        state: 'cart',
        lines: ['2 × Gift card 5000'],
        money: 'subtotal 5000, discount 0, tax 0, tip 0, total 5000, paid 1000, due 4000, change 0',
      },
      {
        state: 'voided',
        lines: ['2 × Gift card 5000'],
        money: 'subtotal 5000, discount 0, tax 0, tip 0, total 5000, paid 1000, due 0',
      },
    ]);
    expect(shown.every((update) => update.orderNumber === 1001)).toBe(true);
  });
});
