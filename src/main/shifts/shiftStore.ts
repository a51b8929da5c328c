/**
 * The shifts tables: rows as stored, and the statements that read and write them. Amounts are
 * decimal strings of minor units; counts are JSON arrays of `{ denominationMinor, count,
 * subtotalMinor }` with amounts as strings.
 */
import { type Db } from '../kernel';
import { type CountedLine } from './counting';
import { type ShiftStatus } from './shiftState';

export interface ShiftRow {
  id: string;
  till_id: string;
  number: number;
  status: ShiftStatus;
  currency: string;
  opened_by: string;
  opened_at: string;
  opening_float: string;
  opening_counts: string | null;
  closing_started_by: string | null;
  closing_started_at: string | null;
  closed_by: string | null;
  closed_at: string | null;
  closing_counts: string | null;
  counted_total: string | null;
  expected_cash: string | null;
  difference: string | null;
  note: string | null;
  z_report: string | null;
}

export interface CashMovementRow {
  id: string;
  shift_id: string;
  kind: 'pay_in' | 'pay_out' | 'drop';
  amount: string;
  reason: string;
  staff_id: string;
  approved_by: string | null;
  at: string;
}

export interface NoSaleRow {
  id: string;
  shift_id: string | null;
  staff_id: string;
  approved_by: string;
  reason: string;
  at: string;
}

export interface StoredCountLine {
  denominationMinor: string;
  count: number;
  subtotalMinor: string;
}

export function countLinesJson(lines: readonly CountedLine[]): string {
  const stored: StoredCountLine[] = lines.map((line) => ({
    denominationMinor: line.denominationMinor.toString(),
    count: line.count,
    subtotalMinor: line.subtotalMinor.toString(),
  }));
  return JSON.stringify(stored);
}

export function parseCountLines(json: string | null): StoredCountLine[] | null {
  return json === null ? null : (JSON.parse(json) as StoredCountLine[]);
}

/** The shift of the till that is not closed yet (open or closing), if any. */
export function unclosedShift(db: Db, tillId: string): ShiftRow | null {
  const row = db.prepare("SELECT * FROM shifts WHERE till_id = ? AND status <> 'closed'").get(tillId) as
    ShiftRow | undefined;
  return row ?? null;
}

export function getShiftRow(db: Db, shiftId: string): ShiftRow | null {
  return (db.prepare('SELECT * FROM shifts WHERE id = ?').get(shiftId) as ShiftRow | undefined) ?? null;
}

export function nextShiftNumber(db: Db, tillId: string): number {
  const row = db.prepare('SELECT MAX(number) AS last FROM shifts WHERE till_id = ?').get(tillId) as {
    last: number | null;
  };
  return (row.last ?? 0) + 1;
}

export function insertShiftRow(db: Db, row: ShiftRow): void {
  db.prepare(
    `INSERT INTO shifts (id, till_id, number, status, currency, opened_by, opened_at, opening_float, opening_counts,
       closing_started_by, closing_started_at, closed_by, closed_at, closing_counts, counted_total, expected_cash,
       difference, note, z_report)
     VALUES (@id, @till_id, @number, @status, @currency, @opened_by, @opened_at, @opening_float, @opening_counts,
       @closing_started_by, @closing_started_at, @closed_by, @closed_at, @closing_counts, @counted_total,
       @expected_cash, @difference, @note, @z_report)`,
  ).run(row);
}

/** Moves an open shift to closing (or back, with nulls); true when the row was in `from`. */
export function setClosingState(
  db: Db,
  shiftId: string,
  from: ShiftStatus,
  to: ShiftStatus,
  startedBy: string | null,
  startedAt: string | null,
): boolean {
  const result = db
    .prepare(
      'UPDATE shifts SET status = ?, closing_started_by = ?, closing_started_at = ? WHERE id = ? AND status = ?',
    )
    .run(to, startedBy, startedAt, shiftId, from);
  return result.changes === 1;
}

export interface ClosedShiftValues {
  closedBy: string;
  closedAt: string;
  closingCountsJson: string;
  countedTotal: string;
  expectedCash: string;
  difference: string;
  note: string | null;
  zReportJson: string;
}

export function writeClosedShift(db: Db, shiftId: string, values: ClosedShiftValues): boolean {
  const result = db
    .prepare(
      `UPDATE shifts SET status = 'closed', closed_by = @closedBy, closed_at = @closedAt,
         closing_counts = @closingCountsJson, counted_total = @countedTotal, expected_cash = @expectedCash,
         difference = @difference, note = @note, z_report = @zReportJson
       WHERE id = @shiftId AND status = 'closing'`,
    )
    .run({ ...values, shiftId });
  return result.changes === 1;
}

export function listShiftRows(
  db: Db,
  tillId: string,
  limit: number,
  offset: number,
): { rows: ShiftRow[]; total: number } {
  const rows = db
    .prepare('SELECT * FROM shifts WHERE till_id = ? ORDER BY number DESC LIMIT ? OFFSET ?')
    .all(tillId, limit, offset) as ShiftRow[];
  const { total } = db.prepare('SELECT COUNT(*) AS total FROM shifts WHERE till_id = ?').get(tillId) as {
    total: number;
  };
  return { rows, total };
}

export function insertCashMovement(db: Db, row: CashMovementRow): void {
  db.prepare(
    `INSERT INTO shift_cash_movements (id, shift_id, kind, amount, reason, staff_id, approved_by, at)
     VALUES (@id, @shift_id, @kind, @amount, @reason, @staff_id, @approved_by, @at)`,
  ).run(row);
}

export function cashMovementsOf(db: Db, shiftId: string): CashMovementRow[] {
  return db
    .prepare('SELECT * FROM shift_cash_movements WHERE shift_id = ? ORDER BY id')
    .all(shiftId) as CashMovementRow[];
}

export function insertNoSale(db: Db, row: NoSaleRow): void {
  db.prepare(
    `INSERT INTO drawer_no_sales (id, shift_id, staff_id, approved_by, reason, at)
     VALUES (@id, @shift_id, @staff_id, @approved_by, @reason, @at)`,
  ).run(row);
}

export function countNoSales(db: Db, shiftId: string): number {
  const row = db.prepare('SELECT COUNT(*) AS n FROM drawer_no_sales WHERE shift_id = ?').get(shiftId) as {
    n: number;
  };
  return row.n;
}
