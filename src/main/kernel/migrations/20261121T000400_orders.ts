import { type Migration } from '../migrate';

/**
 * Orders (owned by src/main/orders) and payments (owned by src/main/payments). Amounts are TEXT
 * decimal strings of minor units of the order's currency; JSON columns carry amounts as strings too.
 *
 * - orders: an open order is the cart. `number` is what people read out (1001, 1002, ... on this
 *   till). Discount and tip are JSON (`{"kind":"percent","percent":"10"}`) or NULL. The totals
 *   columns and `pricing` (the whole priced cart as JSON) are frozen when the order is paid.
 * - order_lines: `variant_id` is NULL for a custom item; `tax_rates` is the snapshot of the rates
 *   when the line was added; `discount` is JSON or NULL.
 * - payments: one row per tender attempt; `amount` is what it paid of the order (tendered − change),
 *   `refunded` what went back through it; `transfer_id` is its tender transfer in the ledger.
 *   `request` is the JSON of the call that made it, so a retry with the same id is recognised.
 * - refunds: `lines` is JSON [{ lineId, quantity, netMinor, taxes: [{ taxId, amountMinor }], amountMinor }];
 *   `tenders` is JSON [{ paymentId, kind, amountMinor }] (where the money went back).
 */
export const migration: Migration = {
  id: '20261121T000400_orders',
  sql: `
    CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE CHECK (number > 0),
      status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'partially_refunded', 'refunded', 'voided')),
      shift_id TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES staff (id),
      currency TEXT NOT NULL,
      discount TEXT CHECK (discount IS NULL OR json_valid(discount)),
      discount_approved_by TEXT REFERENCES staff (id),
      tip TEXT CHECK (tip IS NULL OR json_valid(tip)),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      paid_at TEXT,
      paid_shift_id TEXT,
      voided_at TEXT,
      voided_by TEXT REFERENCES staff (id),
      voided_shift_id TEXT,
      void_reason TEXT,
      void_approved_by TEXT REFERENCES staff (id),
      subtotal TEXT,
      discount_total TEXT,
      tax_total TEXT,
      tip_total TEXT,
      total TEXT,
      cash_rounding TEXT,
      revenue TEXT,
      pricing TEXT CHECK (pricing IS NULL OR json_valid(pricing)),
      CHECK ((status = 'open' OR status = 'voided') OR (paid_at IS NOT NULL AND pricing IS NOT NULL AND total IS NOT NULL))
    ) STRICT;
    CREATE INDEX orders_status ON orders (status, created_at);
    CREATE INDEX orders_created ON orders (created_at);
    CREATE INDEX orders_paid_shift ON orders (paid_shift_id) WHERE paid_shift_id IS NOT NULL;
    CREATE INDEX orders_voided_shift ON orders (voided_shift_id) WHERE voided_shift_id IS NOT NULL;

    CREATE TABLE order_lines (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      variant_id TEXT,
      name TEXT NOT NULL,
      sku TEXT NOT NULL DEFAULT '',
      unit_price TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      tax_class_id TEXT,
      tax_rates TEXT NOT NULL CHECK (json_valid(tax_rates)),
      track_stock INTEGER NOT NULL DEFAULT 0 CHECK (track_stock IN (0, 1)),
      discount TEXT CHECK (discount IS NULL OR json_valid(discount)),
      discount_approved_by TEXT REFERENCES staff (id),
      sort INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX order_lines_order ON order_lines (order_id, sort);
    CREATE INDEX order_lines_variant ON order_lines (variant_id) WHERE variant_id IS NOT NULL;

    CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'crypto', 'coins')),
      status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled', 'refunded', 'partially_refunded')),
      currency TEXT NOT NULL,
      amount TEXT NOT NULL,
      tendered TEXT,
      change TEXT,
      rounding TEXT NOT NULL DEFAULT '0',
      settles INTEGER NOT NULL DEFAULT 0 CHECK (settles IN (0, 1)),
      refunded TEXT NOT NULL DEFAULT '0',
      external_id TEXT,
      external_ref TEXT,
      transfer_id TEXT,
      request TEXT NOT NULL CHECK (json_valid(request)),
      message TEXT,
      created_by TEXT NOT NULL REFERENCES staff (id),
      shift_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      voided_at TEXT,
      voided_shift_id TEXT
    ) STRICT;
    CREATE INDEX payments_order ON payments (order_id, created_at);
    CREATE INDEX payments_shift ON payments (shift_id);
    CREATE INDEX payments_voided_shift ON payments (voided_shift_id) WHERE voided_shift_id IS NOT NULL;
    CREATE UNIQUE INDEX payments_external ON payments (kind, external_id) WHERE external_id IS NOT NULL;

    CREATE TABLE refunds (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      lines TEXT NOT NULL CHECK (json_valid(lines)),
      net TEXT NOT NULL,
      tax TEXT NOT NULL,
      tip TEXT NOT NULL,
      rounding TEXT NOT NULL,
      amount TEXT NOT NULL,
      complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
      reason TEXT NOT NULL,
      approved_by TEXT REFERENCES staff (id),
      created_by TEXT NOT NULL REFERENCES staff (id),
      shift_id TEXT NOT NULL,
      tender TEXT NOT NULL,
      tenders TEXT NOT NULL CHECK (json_valid(tenders)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX refunds_order ON refunds (order_id, created_at);
    CREATE INDEX refunds_shift ON refunds (shift_id);
  `,
};
