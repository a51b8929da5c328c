/**
 * The audit log's table access: append an entry (in the caller's transaction) and read a page of
 * entries. The table is append-only; triggers in the migration refuse updates and deletes.
 */
import { TillpointError } from '../../shared/api';
import { type AuditEntry } from '../../shared/api/audit';
import { type Db } from '../kernel';

export interface AuditEntryInput {
  /** Who did it (or whose PIN was tried); null or absent for the system itself. */
  readonly staffId?: string | null;
  /** `domain.what`, e.g. `staff.login`, `sales.refund`. */
  readonly action: string;
  /** What it was done to: an order id, a staff id. */
  readonly ref?: string | null;
  /** Anything else worth keeping; bigint values are stored as decimal strings. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditQuery {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly staffId?: string | undefined;
  readonly action?: string | undefined;
  readonly limit: number;
  readonly after?: string | undefined;
  readonly order?: 'oldest_first' | 'newest_first' | undefined;
}

interface AuditRow {
  id: string;
  at: string;
  staff_id: string | null;
  action: string;
  ref: string | null;
  details: string;
}

const actionPattern = /^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9_]*$/;
const maxActionLength = 80;
const maxRefLength = 200;

/** JSON for the details column: bigint amounts become decimal strings, as everywhere in the API. */
export function auditDetailsJson(details: Readonly<Record<string, unknown>> | undefined): string {
  return JSON.stringify(details ?? {}, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

export function checkAuditEntry(entry: AuditEntryInput): void {
  if (entry.action.length > maxActionLength || !actionPattern.test(entry.action)) {
    throw new TillpointError(
      'bad_input',
      `An audit action is "domain.what" in letters, digits and underscores (at most ${maxActionLength} characters); got "${entry.action}".`,
      { action: entry.action },
    );
  }
  if (
    entry.ref !== undefined &&
    entry.ref !== null &&
    (entry.ref.length === 0 || entry.ref.length > maxRefLength)
  ) {
    throw new TillpointError('bad_input', `An audit ref is 1 to ${maxRefLength} characters.`, {
      ref: entry.ref,
    });
  }
}

export function insertAuditEntry(db: Db, id: string, at: Date, entry: AuditEntryInput): AuditEntry {
  checkAuditEntry(entry);
  const row: AuditRow = {
    id,
    at: at.toISOString(),
    staff_id: entry.staffId ?? null,
    action: entry.action,
    ref: entry.ref ?? null,
    details: auditDetailsJson(entry.details),
  };
  db.prepare(
    'INSERT INTO audit_log (id, at, staff_id, action, ref, details) VALUES (@id, @at, @staff_id, @action, @ref, @details)',
  ).run(row);
  return fromRow(row);
}

/** A page of entries, oldest first, and the cursor of the next page (null when this is the last). */
export function listAuditEntries(
  db: Db,
  query: AuditQuery,
): { entries: AuditEntry[]; nextAfter: string | null } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  // Times are compared as text, so they are first normalised to the stored toISOString form.
  if (query.from !== undefined) {
    where.push('at >= @from');
    params.from = new Date(query.from).toISOString();
  }
  if (query.to !== undefined) {
    where.push('at < @to');
    params.to = new Date(query.to).toISOString();
  }
  if (query.staffId !== undefined) {
    where.push('staff_id = @staffId');
    params.staffId = query.staffId;
  }
  if (query.action !== undefined) {
    where.push('action = @action');
    params.action = query.action;
  }
  // Ids are ULIDs: their order is the order of writing. A page goes on past the last id it gave.
  const newestFirst = query.order === 'newest_first';
  if (query.after !== undefined) {
    where.push(newestFirst ? 'id < @after' : 'id > @after');
    params.after = query.after;
  }
  params.limit = query.limit + 1;
  const sql =
    'SELECT id, at, staff_id, action, ref, details FROM audit_log' +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    (newestFirst ? ' ORDER BY id DESC LIMIT @limit' : ' ORDER BY id LIMIT @limit');
  const rows = db.prepare(sql).all(params) as AuditRow[];
  const page = rows.slice(0, query.limit).map(fromRow);
  const last = page[page.length - 1];
  return { entries: page, nextAfter: rows.length > query.limit && last ? last.id : null };
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    action: row.action,
    ref: row.ref,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}
