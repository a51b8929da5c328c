/**
 * The coin rule at the counter: with sync on, a coins payment beyond this till's allowance is refused
 * as insufficient_funds (why, in words) and writes nothing; once the worker has pushed the top-up and
 * leased an allowance from the central database, the same payment goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../src/shared/api';
import { createCentralDb, runStoreId, type CentralDb } from './centralDb';
import { startTill, type TestTill } from './tillKit';

let central: CentralDb;
let till: TestTill;
beforeAll(async () => {
  central = await createCentralDb();
  till = await startTill({
    central,
    storeId: runStoreId(central, 'coinpay'),
    tillId: 'till1',
    coinLeaseUnits: 0,
  });
}, 60_000);
afterAll(async () => {
  await till?.close();
  await central?.close();
});

describe('a coins payment with sync on', () => {
  it('is refused beyond the allowance, in words, and goes through once coins are leased', async () => {
    const { core, session } = till;
    const { customer } = await core.call('customers.create', { name: 'Ann' }, session);
    const { packages } = await core.call('coins.packages', {}, session);
    const pack = packages[0];
    if (!pack) throw new Error('no coin package in the demo store');
    const { order: topUp } = await core.call('orders.create', {}, session);
    const { order: withPack } = await core.call(
      'coins.addTopUp',
      { orderId: topUp.id, packageId: pack.id, customerId: customer.id },
      session,
    );
    await core.call('payments.cash', { orderId: topUp.id, tendered: withPack.totals.totalMinor }, session);

    const { products } = await core.call('catalog.products', { limit: 5 }, session);
    const { order } = await core.call('orders.create', {}, session);
    await core.call(
      'orders.addLine',
      { orderId: order.id, variantId: products[0]?.variants[0]?.id ?? '', quantity: 1 },
      session,
    );
    await core.call('orders.setCustomer', { orderId: order.id, customerId: customer.id }, session);
    const coinValue = String(core.db.prepare('SELECT coin_value_minor FROM coin_settings').pluck().get());
    const tenCoins = (BigInt(coinValue) * 10n).toString();
    const payments = () =>
      core.db.prepare('SELECT count(*) FROM payments WHERE order_id = ?').pluck().get(order.id);
    const before = payments();
    const refused = await core
      .call('payments.start', { orderId: order.id, tender: 'coins', amount: tenCoins }, session)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(ApiCallError);
    expect(refused).toMatchObject({ code: 'insufficient_funds', details: { reason: 'coin_allowance' } });
    expect((refused as ApiCallError).message).toMatch(/central database/);
    expect(payments()).toBe(before);

    // Online: the top-up reaches the central database, which then leases coins to this till.
    expect(await till.core.sync.worker?.drained(30_000)).toBe(true);
    const admin = await central.admin();
    const leased = await admin.query<{ total: string }>(
      'SELECT tillpoint.lease_coins($1, $2, $3, 100000) AS total',
      [till.storeId, till.tillId, customer.id],
    );
    await admin.end();
    const granted = BigInt(leased.rows[0]?.total ?? '0');
    expect(granted).toBeGreaterThanOrEqual(10n);
    core.db
      .prepare(
        `INSERT INTO sync_coin_allowances (customer_id, granted_units, spent_units, updated_at) VALUES (?, ?, 0, 'now')
         ON CONFLICT (customer_id) DO UPDATE SET granted_units = excluded.granted_units`,
      )
      .run(customer.id, granted);
    const paid = await core.call(
      'payments.start',
      { orderId: order.id, tender: 'coins', amount: tenCoins },
      session,
    );
    expect(paid.payment.status).toBe('succeeded');
  }, 60_000);
});
