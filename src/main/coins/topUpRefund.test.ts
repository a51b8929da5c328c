/**
 * Refunds of top-ups: all unspent gives back the whole price; partly spent gives back the unspent
 * coins and their share of the price (rounded down), the rest forfeited; a part of a partly spent
 * line is refused; the coin liability falls by the face value of the coins taken back, and the
 * order's refunds add up to its payments minus what was forfeited. The rule as a table, too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { openCoinsTill, type CoinsTill } from './coinsTestKit';
import { unspentRefund } from './topUpRefund';

describe('the unspent-part rule', () => {
  it.each([
    // coins per unit, quantity, left, paid, balance → coins back, money back, spent
    [525n, 1, 1, 499n, 525n, 525n, 499n, false],
    [525n, 1, 1, 499n, 900n, 525n, 499n, false],
    [525n, 1, 1, 499n, 425n, 425n, 403n, true], // 499 × 425 / 525 = 403.95 → 403
    [525n, 1, 1, 499n, 0n, 0n, 0n, true],
    [100n, 2, 2, 198n, 150n, 150n, 148n, true], // 198 × 150 / 200 = 148.5 → 148
    [1320n, 1, 1, 999n, 1319n, 1319n, 998n, true],
    [100n, 1, 3, 99n, 100n, 100n, 99n, false], // a part of a line, all unspent: fine
  ] as const)(
    '%s coins × %s (of %s left), paid %s, balance %s → %s coins, %s back',
    (perUnit, quantity, left, paid, balance, coins, money, spent) => {
      expect(
        unspentRefund({ coinsPerUnit: perUnit, quantity, leftQuantity: left, paidMinor: paid, balance }),
      ).toEqual({ coins, moneyMinor: money, spent });
    },
  );

  it('refuses a part of a line whose coins are partly spent', () => {
    expect(() =>
      unspentRefund({ coinsPerUnit: 100n, quantity: 1, leftQuantity: 2, paidMinor: 99n, balance: 50n }),
    ).toThrow(/refund all of its units/);
  });
});

describe('refunding a top-up through the order', () => {
  let till: CoinsTill;
  let shiftId: string;
  beforeEach(async () => {
    till = await openCoinsTill();
    shiftId = await till.openShift();
  });
  afterEach(() => till.close());

  const lineOf = async (orderId: string) =>
    (await till.core.call('orders.get', { orderId }, till.cashier.session)).order.lines[0]?.id ?? '';

  it('all unspent: the whole price and every coin back', async () => {
    const ann = await till.customer('Ann');
    const orderId = await till.topUp(ann, 'Reader');
    const lines = [{ lineId: await lineOf(orderId), quantity: 1 }];
    const quote = await till.core.call('orders.refundQuote', { orderId, lines }, till.cashier.session);
    expect(quote.amountMinor).toBe('499');
    const { refund, order } = await till.core.call(
      'orders.refund',
      { orderId, lines, reason: 'changed mind' },
      till.manager.session,
    );
    expect(refund).toMatchObject({ status: 'succeeded', amountMinor: '499' });
    expect(order.status).toBe('refunded');
    const after = await till.coins(ann);
    expect(after.balance).toBe('0');
    expect(after.lifetime.refunded).toBe('525');
    expect(till.balance('coins_liability')).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('partly spent: the unspent coins and their share of the price back, the rest forfeited', async () => {
    const ann = await till.customer('Ann');
    const bob = await till.customer('Bob');
    const orderId = await till.topUp(ann, 'Reader'); // 500 + 25 bonus for $4.99
    await till.core.call(
      'coins.gift',
      { fromCustomerId: ann, toCustomerId: bob, coins: '100' },
      till.cashier.session,
    );
    const drawerBefore = till.balance('cash_drawer', `shift:${shiftId}`);
    const lines = [{ lineId: await lineOf(orderId), quantity: 1 }];
    const quote = await till.core.call('orders.refundQuote', { orderId, lines }, till.cashier.session);
    expect(quote.amountMinor).toBe('403'); // 499 × 425 / 525, rounded down
    const { refund, order } = await till.core.call(
      'orders.refund',
      { orderId, lines, reason: 'changed mind' },
      till.manager.session,
    );
    expect(refund).toMatchObject({ status: 'succeeded', amountMinor: '403', tender: 'cash' });
    expect(order).toMatchObject({ status: 'refunded', refundedMinor: '403' });
    expect(till.balance('cash_drawer', `shift:${shiftId}`) - drawerBefore).toBe(-403n);
    const annAfter = await till.coins(ann);
    expect(annAfter.balance).toBe('0');
    expect(annAfter.lifetime.refunded).toBe('425');
    expect((await till.coins(bob)).balance).toBe('100');
    // The liability is Bob's 100 coins at face value (1 cent each).
    expect(till.balance('coins_liability')).toBe(-100n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('nothing left: nothing back, and the line counts as refunded', async () => {
    const ann = await till.customer('Ann');
    const bob = await till.customer('Bob');
    const orderId = await till.topUp(ann, 'Starter');
    await till.core.call(
      'coins.gift',
      { fromCustomerId: ann, toCustomerId: bob, coins: '100' },
      till.cashier.session,
    );
    const lines = [{ lineId: await lineOf(orderId), quantity: 1 }];
    const { refund, order } = await till.core.call(
      'orders.refund',
      { orderId, lines, reason: 'changed mind' },
      till.manager.session,
    );
    expect(refund.amountMinor).toBe('0');
    expect(order.status).toBe('refunded');
    expect(till.balance('coins_liability')).toBe(-100n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('a part of a partly spent line is refused, and nothing is written', async () => {
    const ann = await till.customer('Ann');
    const bob = await till.customer('Bob');
    const orderId = await till.newOrder();
    const packageId = await till.packageId('Starter');
    await till.core.call('coins.addTopUp', { orderId, packageId, customerId: ann }, till.cashier.session);
    const { order } = await till.core.call(
      'orders.updateLine',
      { orderId, lineId: await lineOf(orderId), quantity: 2 },
      till.cashier.session,
    );
    await till.payCash(orderId, BigInt(order.totals.totalMinor));
    expect((await till.coins(ann)).balance).toBe('200');
    await till.core.call(
      'coins.gift',
      { fromCustomerId: ann, toCustomerId: bob, coins: '150' },
      till.cashier.session,
    );
    const refunds = till.core.db.prepare('SELECT COUNT(*) FROM refunds').pluck().get();
    const error = await till.core
      .call(
        'orders.refund',
        { orderId, lines: [{ lineId: order.lines[0]?.id ?? '', quantity: 1 }], reason: 'x' },
        till.manager.session,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).details).toMatchObject({
      reason: 'topup_partly_spent',
      unspentCoins: '50',
    });
    expect(till.core.db.prepare('SELECT COUNT(*) FROM refunds').pluck().get()).toBe(refunds);
    // Both units at once: 50 unspent of 200 → 198 × 50 / 200 = 49.5 → 49.
    const { refund } = await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId: order.lines[0]?.id ?? '', quantity: 2 }], reason: 'x' },
      till.manager.session,
    );
    expect(refund.amountMinor).toBe('49');
    expect((await till.coins(ann)).balance).toBe('0');
    expect(till.balance('coins_liability')).toBe(-150n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });
});
