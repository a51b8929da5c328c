import { type Migration } from '../migrate';

/**
 * Report rollups (owned by src/main/reports), kept in the same transaction as each sale (the orders
 * domain's settle hook), so a report over years reads a few thousand rows instead of every order.
 * Days and hours are the store's (its time zone when the sale was recorded; `report_meta.time_zone`
 * says which, and a change of zone rebuilds them). Amounts are INTEGER minor units of the store
 * currency (a fiat amount fits 63 bits many times over; SQLite's SUM stops with an error on overflow,
 * never wraps); crypto amounts in their own units stay TEXT (wei passes 2^63).
 *
 * - report_sales_hours: per store day, hour of day, till and currency: orders, gross, discounts, net,
 *   tax, tips, what the tenders took.
 * - report_dims: per dimension (product, category, staff, tender, tax, vendor), period (a day
 *   "YYYY-MM-DD" and its month "YYYY-MM"), till, currency and key: count, quantity, net, tax, amount.
 * - report_crypto: one row per crypto payment of a paid order, in its own units and at the locked rate.
 * - report_meta: `time_zone` of the rollups; `stale` = 1 asks the reports domain to rebuild them from
 *   the raw rows at start (set here, so existing sales are rolled up once).
 * - indexes for what reports read raw: refunds by time, paid orders by time, the coin transfers.
 */
export const migration: Migration = {
  id: '20261207T020000_reports',
  sql: `
    CREATE TABLE report_sales_hours (
      day TEXT NOT NULL,
      hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
      till_id TEXT NOT NULL,
      currency TEXT NOT NULL,
      orders INTEGER NOT NULL DEFAULT 0,
      gross INTEGER NOT NULL DEFAULT 0,
      discounts INTEGER NOT NULL DEFAULT 0,
      net INTEGER NOT NULL DEFAULT 0,
      tax INTEGER NOT NULL DEFAULT 0,
      tips INTEGER NOT NULL DEFAULT 0,
      collected INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, hour, till_id, currency)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE report_dims (
      dim TEXT NOT NULL,
      period TEXT NOT NULL,
      till_id TEXT NOT NULL,
      currency TEXT NOT NULL,
      key TEXT NOT NULL,
      label TEXT NOT NULL,
      count INTEGER NOT NULL DEFAULT 0,
      quantity INTEGER NOT NULL DEFAULT 0,
      net INTEGER NOT NULL DEFAULT 0,
      tax INTEGER NOT NULL DEFAULT 0,
      amount INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (dim, period, till_id, currency, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE report_crypto (
      payment_id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      till_id TEXT NOT NULL,
      currency TEXT NOT NULL,
      asset TEXT NOT NULL,
      network TEXT NOT NULL,
      units TEXT NOT NULL,
      amount_minor INTEGER NOT NULL,
      rate TEXT NOT NULL
    ) STRICT;
    CREATE INDEX report_crypto_day ON report_crypto (day);

    CREATE TABLE report_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
    INSERT INTO report_meta (key, value) VALUES ('stale', '1');

    CREATE INDEX report_refunds_created ON refunds (created_at);
    CREATE INDEX report_orders_paid ON orders (paid_at) WHERE paid_at IS NOT NULL;
    CREATE INDEX report_ledger_coins ON ledger_transfers (code, timestamp)
      WHERE code IN ('coins_bought', 'coins_bonus', 'coins_spent', 'coins_spent_back', 'coins_expired',
        'coins_topup_refund', 'coins_membership', 'coins_sold');
  `,
};
