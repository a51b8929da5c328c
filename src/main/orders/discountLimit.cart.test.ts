/**
 * The limits judged on the order as it will be paid, through the core: every cart change that takes a
 * discount over the store's 10% limit (or rings a custom item above the price threshold) needs a
 * manager's approval bound to that order, a refused change writes nothing, and an order with an
 * unapproved discount over the limit cannot be paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiInput } from '../../shared/api';
import { expectApiError, openSalesTill, type SalesTill } from './salesTestKit';

let till: SalesTill;

beforeAll(async () => {
  till = await openSalesTill();
  await till.openShift();
});
afterAll(() => till.close());

const call = <N extends 'orders.addLine' | 'orders.updateLine' | 'orders.removeLine' | 'orders.setDiscount'>(
  name: N,
  input: ApiInput<N>,
  session = till.cashier.session,
) => till.core.call(name, input, session);

const orderOf = async (orderId: string) =>
  (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;

/** What a refused change must leave as it was: lines, discounts, who approved them, the audit. */
function snapshot(orderId: string): unknown {
  const { db } = till.core;
  return {
    order: db
      .prepare('SELECT discount, discount_approved_by, updated_at FROM orders WHERE id = ?')
      .get(orderId),
    lines: db
      .prepare(
        'SELECT id, quantity, discount, discount_approved_by FROM order_lines WHERE order_id = ? ORDER BY id',
      )
      .all(orderId),
    audit: db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
    approvalsUsed: db.prepare('SELECT COUNT(*) FROM staff_approvals WHERE used_at IS NOT NULL').pluck().get(),
  };
}

function auditOf(orderId: string, action: string): Record<string, unknown>[] {
  return (
    till.core.db
      .prepare('SELECT details FROM audit_log WHERE ref = ? AND action = ? ORDER BY id')
      .pluck()
      .all(orderId, action) as string[]
  ).map((details) => JSON.parse(details) as Record<string, unknown>);
}

