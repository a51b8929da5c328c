import { type Migration } from '../migrate';

/**
 * Vendors and revenue splits (owned by src/main/vendors).
 *
 * - vendors: who sells through the shop, with their terms: a share of the net sale (percent text) or a
 *   fixed commission per unit the store keeps (minor units of the store currency).
 * - vendor_products: which vendor a product belongs to.
 * - vendor_sales: per paid order line of a vendor's product, the vendor's part (credited to their
 *   payable when the order was paid).
 * - vendor_refunds: per refund and line, the part of the vendor's share taken back.
 * - vendor_payouts: money paid out to a vendor (cash from the drawer, a bank transfer recorded, or crypto).
 */
export const migration: Migration = {
  id: '20261206T210000_vendors',
  sql: `
    CREATE TABLE vendors (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      contact TEXT NOT NULL DEFAULT '',
      terms_kind TEXT NOT NULL CHECK (terms_kind IN ('share', 'commission')),
      share_percent TEXT,
      commission_minor TEXT,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE vendor_products (
      product_id TEXT PRIMARY KEY REFERENCES catalog_products (id),
      vendor_id TEXT NOT NULL REFERENCES vendors (id),
      set_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE vendor_sales (
      line_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      vendor_id TEXT NOT NULL REFERENCES vendors (id),
      currency TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      net TEXT NOT NULL,
      vendor_part TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX vendor_sales_vendor ON vendor_sales (vendor_id, created_at);

    CREATE TABLE vendor_refunds (
      refund_id TEXT NOT NULL,
      line_id TEXT NOT NULL REFERENCES vendor_sales (line_id),
      quantity INTEGER NOT NULL,
      vendor_part TEXT NOT NULL,
      PRIMARY KEY (refund_id, line_id)
    ) STRICT;

    CREATE TABLE vendor_payouts (
      id TEXT PRIMARY KEY,
      vendor_id TEXT NOT NULL REFERENCES vendors (id),
      currency TEXT NOT NULL,
      amount TEXT NOT NULL,
      method TEXT NOT NULL CHECK (method IN ('cash', 'bank', 'crypto')),
      reference TEXT NOT NULL DEFAULT '',
      transfer_id TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `,
};
