import { type Migration } from '../migrate';

/**
 * Refund rollups (owned by src/main/reports), so a report over years never reads the raw refunds nor
 * looks a refunded line up in order_lines. One row per counted refund (a refund whose sale reversal
 * is posted: status succeeded or partially_failed) and its facts per dimension, written in the
 * transaction that finishes the refund (the orders domain's `onRefundDone` hook).
 *
 * - report_refunds: the refund's time (UTC, read by the same range as the sales' store days), till,
 *   currency, net, tax, tip and what went back through the tenders (succeeded shares).
 * - report_refund_dims: per refund, dimension and key: quantity, net, tax, amount (as the sales').
 * - triggers: a change of a refund's or a share's status drops that refund's rows, so the reports
 *   domain records it again from the raw rows (`catchUpRefunds`) before the next report.
 * - `stale` = 1: existing tills rebuild every rollup, refunds included, at start.
 */
export const migration: Migration = {
  id: '20261207T060000_report_refund_rollups',
  sql: `
    CREATE TABLE report_refunds (
      refund_id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      till_id TEXT NOT NULL,
      currency TEXT NOT NULL,
      net INTEGER NOT NULL,
      tax INTEGER NOT NULL,
      tip INTEGER NOT NULL,
      paid_back INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX report_refunds_time ON report_refunds (created_at);

    CREATE TABLE report_refund_dims (
      refund_id TEXT NOT NULL,
      dim TEXT NOT NULL,
      key TEXT NOT NULL,
      label TEXT NOT NULL,
      quantity INTEGER NOT NULL DEFAULT 0,
      net INTEGER NOT NULL DEFAULT 0,
      tax INTEGER NOT NULL DEFAULT 0,
      amount INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (refund_id, dim, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER report_refund_status AFTER UPDATE OF status ON refunds
      WHEN OLD.status IS NOT NEW.status BEGIN
      DELETE FROM report_refund_dims WHERE refund_id = NEW.id;
      DELETE FROM report_refunds WHERE refund_id = NEW.id;
    END;
    CREATE TRIGGER report_refund_share_status AFTER UPDATE OF status, amount ON refund_shares BEGIN
      DELETE FROM report_refund_dims WHERE refund_id = NEW.refund_id;
      DELETE FROM report_refunds WHERE refund_id = NEW.refund_id;
    END;

    INSERT INTO report_meta (key, value) VALUES ('stale', '1')
      ON CONFLICT (key) DO UPDATE SET value = '1';
  `,
};
