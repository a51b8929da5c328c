import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiCallError } from '../../shared/api';
import { openCoinsTill, type CoinsTill } from '../coins/coinsTestKit';
import { nextPeriod } from './service';

describe('the period rule', () => {
  const tier = { id: 'T1', periodMonths: 1 };
  const now = new Date('2026-01-31T10:00:00.000Z');
  it.each([
    ['a new member starts now', null, '2026-01-31T10:00:00.000Z', '2026-02-28T10:00:00.000Z'],
    [
      'the same tier while valid extends from its end',
      { tierId: 'T1', validFrom: '2026-01-10T00:00:00.000Z', validUntil: '2026-02-10T00:00:00.000Z' },
      '2026-01-10T00:00:00.000Z',
      '2026-03-10T00:00:00.000Z',
    ],
    [
      'an ended membership starts again now',
      { tierId: 'T1', validFrom: '2025-11-01T00:00:00.000Z', validUntil: '2025-12-01T00:00:00.000Z' },
      '2026-01-31T10:00:00.000Z',
      '2026-02-28T10:00:00.000Z',
    ],
    [
      'another tier starts now',
      { tierId: 'T2', validFrom: '2026-01-10T00:00:00.000Z', validUntil: '2026-02-10T00:00:00.000Z' },
      '2026-01-31T10:00:00.000Z',
      '2026-02-28T10:00:00.000Z',
    ],
  ])('%s', (_name, current, from, until) => {
    expect(nextPeriod(current, tier, 1, now)).toEqual({ validFrom: from, validUntil: until });
  });
});

describe('memberships', () => {
  let till: CoinsTill;
  beforeEach(async () => {
    till = await openCoinsTill();
    await till.openShift();
  });
  afterEach(() => till.close());

  const tierId = async (name: string) => {
    const { tiers } = await till.core.call('memberships.tiers', {}, till.cashier.session);
    return tiers.find((t) => t.name === name)?.id ?? '';
  };

  it('is sold at the counter, applied when paid, and gives its discount while valid', async () => {
    const ann = await till.customer('Ann');
    const orderId = await till.newOrder();
    const { order } = await till.core.call(
      'memberships.addToOrder',
      { orderId, tierId: await tierId('Premium'), customerId: ann },
      till.cashier.session,
    );
    expect(order.totals.totalMinor).toBe('1999');
    expect(
      (await till.core.call('memberships.status', { customerId: ann }, till.cashier.session)).membership,
    ).toBeNull();
    await till.payCash(orderId, 1999n);
    const { membership } = await till.core.call(
      'memberships.status',
      { customerId: ann },
      till.cashier.session,
    );
    expect(membership).toMatchObject({
      valid: true,
      source: 'sale',
      tier: { name: 'Premium', discountPercent: '10' },
    });

    const sale = await till.newOrder();
    await till.add(sale, till.gift);
    await till.core.call('orders.setCustomer', { orderId: sale, customerId: ann }, till.cashier.session);
    const applied = await till.core.call(
      'memberships.applyDiscount',
      { orderId: sale },
      till.cashier.session,
    );
    expect(applied.discountPercent).toBe('10');
    expect(applied.order.totals.totalMinor).toBe('2250');
  });

  it('is paid from coins, refused when short, and a non-member gets no discount', async () => {
    const ann = await till.customer('Ann');
    await till.topUp(ann, 'Enthusiast'); // 1,320 coins
    const premium = await tierId('Premium'); // 2,000 coins
    const short = await till.core
      .call('memberships.renewWithCoins', { customerId: ann, tierId: premium }, till.cashier.session)
      .catch((e: unknown) => e as ApiCallError);
    expect(short).toMatchObject({ code: 'insufficient_funds' });
    const { membership } = await till.core.call(
      'memberships.renewWithCoins',
      { customerId: ann, tierId: await tierId('Basic'), autoRenew: true },
      till.cashier.session,
    );
    expect(membership).toMatchObject({ valid: true, source: 'coins', autoRenew: true });
    expect((await till.coins(ann)).balance).toBe('320');
    expect(till.ledger.checkInvariants().ok).toBe(true);

    const bob = await till.customer('Bob');
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    await till.core.call('orders.setCustomer', { orderId, customerId: bob }, till.cashier.session);
    const refused = await till.core
      .call('memberships.applyDiscount', { orderId }, till.cashier.session)
      .catch((e: unknown) => e as ApiCallError);
    expect(refused).toMatchObject({ code: 'conflict' });
  });
});
