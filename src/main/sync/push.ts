/** Sends one batch of outbox rows to the central database in one statement (tillpoint.push_changes). */
import { type ClientBase } from 'pg';
import { type OutboxRow } from './outboxStore';

/** Pushes the rows (contiguous seqs, oldest first); returns the till's head as the server now has it. */
export async function pushBatch(
  client: ClientBase,
  till: { storeId: string; tillId: string },
  rows: readonly OutboxRow[],
): Promise<number> {
  const result = await client.query<{ head: string }>(
    'SELECT tillpoint.push_changes($1, $2, $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS head',
    [
      till.storeId,
      till.tillId,
      rows.map((row) => row.seq),
      rows.map((row) => row.tableName),
      rows.map((row) => row.rowId),
      rows.map((row) => row.op),
      rows.map((row) => row.payload),
      rows.map((row) => row.committedAt),
    ],
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