describe('limits that hold on the final state', () => {
  it('an amount discount set on an empty order then items added needs an approval', async () => {
    const orderId = await till.newOrder();
    // On an empty order $5.00 off takes nothing off, so nothing is over the limit yet.
    await call('orders.setDiscount', { orderId, discount: { kind: 'amount', amount: '500' } });
    const before = snapshot(orderId);
    const refused = await expectApiError(
      call('orders.addLine', { orderId, variantId: till.coffee, quantity: 1 }),
      'approval_required',
    );
    const { number } = await orderOf(orderId);
    expect(refused.details).toMatchObject({
      action: 'discount_over_limit',
      reason: 'missing',
      ref: orderId,
      orderNumber: number,
      change: 'add_line',
      discountBeforeMinor: '0',
      discountAfterMinor: '350',
      limitPercent: '10',
    });
    expect(refused.message).toBe(
      `Order ${number}: $3.50 off $3.50 of the order is over the 10% limit (the discount goes from $0.00 to $3.50). A manager must approve it.`,
    );
    expect(snapshot(orderId)).toEqual(before);

    const approval = await till.approve('discount_over_limit', orderId);
    const added = await call('orders.addLine', { orderId, variantId: till.coffee, quantity: 1, approval });
    expect(added.order.totals).toMatchObject({ orderDiscountMinor: '350', totalMinor: '0' });
    expect(auditOf(orderId, 'orders.discount_over_limit')).toEqual([
      expect.objectContaining({
        change: 'add_line',
        discountAfterMinor: '350',
        approvedBy: till.manager.staffId,
      }),
    ]);
  });

  it.each([
    { where: 'line', name: 'a 10% line discount on quantity 10 then quantity 1 needs an approval' },
    { where: 'order', name: 'a 10% order discount on quantity 10 then quantity 1 needs an approval' },
  ] as const)('$name', async ({ where }) => {
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.coffee, 10);
    const lineId = cart.lines[0]?.id ?? '';
    // $3.50 off 10 × $3.50 is exactly the 10% limit: no approval.
    const tenPercent = { kind: 'amount', amount: '350' } as const;
    if (where === 'line') await call('orders.updateLine', { orderId, lineId, discount: tenPercent });
    else await call('orders.setDiscount', { orderId, discount: tenPercent });
    const before = snapshot(orderId);
    const refused = await expectApiError(
      call('orders.updateLine', { orderId, lineId, quantity: 1 }),
      'approval_required',
    );
    expect(refused.details).toMatchObject({
      action: 'discount_over_limit',
      ref: orderId,
      change: 'update_line',
      discountBeforeMinor: '350',
      discountAfterMinor: '350',
      over: [
        where === 'line'
          ? { key: lineId, label: 'Coffee', discountMinor: '350', baseMinor: '350' }
          : { key: 'order', label: 'the order', discountMinor: '350', baseMinor: '350' },
      ],
    });
    expect(snapshot(orderId)).toEqual(before);
    const approval = await till.approve('discount_over_limit', orderId);
    const done = await call('orders.updateLine', { orderId, lineId, quantity: 1, approval });
    expect(done.order.lines[0]).toMatchObject({ quantity: 1, totalMinor: '0' });
  });

  it('a line removed from under an order discount needs an approval', async () => {
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const cart = await till.add(orderId, till.coffee);
    // $2.85 off $28.50 is 10%; without the gift card it is 81% of the coffee.
    await call('orders.setDiscount', { orderId, discount: { kind: 'amount', amount: '285' } });
    const giftLine = cart.lines.find((line) => line.variantId === till.gift)?.id ?? '';
    const before = snapshot(orderId);
    const refused = await expectApiError(
      call('orders.removeLine', { orderId, lineId: giftLine }),
      'approval_required',
    );
    expect(refused.details).toMatchObject({
      action: 'discount_over_limit',
      change: 'remove_line',
      ref: orderId,
    });
    expect(snapshot(orderId)).toEqual(before);
    const approval = await till.approve('discount_over_limit', orderId);
    const removed = await call('orders.removeLine', { orderId, lineId: giftLine, approval });
    expect(removed.order.lines).toHaveLength(1);
  });

  it('an approved discount stays approved while its share does not grow, and is asked again when it does', async () => {
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.coffee, 4);
    const lineId = cart.lines[0]?.id ?? '';
    const approval = await till.approve('discount_over_limit', orderId);
    await call('orders.updateLine', {
      orderId,
      lineId,
      discount: { kind: 'percent', percent: '50' },
      approval,
    });
    // More of the same variant: still 50% of the line, still approved; more items elsewhere too.
    await till.add(orderId, till.coffee, 2);
    await till.add(orderId, till.muffin, 1);
    expect((await orderOf(orderId)).lines[0]).toMatchObject({ quantity: 6, lineDiscountMinor: '1050' });
    // An amount discount of the approved $10.50 on 2 coffees is a bigger share: asked again.
    await call('orders.updateLine', { orderId, lineId, quantity: 3 });
    await expectApiError(
      call('orders.updateLine', { orderId, lineId, discount: { kind: 'amount', amount: '1050' } }),
      'approval_required',
    );
    // The same discount set again is a new discount: asked again.
    await expectApiError(
      call('orders.updateLine', { orderId, lineId, discount: { kind: 'percent', percent: '50' } }),
      'approval_required',
    );
  });

  it('a manager changing the cart is their own approval, recorded', async () => {
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const done = await call(
      'orders.setDiscount',
      { orderId, discount: { kind: 'percent', percent: '40' } },
      till.manager.session,
    );
    expect(done.order.totals.orderDiscountMinor).toBe('1000');
    expect(auditOf(orderId, 'orders.discount_over_limit')).toEqual([
      expect.objectContaining({ change: 'set_discount', approvedBy: till.manager.staffId }),
    ]);
    expect(
      till.core.db.prepare('SELECT discount_approved_by FROM orders WHERE id = ?').pluck().get(orderId),
    ).toBe(till.manager.staffId);
  });

  it('an approval for another order is refused', async () => {
    const orderA = await till.newOrder();
    const orderB = await till.newOrder();
    await till.add(orderA, till.gift);
    await till.add(orderB, till.gift);
    const forA = await till.approve('discount_over_limit', orderA);
    const half = { kind: 'percent', percent: '50' } as const;
    const refused = await expectApiError(
      call('orders.setDiscount', { orderId: orderB, discount: half, approval: forA }),
      'approval_required',
    );
    expect(refused.details).toMatchObject({
      action: 'discount_over_limit',
      reason: 'other_ref',
      ref: orderB,
    });
    expect(refused.message).toMatch(
      /^That approval was given for another order or shift\. A manager must approve this discount over the limit\. Order \d+: \$12\.50 off \$25\.00 of the order is over the 10% limit/,
    );
    expect((await orderOf(orderB)).discount).toBeNull();
    // Not used up by the refusal: it still approves order A.
    const onA = await call('orders.setDiscount', { orderId: orderA, discount: half, approval: forA });
    expect(onA.order.totals.orderDiscountMinor).toBe('1250');
  });

  it.each([
    // unit price, threshold, needs price_override?
    ['10000', '10000', false],
    ['10001', '10000', true],
    ['0', '0', false],
    ['1', '0', true],
  ])(
    'a custom item at %s with a threshold of %s: price_override needed = %s',
    async (price, threshold, needed) => {
      await till.core.call('settings.update', { priceOverrideThresholdMinor: threshold }, till.owner.session);
      const orderId = await till.newOrder();
      const input = { orderId, custom: { name: 'Repair', unitPrice: price } };
      if (!needed) {
        expect((await call('orders.addLine', input)).order.lines).toHaveLength(1);
        return;
      }
      const refused = await expectApiError(call('orders.addLine', input), 'approval_required');
      expect(refused.details).toMatchObject({
        action: 'price_override',
        ref: orderId,
        unitPriceMinor: price,
        thresholdMinor: threshold,
      });
      expect((await orderOf(orderId)).lines).toEqual([]);
    },
  );

  it('a custom item above the threshold needs price_override', async () => {
    await till.core.call('settings.update', { priceOverrideThresholdMinor: '10000' }, till.owner.session);
    const orderId = await till.newOrder();
    const input = { orderId, custom: { name: 'Bike repair', unitPrice: '25000' } };
    const refused = await expectApiError(call('orders.addLine', input), 'approval_required');
    const { number } = await orderOf(orderId);
    expect(refused.message).toBe(
      `Order ${number}: Bike repair at $250.00 is above the $100.00 a cashier may ring up. A manager must approve it.`,
    );
    // A discount approval does not stand in for a price override.
    const wrong = await till.approve('discount_over_limit', orderId);
    await expectApiError(call('orders.addLine', { ...input, approval: wrong }), 'approval_required');
    const approval = await till.approve('price_override', orderId);
    const added = await call('orders.addLine', { ...input, approval });
    expect(added.order.lines[0]).toMatchObject({ name: 'Bike repair', unitPriceMinor: '25000' });
    expect(auditOf(orderId, 'orders.price_override')).toEqual([
      expect.objectContaining({
        unitPriceMinor: '25000',
        thresholdMinor: '10000',
        approvedBy: till.manager.staffId,
      }),
    ]);
  });

  it('an order cannot be paid while an unapproved over-limit discount stands', async () => {
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    await call('orders.setDiscount', { orderId, discount: { kind: 'percent', percent: '10' } });
    // The limit is lowered after the discount was given: it is now over it, and nobody approved it.
    await till.core.call('settings.update', { discountLimitPercent: '5' }, till.owner.session);
    try {
      const refused = await expectApiError(till.payCash(orderId, 2250n), 'conflict');
      expect(refused.details).toMatchObject({ reason: 'discount_not_approved', orderId, limitPercent: '5' });
      expect((await orderOf(orderId)).payments).toEqual([]);
      const approval = await till.approve('discount_over_limit', orderId);
      await call('orders.setDiscount', { orderId, discount: { kind: 'percent', percent: '10' }, approval });
      const paid = await till.payCash(orderId, 2250n);
      expect(paid.order.status).toBe('paid');
    } finally {
      await till.core.call('settings.update', { discountLimitPercent: '10' }, till.owner.session);
    }
  });
});
