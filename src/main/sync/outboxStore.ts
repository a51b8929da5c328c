/** The till's side of the outbox: unconfirmed rows in order, the checkpoint, and what is waiting. */
import { type Db } from '../kernel';

export interface OutboxRow {
  readonly seq: number;
  readonly tableName: string;
  readonly rowId: string;
  readonly op: 'insert' | 'update';
  readonly payload: string;
  readonly committedAt: string;
}

export function confirmedSeq(db: Db): number {
  return (
    (db.prepare('SELECT confirmed_seq FROM sync_state WHERE id = 1').pluck().get() as number | undefined) ?? 0
  );
}

/** The newest seq this till ever gave a row (AUTOINCREMENT's counter; 0 before the first). */
export function newestSeq(db: Db): number {
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").pluck().get();
  return typeof seq === 'number' ? seq : 0;
}

export function readBatch(db: Db, afterSeq: number, limit: number): OutboxRow[] {
  return db
    .prepare(
      `SELECT seq, table_name AS tableName, row_id AS rowId, op, payload, committed_at AS committedAt
         FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(afterSeq, limit) as OutboxRow[];
}

/**
 * Records what the central database confirmed (never moves back) and drops the confirmed rows: they
 * are in PostgreSQL, and AUTOINCREMENT never hands their numbers out again.
 */
export function confirm(db: Db, seq: number, nowIso: string): void {
  db.transaction(() => {
    db.prepare(
      'UPDATE sync_state SET confirmed_seq = max(confirmed_seq, ?), updated_at = ? WHERE id = 1',
    ).run(seq, nowIso);
    db.prepare(
      'DELETE FROM sync_outbox WHERE seq <= (SELECT confirmed_seq FROM sync_state WHERE id = 1)',
    ).run();
  })();
}

export interface OutboxDepth {
  readonly rows: number;
  /** When the oldest unconfirmed row was committed (null when none waits). */
  readonly oldestCommittedAt: string | null;
  readonly byTable: { tableName: string; rows: number }[];
}

export function outboxDepth(db: Db): OutboxDepth {
  const confirmed = confirmedSeq(db);
  const head = db
    .prepare('SELECT count(*) AS rows, min(committed_at) AS oldest FROM sync_outbox WHERE seq > ?')
    .get(confirmed) as { rows: number; oldest: string | null };
  const byTable = db
    .prepare(
      `SELECT table_name AS tableName, count(*) AS rows FROM sync_outbox WHERE seq > ?
       GROUP BY table_name ORDER BY table_name LIMIT 100`,
    )
    .all(confirmed) as { tableName: string; rows: number }[];
  return { rows: head.rows, oldestCommittedAt: head.oldest, byTable };
}

export function setCoinRule(db: Db, on: boolean): void {
  db.prepare('UPDATE sync_state SET coin_rule_on = ? WHERE id = 1').run(on ? 1 : 0);
}

/** The pull cursor: the central (txid, version) of the last row applied. */
export function pullCursor(db: Db): { txid: bigint; version: bigint } {
  const text =
    (db.prepare('SELECT pull_cursor FROM sync_state WHERE id = 1').pluck().get() as string | undefined) ??
    '0:0';
  const [txid = '0', version = '0'] = text.split(':');
  return { txid: BigInt(txid), version: BigInt(version) };
}

export function setPullCursor(db: Db, cursor: { txid: bigint; version: bigint }): void {
  db.prepare('UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(`${cursor.txid}:${cursor.version}`);
}
