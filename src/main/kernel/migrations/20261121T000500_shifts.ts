import { type Migration } from '../migrate';

/**
 * Shifts of this till (owned by src/main/shifts), their cash movements, and no-sale drawer opens.
 * Amounts are TEXT decimal strings of minor units of the shift's currency; counts are JSON arrays of
 * `{ denominationMinor, count, subtotalMinor }` (strings for amounts).
 *
 * - shifts: `number` is sequential per till; at most one shift per till is not closed (partial
 *   unique index); a closed shift never changes again (trigger), so its frozen Z report cannot either.
 * - shift_cash_movements: pay-ins, pay-outs and safe drops; append-only.
 * - drawer_no_sales: drawer opens without a sale, with who approved them; append-only.
 */
export const migration: Migration = {
  id: '20261121T000500_shifts',
  sql: `
    CREATE TABLE shifts (
      id TEXT PRIMARY KEY,
      till_id TEXT NOT NULL,
      number INTEGER NOT NULL CHECK (number > 0),
      status TEXT NOT NULL CHECK (status IN ('open', 'closing', 'closed')),
      currency TEXT NOT NULL,
      opened_by TEXT NOT NULL REFERENCES staff (id),
      opened_at TEXT NOT NULL,
      opening_float TEXT NOT NULL,
      opening_counts TEXT CHECK (opening_counts IS NULL OR json_valid(opening_counts)),
      closing_started_by TEXT REFERENCES staff (id),
      closing_started_at TEXT,
      closed_by TEXT REFERENCES staff (id),
      closed_at TEXT,
      closing_counts TEXT CHECK (closing_counts IS NULL OR json_valid(closing_counts)),
      counted_total TEXT,
      expected_cash TEXT,
      difference TEXT,
      note TEXT,
      z_report TEXT CHECK (z_report IS NULL OR json_valid(z_report)),
      UNIQUE (till_id, number),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND z_report IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX shifts_one_unclosed_per_till ON shifts (till_id) WHERE status <> 'closed';
    CREATE INDEX shifts_opened_at ON shifts (opened_at);
    CREATE TRIGGER shifts_closed_frozen BEFORE UPDATE ON shifts WHEN OLD.status = 'closed'
    BEGIN
      SELECT RAISE(ABORT, 'a closed shift cannot change: its Z report is final');
    END;
    CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
    BEGIN
      SELECT RAISE(ABORT, 'shifts cannot be deleted');
    END;

    CREATE TABLE shift_cash_movements (
      id TEXT PRIMARY KEY,
      shift_id TEXT NOT NULL REFERENCES shifts (id),
      kind TEXT NOT NULL CHECK (kind IN ('pay_in', 'pay_out', 'drop')),
      amount TEXT NOT NULL,
      reason TEXT NOT NULL,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      approved_by TEXT REFERENCES staff (id),
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX shift_cash_movements_shift ON shift_cash_movements (shift_id, id);
    CREATE TRIGGER shift_cash_movements_no_update BEFORE UPDATE ON shift_cash_movements
    BEGIN
      SELECT RAISE(ABORT, 'cash movements are append-only');
    END;
    CREATE TRIGGER shift_cash_movements_no_delete BEFORE DELETE ON shift_cash_movements
    BEGIN
      SELECT RAISE(ABORT, 'cash movements are append-only');
    END;

    CREATE TABLE drawer_no_sales (
      id TEXT PRIMARY KEY,
      shift_id TEXT REFERENCES shifts (id),
      staff_id TEXT NOT NULL REFERENCES staff (id),
      approved_by TEXT NOT NULL REFERENCES staff (id),
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX drawer_no_sales_shift ON drawer_no_sales (shift_id, id);
    CREATE TRIGGER drawer_no_sales_no_update BEFORE UPDATE ON drawer_no_sales
    BEGIN
      SELECT RAISE(ABORT, 'no-sale records are append-only');
    END;
    CREATE TRIGGER drawer_no_sales_no_delete BEFORE DELETE ON drawer_no_sales
    BEGIN
      SELECT RAISE(ABORT, 'no-sale records are append-only');
    END;
  `,
};
