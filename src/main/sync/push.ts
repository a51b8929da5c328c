/** Sends one batch of outbox rows to the central database in one statement (tillpoint.push_changes). */
import { type ClientBase } from 'pg';
import { type OutboxRow } from './outboxStore';

/**
 * The batch as one JSON text: [[seq, table, row id, op, payload, committed at], ...]. The payload is
 * already JSON (SQLite's json_object), so it is put in as it is, never parsed and written again.
 */
export function batchJson(rows: readonly OutboxRow[]): string {
  const parts = rows.map(
    (row) =>
      `[${row.seq},${JSON.stringify(row.tableName)},${JSON.stringify(row.rowId)},${JSON.stringify(row.op)},` +
      `${row.payload},${JSON.stringify(row.committedAt)}]`,
  );
  return `[${parts.join(',')}]`;
}

/** Pushes the rows (contiguous seqs, oldest first); returns the till's head as the server now has it. */
export async function pushBatch(
  client: ClientBase,
  till: { storeId: string; tillId: string },
  rows: readonly OutboxRow[],
): Promise<number> {
  const first = rows[0]?.seq ?? 1;
  const last = rows[rows.length - 1]?.seq ?? 0;
  const result = await client.query<{ head: string }>(
    'SELECT tillpoint.push_changes($1, $2, $3, $4, $5::jsonb) AS head',
    [till.storeId, till.tillId, first, last, batchJson(rows)],
  );
  return Number(result.rows[0]?.head ?? 0);
}

/** The seq the central database has confirmed for this till. */
export async function tillHead(
  client: ClientBase,
  till: { storeId: string; tillId: string },
): Promise<number> {
  const result = await client.query<{ head: string | null }>('SELECT tillpoint.till_head($1, $2) AS head', [
    till.storeId,
    till.tillId,
  ]);
  const head = result.rows[0]?.head;
  if (head === null || head === undefined) {
    throw new Error(
      `The central database does not know till ${till.storeId}/${till.tillId} (tillpoint db add-till).`,
    );
  }
  return Number(head);
}

/** True for the server's refusal of a batch that would leave a gap. */
export function isGapError(error: unknown): boolean {
  return error instanceof Error && /sync gap/.test(error.message);
}
