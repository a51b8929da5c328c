import { type Migration } from '../migrate';

/**
 * Customers and store coins (owned by src/main/customers and src/main/coins).
 *
 * - customers: name, phone, email, notes and a customer code (printed as a QR card); `search` is the
 *   folded text every search reads (name, phone digits, email, code); `merged_into` marks a duplicate
 *   merged into another; `erased_at` a customer deleted on request (their details blanked, their ledger
 *   history kept under the customer id, which names no one once the row is blanked).
 * - order_customers: the customer an order is for (one per order; set while the order is open).
 * - coin_settings: one row: the value of one coin in the store currency (minor units), and the months
 *   after the last top-up or gift received when a balance expires (NULL: never).
 * - coin_packages: the packages sold at the counter: coins, bonus percent (text), a price per currency.
 * - coin_topups: an order line that sells a package, the customer it credits; its coins post when the
 *   order is paid (`posted_at`).
 * - coin_payments: what a coins payment took from which customer, and what has gone back.
 * - coin_gifts: gifts and tips between customers, with their message.
 */
export const migration: Migration = {
  id: '20261206T200000_customers_coins',
  sql: `
    CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      search TEXT NOT NULL,
      merged_into TEXT REFERENCES customers (id),
      erased_at TEXT,
      coins_active_at TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customers_name ON customers (name);

    CREATE TABLE order_customers (
      order_id TEXT PRIMARY KEY REFERENCES orders (id),
      customer_id TEXT NOT NULL REFERENCES customers (id),
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX order_customers_customer ON order_customers (customer_id);

    CREATE TABLE coin_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      coin_value_minor TEXT NOT NULL,
      expiry_months INTEGER CHECK (expiry_months IS NULL OR expiry_months BETWEEN 1 AND 120),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE coin_packages (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      coins TEXT NOT NULL,
      bonus_percent TEXT NOT NULL,
      prices TEXT NOT NULL CHECK (json_valid(prices)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      sort INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE coin_topups (
      line_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      customer_id TEXT NOT NULL REFERENCES customers (id),
      package_id TEXT NOT NULL,
      coins TEXT NOT NULL,
      bonus TEXT NOT NULL,
      posted_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX coin_topups_order ON coin_topups (order_id);

    CREATE TABLE coin_payments (
      payment_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      customer_id TEXT NOT NULL REFERENCES customers (id),
      coins TEXT NOT NULL,
      amount TEXT NOT NULL,
      coins_back TEXT NOT NULL DEFAULT '0',
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE coin_gifts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('gift', 'tip')),
      from_customer TEXT NOT NULL REFERENCES customers (id),
      to_customer TEXT NOT NULL REFERENCES customers (id),
      coins TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT '',
      transfer_id TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
