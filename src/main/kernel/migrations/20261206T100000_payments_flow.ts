import { type Migration } from '../migrate';

/**
 * Payments that settle later (owned by src/main/payments).
 *
 * - payments: rebuilt without the fixed list of tender kinds (a tender registers itself; the kind is
 *   a short lower-case name) and with `expired`. `transfer_id` is now the payment's **pending**
 *   ledger transfer, written with the row; `post_transfer_id` / `void_transfer_id` resolve it.
 *   `settled_shift_id` is the shift that was current when it resolved; `carried` marks a payment a
 *   manager let a shift close without (it counts in the shift it settles in); `expires_at` is when
 *   the payments service gives up on it; `details` is the tender's own JSON (a reader, an invoice).
 * - refunds: a `status` (pending until every share has its tender's answer) and a `purpose`: a
 *   refund of a paid order, or the money handed back by a void of an open one.
 * - refund_shares: one row per payment a refund gives money back through, with its own id, its
 *   pending ledger transfer, and the tender's answer.
 */
export const migration: Migration = {
  id: '20261206T100000_payments_flow',
  sql: `
    CREATE TABLE payments_v2 (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
      status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled', 'expired', 'refunded', 'partially_refunded')),
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
      post_transfer_id TEXT,
      void_transfer_id TEXT,
      request TEXT NOT NULL CHECK (json_valid(request)),
      details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
      message TEXT,
      created_by TEXT NOT NULL REFERENCES staff (id),
      shift_id TEXT NOT NULL,
      settled_shift_id TEXT,
      carried INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1)),
      expires_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      voided_at TEXT,
      voided_shift_id TEXT
    ) STRICT;
    INSERT INTO payments_v2 (id, order_id, kind, status, currency, amount, tendered, change, rounding, settles,
      refunded, external_id, external_ref, transfer_id, post_transfer_id, request, message, created_by, shift_id,
      settled_shift_id, created_at, updated_at, voided_at, voided_shift_id)
    SELECT id, order_id, kind, status, currency, amount, tendered, change, rounding, settles,
      refunded, external_id, external_ref, NULL, transfer_id, request, message, created_by, shift_id,
      CASE WHEN status = 'pending' THEN NULL ELSE shift_id END, created_at, updated_at, voided_at, voided_shift_id
    FROM payments;
    DROP TABLE payments;
    ALTER TABLE payments_v2 RENAME TO payments;
    CREATE INDEX payments_order ON payments (order_id, created_at);
    CREATE INDEX payments_shift ON payments (shift_id);
    CREATE INDEX payments_settled_shift ON payments (COALESCE(settled_shift_id, shift_id));
    CREATE INDEX payments_voided_shift ON payments (voided_shift_id) WHERE voided_shift_id IS NOT NULL;
    CREATE INDEX payments_pending ON payments (status) WHERE status = 'pending';
    CREATE UNIQUE INDEX payments_external ON payments (kind, external_id) WHERE external_id IS NOT NULL;

    ALTER TABLE refunds ADD COLUMN status TEXT NOT NULL DEFAULT 'succeeded'
      CHECK (status IN ('pending', 'succeeded', 'failed', 'partially_failed'));
    ALTER TABLE refunds ADD COLUMN updated_at TEXT;
    ALTER TABLE refunds ADD COLUMN purpose TEXT NOT NULL DEFAULT 'refund' CHECK (purpose IN ('refund', 'void'));
    CREATE INDEX refunds_pending ON refunds (status) WHERE status = 'pending';

    CREATE TABLE refund_shares (
      id TEXT PRIMARY KEY,
      refund_id TEXT NOT NULL REFERENCES refunds (id),
      payment_id TEXT NOT NULL REFERENCES payments (id),
      kind TEXT NOT NULL,
      amount TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
      transfer_id TEXT NOT NULL,
      resolve_transfer_id TEXT,
      external_id TEXT,
      message TEXT,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX refund_shares_refund ON refund_shares (refund_id, position);
    CREATE INDEX refund_shares_payment ON refund_shares (payment_id);
    CREATE INDEX refund_shares_pending ON refund_shares (status) WHERE status = 'pending';
  `,
};
