/**
 * Refunding a membership sold at the counter shortens the membership by the refunded periods (never
 * before its start), and once the refund's money went back; the rule as a table, too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoinsTill, type CoinsTill } from '../coins/coinsTestKit';
import { shortenedPeriod } from './service';

describe('the shortening rule', () => {
  const tier = { id: 'T1', periodMonths: 1 };
  const now = new Date('2026-03-15T10:00:00.000Z');
  const m = (validFrom: string, validUntil: string, tierId = 'T1', autoRenew = false) => ({
    tierId,
    validFrom,
    validUntil,
    autoRenew,
  });
  it.each([
    ['no membership: nothing', null, 1, null],
    ['another tier now: nothing', m('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 'T2'), 1, null],
    [
      'one of three periods back',
      m('2026-03-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', 'T1', true),
      1,
      { validUntil: '2026-05-01T00:00:00.000Z', autoRenew: true },
    ],
    [
      'the only period back: ends at its start, auto-renew off',
      m('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 'T1', true),
      1,
      { validUntil: '2026-03-01T00:00:00.000Z', autoRenew: false },
    ],
    [
      'more periods than are left: never before its start',
      m('2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'),
      3,
      { validUntil: '2026-03-01T00:00:00.000Z', autoRenew: false },
    ],
    [
      'month ends: 31 May back one month is 30 April',
      m('2026-01-31T00:00:00.000Z', '2026-05-31T00:00:00.000Z'),
      1,
      { validUntil: '2026-04-30T00:00:00.000Z', autoRenew: false },
    ],
  ] as const)('%s', (_name, current, periods, expected) => {
    expect(shortenedPeriod(current, tier, periods, now)).toEqual(expected);
  });
});

describe('refunding a membership line', () => {
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
  const status = async (customerId: string) =>
    (await till.core.call('memberships.status', { customerId }, till.cashier.session)).membership;

  it('takes the refunded periods off the membership', async () => {
    const ann = await till.customer('Ann');
    const orderId = await till.newOrder();
    const premium = await tierId('Premium');
    const added = await till.core.call(
      'memberships.addToOrder',
      { orderId, tierId: premium, customerId: ann },
      till.cashier.session,
    );
    const lineId = added.order.lines[0]?.id ?? '';
    const { order } = await till.core.call(
      'orders.updateLine',
      { orderId, lineId, quantity: 2 },
      till.cashier.session,
    );
    await till.payCash(orderId, BigInt(order.totals.totalMinor));
    const sold = await status(ann);
    expect(sold).toMatchObject({ valid: true });
    const from = Date.parse(sold?.validFrom ?? '');
    const twoPeriods = Date.parse(sold?.validUntil ?? '') - from;

    // One of the two periods back: the membership ends one period earlier, still valid.
    await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'changed mind' },
      till.manager.session,
    );
    const shorter = await status(ann);
    expect(shorter).toMatchObject({ valid: true, validFrom: sold?.validFrom });
    const left = Date.parse(shorter?.validUntil ?? '') - from;
    expect(left).toBeLessThan(twoPeriods);
    expect(left).toBeGreaterThan(0);

    // The other: it ends at its start, no longer valid, and gives no discount.
    await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'changed mind' },
      till.manager.session,
    );
    expect(await status(ann)).toMatchObject({ valid: false, validUntil: sold?.validFrom });
    const audit = await till.core.call(
      'audit.list',
      { action: 'memberships.shortenedByRefund' },
      till.owner.session,
    );
    expect(audit.entries).toHaveLength(2);
  });
});
