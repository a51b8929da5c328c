import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { expectApiError, openSalesTill, type SalesTill } from './salesTestKit';

let till: SalesTill;
let updates: { orderId: string; status: string }[];

beforeAll(async () => {
  till = await openSalesTill();
  await till.openShift();
  updates = [];
  till.core.events.on('order.updated', (payload) => updates.push(payload));
});
afterAll(() => till.close());
afterEach(() => {
  updates.length = 0;
});

describe('the cart', () => {
  it('numbers orders from 1001 and prices lines from the catalog, by id, barcode or as custom items', async () => {
    const first = await till.core.call('orders.create', {}, till.cashier.session);
    expect(first.order).toMatchObject({ number: 1001, status: 'open', currency: 'USD', lines: [] });
    const orderId = first.order.id;
    await till.add(orderId, till.coffee);
    await till.core.call(
      'orders.addLine',
      { orderId, barcode: till.coffeeBarcode, quantity: 2 },
      till.cashier.session,
    );
    const { order } = await till.core.call(
      'orders.addLine',
      { orderId, custom: { name: 'Gift wrap', unitPrice: '199', taxClassId: till.taxClassId } },
      till.cashier.session,
    );
    expect(order.lines.map((l) => [l.name, l.quantity, l.unitPriceMinor, l.totalMinor])).toEqual([
      ['Coffee', 3, '350', '1143'],
      ['Gift wrap', 1, '199', '217'],
    ]);
    expect(order.lines[1]).toMatchObject({
      variantId: null,
      sku: '',
      taxRates: [{ taxId: 'sales_tax', ratePercent: '8.875' }],
    });
    expect(order.totals).toMatchObject({ subtotalMinor: '1249', taxTotalMinor: '111', totalMinor: '1360' });
    expect(order.taxes).toEqual([
      { taxId: 'sales_tax', name: 'Sales tax', ratePercent: '8.875', baseMinor: '1249', amountMinor: '111' },
    ]);
    expect(updates).toEqual(Array.from({ length: 4 }, () => ({ orderId, status: 'open' })));
    const second = await till.newOrder();
    expect((await till.core.call('orders.get', { orderId: second }, till.cashier.session)).order.number).toBe(
      1002,
    );
  });

  it('refuses an unknown barcode and an unknown order', async () => {
    const orderId = await till.newOrder();
    const error = await expectApiError(
      till.core.call('orders.addLine', { orderId, barcode: '0000000000000' }, till.cashier.session),
      'not_found',
    );
    expect(error.message).toMatch(/No product has the barcode or SKU "0000000000000"/);
    await expectApiError(
      till.core.call('orders.get', { orderId: '01JD5Z8X3K4M7N9P2Q6R8S0T1V' }, till.cashier.session),
      'not_found',
    );
    await expectApiError(
      till.core.call('orders.addLine', { orderId, quantity: 1 } as never, till.cashier.session),
      'bad_input',
    );
  });

  it('changes quantities and removes lines; a discount over the limit needs a manager', async () => {
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.gift, 1);
    const lineId = cart.lines[0]?.id ?? '';
    const more = await till.core.call(
      'orders.updateLine',
      { orderId, lineId, quantity: 4 },
      till.cashier.session,
    );
    expect(more.order.lines[0]).toMatchObject({ quantity: 4, grossMinor: '10000' });

    // 10 % is the limit: at it is fine, above it is not.
    const atLimit = await till.core.call(
      'orders.updateLine',
      { orderId, lineId, discount: { kind: 'percent', percent: '10' } },
      till.cashier.session,
    );
    expect(atLimit.order.lines[0]).toMatchObject({ lineDiscountMinor: '1000', totalMinor: '9000' });
    const over = await expectApiError(
      till.core.call(
        'orders.updateLine',
        { orderId, lineId, discount: { kind: 'amount', amount: '1001' } },
        till.cashier.session,
      ),
      'approval_required',
    );
    expect(over.details).toMatchObject({ action: 'discount_over_limit' });
    expect(
      (await till.core.call('orders.get', { orderId }, till.cashier.session)).order.lines[0]
        ?.lineDiscountMinor,
    ).toBe('1000');
    // Fewer units raise the share of an amount discount: 10.00 off 2 × 25.00 is 20 %.
    await till.core.call(
      'orders.updateLine',
      { orderId, lineId, discount: { kind: 'amount', amount: '1000' } },
      till.cashier.session,
    );
    await expectApiError(
      till.core.call('orders.updateLine', { orderId, lineId, quantity: 2 }, till.cashier.session),
      'approval_required',
    );
    const approval = await till.approve('discount_over_limit', orderId);
    const approved = await till.core.call(
      'orders.updateLine',
      { orderId, lineId, quantity: 2, approval },
      till.cashier.session,
    );
    expect(approved.order.lines[0]).toMatchObject({
      quantity: 2,
      lineDiscountMinor: '1000',
      totalMinor: '4000',
    });

    const orderDiscount = await expectApiError(
      till.core.call(
        'orders.setDiscount',
        { orderId, discount: { kind: 'percent', percent: '15' } },
        till.cashier.session,
      ),
      'approval_required',
    );
    expect(orderDiscount.details).toMatchObject({ action: 'discount_over_limit' });
    const byManager = await till.core.call(
      'orders.setDiscount',
      { orderId, discount: { kind: 'percent', percent: '15' } },
      till.manager.session,
    );
    expect(byManager.order.totals).toMatchObject({ orderDiscountMinor: '600', totalMinor: '3400' });

    const removed = await till.core.call('orders.removeLine', { orderId, lineId }, till.cashier.session);
    expect(removed.order.lines).toEqual([]);
    await expectApiError(
      till.core.call('orders.removeLine', { orderId, lineId }, till.cashier.session),
      'not_found',
    );
  });

  it('takes a tip only when tips are on', async () => {
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift, 1);
    const off = await expectApiError(
      till.core.call(
        'orders.setTip',
        { orderId, tip: { kind: 'percent', percent: '15' } },
        till.cashier.session,
      ),
      'conflict',
    );
    expect(off.message).toBe('Tips are turned off in the store settings.');
    await till.core.call('settings.update', { tipsEnabled: true }, till.owner.session);
    const { order } = await till.core.call(
      'orders.setTip',
      { orderId, tip: { kind: 'percent', percent: '15' } },
      till.cashier.session,
    );
    expect(order.tip).toEqual({ kind: 'percent', percent: '15', base: 'pre_tax' });
    expect(order.totals).toMatchObject({ tipMinor: '375', totalMinor: '2875' });
    const cleared = await till.core.call('orders.setTip', { orderId, tip: null }, till.cashier.session);
    expect(cleared.order.totals.tipMinor).toBe('0');
    await till.core.call('settings.update', { tipsEnabled: false }, till.owner.session);
  });

  it('will not let a split-tender order cost less than what is already paid', async () => {
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.gift, 2);
    await till.payCash(orderId, 3000n, 3000n);
    const error = await expectApiError(
      till.core.call('orders.removeLine', { orderId, lineId: cart.lines[0]?.id ?? '' }, till.cashier.session),
      'conflict',
    );
    expect(error.details).toMatchObject({ reason: 'below_paid' });
    await till.payCash(orderId, 2000n);
  });

  it('lists orders by status, number and product', async () => {
    const orderId = await till.newOrder();
    await till.add(orderId, till.muffin, 2);
    const { order } = await till.core.call('orders.get', { orderId }, till.cashier.session);
    const byNumber = await till.core.call(
      'orders.list',
      { search: String(order.number) },
      till.cashier.session,
    );
    expect(byNumber.orders.map((o) => o.id)).toContain(orderId);
    const byProduct = await till.core.call('orders.list', { search: 'muf' }, till.cashier.session);
    expect(byProduct.orders.map((o) => o.id)).toEqual([orderId]);
    expect(byProduct.orders[0]).toMatchObject({ itemCount: 2, totalMinor: '490', status: 'open' });
    const paid = await till.core.call('orders.list', { status: 'paid' }, till.cashier.session);
    expect(paid.orders.every((o) => o.status === 'paid')).toBe(true);
    expect(paid.total).toBe(1);
    const all = await till.core.call('orders.list', { limit: 2 }, till.cashier.session);
    expect(all.orders).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    expect(all.orders[0]?.id).toBe(orderId);
  });
});
