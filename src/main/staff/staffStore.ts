/** The `staff` table: rows, and how they turn into what the API shows. */
import { type z } from 'zod';
import { nameKey, type Role } from '../../shared/api';
import { type staffCardSchema, type staffRecordSchema } from '../../shared/api/staff';
import { type StaffIdentity, type Db } from '../kernel';
import { isLocked, type LockoutState } from './lockout';
import { initialsOf } from './pinRules';

export type StaffCard = z.infer<typeof staffCardSchema>;
export type StaffRecord = z.infer<typeof staffRecordSchema>;

export interface StaffRow {
  id: string;
  name: string;
  role: Role;
  active: number;
  pin_hash: string;
  failed_pin_count: number;
  lock_count: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  /** The PIN's number of digits; null when not known yet (set before the column existed). */
  pin_length: number | null;
}

const columns =
  'id, name, role, active, pin_hash, failed_pin_count, lock_count, locked_until, created_at, updated_at, created_by, pin_length';

export function getStaffRow(db: Db, staffId: string): StaffRow | undefined {
  return db.prepare(`SELECT ${columns} FROM staff WHERE id = ?`).get(staffId) as StaffRow | undefined;
}

export function listStaffRows(db: Db, options: { activeOnly: boolean }): StaffRow[] {
  const where = options.activeOnly ? ' WHERE active = 1' : '';
  return db
    .prepare(`SELECT ${columns} FROM staff${where} ORDER BY name COLLATE NOCASE, id`)
    .all() as StaffRow[];
}

export function countStaff(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
}

export function countActiveOwners(db: Db): number {
  return (
    db.prepare("SELECT count(*) AS n FROM staff WHERE active = 1 AND role = 'owner'").get() as { n: number }
  ).n;
}

/** Whether another active member already has this name (ignoring case): the login screen must tell them apart. */
/** Names are the same after NFC normalisation and case folding ("Zoë" = "ZOE\u0308", "Strauß" = "STRAUSS"). */
export function activeNameTaken(db: Db, name: string, exceptStaffId: string | null): boolean {
  const wanted = nameKey(name);
  return listStaffRows(db, { activeOnly: true }).some(
    (row) => row.id !== exceptStaffId && nameKey(row.name) === wanted,
  );
}

export function insertStaffRow(db: Db, row: StaffRow): void {
  db.prepare(
    `INSERT INTO staff (${columns}) VALUES (@id, @name, @role, @active, @pin_hash, @failed_pin_count,
       @lock_count, @locked_until, @created_at, @updated_at, @created_by, @pin_length)`,
  ).run(row);
}

export function updateStaffProfile(
  db: Db,
  staffId: string,
  fields: { name: string; role: Role; active: boolean; updatedAt: string },
): void {
  db.prepare('UPDATE staff SET name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
    fields.name,
    fields.role,
    fields.active ? 1 : 0,
    fields.updatedAt,
    staffId,
  );
}

/** Replaces the PIN hash only if it is still `previousHash`; returns whether it did. */
export function replacePinHash(
  db: Db,
  staffId: string,
  previousHash: string,
  nextHash: string,
  options: { updatedAt: string; liftLockout: boolean; pinLength?: number },
): boolean {
  const lift = options.liftLockout ? ', failed_pin_count = 0, lock_count = 0, locked_until = NULL' : '';
  const length = options.pinLength === undefined ? '' : ', pin_length = @pinLength';
  const result = db
    .prepare(
      `UPDATE staff SET pin_hash = @nextHash, updated_at = @updatedAt${lift}${length}
        WHERE id = @staffId AND pin_hash = @previousHash`,
    )
    .run({
      nextHash,
      updatedAt: options.updatedAt,
      staffId,
      previousHash,
      ...(options.pinLength === undefined ? {} : { pinLength: options.pinLength }),
    });
  return result.changes === 1;
}

/** Records the length of a PIN just proven right, when it was not known (or differs). */
export function learnPinLength(db: Db, staffId: string, pinLength: number): void {
  db.prepare('UPDATE staff SET pin_length = ? WHERE id = ? AND pin_length IS NOT ?').run(
    pinLength,
    staffId,
    pinLength,
  );
}

/**
 * How many active members have a PIN whose length is not `pinLength` (or not known yet): a store
 * may fix its PIN length only when this is 0.
 */
export function countPinsOfOtherLength(db: Db, pinLength: number): number {
  return (
    db
      .prepare('SELECT count(*) AS n FROM staff WHERE active = 1 AND (pin_length IS NULL OR pin_length <> ?)')
      .get(pinLength) as { n: number }
  ).n;
}

export function saveLockoutState(db: Db, staffId: string, state: LockoutState): void {
  db.prepare('UPDATE staff SET failed_pin_count = ?, lock_count = ?, locked_until = ? WHERE id = ?').run(
    state.failedPinCount,
    state.lockCount,
    state.lockedUntilMs === null ? null : new Date(state.lockedUntilMs).toISOString(),
    staffId,
  );
}

export function lockoutOf(row: StaffRow): LockoutState {
  return {
    failedPinCount: row.failed_pin_count,
    lockCount: row.lock_count,
    lockedUntilMs: row.locked_until === null ? null : Date.parse(row.locked_until),
  };
}

export function identityOf(row: StaffRow): StaffIdentity {
  return { staffId: row.id, name: row.name, role: row.role };
}

/** The lock's end while it lasts, else null. */
export function lockedUntilOf(row: StaffRow, nowMs: number): string | null {
  return isLocked(lockoutOf(row), nowMs) ? row.locked_until : null;
}

export function cardOf(row: StaffRow, nowMs: number): StaffCard {
  return { ...identityOf(row), initials: initialsOf(row.name), lockedUntil: lockedUntilOf(row, nowMs) };
}

export function recordOf(row: StaffRow, nowMs: number): StaffRecord {
  return {
    ...cardOf(row, nowMs),
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
  };
}
