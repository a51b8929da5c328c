import { type Migration } from '../migrate';

/**
 * Memberships (owned by src/main/memberships).
 *
 * - membership_tiers: Basic, Premium, VIP, ...: a discount percent (text), a period in months, a price
 *   per currency (JSON of minor units) and a price in coins (NULL: not for coins).
 * - memberships: a customer's membership of a tier, valid from / until (ISO instants), whether it renews
 *   itself from the coin balance; `source` is how its last period was paid (a sale's line, or coins).
 * - membership_sales: an order line that sells a tier's period to a customer; applied when the order is paid.
 */
export const migration: Migration = {
  id: '20261206T220000_memberships',
  sql: `
    CREATE TABLE membership_tiers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      discount_percent TEXT NOT NULL,
      period_months INTEGER NOT NULL CHECK (period_months BETWEEN 1 AND 60),
      prices TEXT NOT NULL CHECK (json_valid(prices)),
      coin_price TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE memberships (
      customer_id TEXT PRIMARY KEY REFERENCES customers (id),
      tier_id TEXT NOT NULL REFERENCES membership_tiers (id),
      valid_from TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      auto_renew INTEGER NOT NULL DEFAULT 0 CHECK (auto_renew IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('sale', 'coins')),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE membership_sales (
      line_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      customer_id TEXT NOT NULL REFERENCES customers (id),
      tier_id TEXT NOT NULL REFERENCES membership_tiers (id),
      applied_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX membership_sales_order ON membership_sales (order_id);
  `,
};
