/**
 * Pull: catalog, prices, coin packages, membership tiers, staff and settings flow down from the
 * central database by a change cursor, and the central copy wins: a pulled row overwrites the till's
 * own. Rows are applied in dependency order, each by its primary key, with only the columns the till's
 * table has; a staff row never carries a PIN hash (PINs are keyed per till, set on the till).
 */
import { type ClientBase } from 'pg';
import { type Db } from '../kernel';
import { pullCursor, setPullCursor } from './outboxStore';

/** The tables that come down, parents first, with their primary keys. */
export const pulledTables: Readonly<Record<string, readonly string[]>> = {
  catalog_tax_classes: ['id'],
  catalog_tax_rates: ['tax_class_id', 'tax_id'],
  catalog_categories: ['id'],
  catalog_products: ['id'],
  catalog_variants: ['id'],
  catalog_barcodes: ['code'],
  catalog_prices: ['variant_id', 'currency'],
  coin_packages: ['id'],
  coin_settings: ['id'],
  membership_tiers: ['id'],
  settings: ['key'],
  staff: ['id'],
};
const order = Object.keys(pulledTables);

/** Columns a pulled row never sets on the till. */
const neverPulled: Readonly<Record<string, readonly string[]>> = {
  staff: ['pin_hash', 'failed_pin_count', 'lock_count', 'locked_until'],
};

export interface PulledRow {
  readonly tableName: string;
  readonly rowId: string;
  readonly payload: Record<string, unknown>;
  readonly deleted: boolean;
  readonly txid: bigint;
  readonly version: bigint;
}

export async function fetchChanges(
  client: ClientBase,
  storeId: string,
  cursor: { txid: bigint; version: bigint },
  limit: number,
): Promise<PulledRow[]> {
  const result = await client.query<{
    table_name: string;
    row_id: string;
    payload: Record<string, unknown>;
    deleted: boolean;
    txid: string;
    version: string;
  }>(
    `SELECT table_name, row_id, payload, deleted, txid::text, version::text FROM tillpoint.catalog
     WHERE store_id = $1 AND (txid, version) > ($2::bigint, $3::bigint) AND txid < tillpoint.pull_horizon()
     ORDER BY txid, version LIMIT $4`,
    [storeId, cursor.txid.toString(), cursor.version.toString(), limit],
  );
  return result.rows.map((row) => ({
    tableName: row.table_name,
    rowId: row.row_id,
    payload: row.payload,
    deleted: row.deleted,
    txid: BigInt(row.txid),
    version: BigInt(row.version),
  }));
}

export interface ApplyReport {
  applied: number;
  skipped: { tableName: string; rowId: string; reason: string }[];
}

function sqlValue(value: unknown): string | number | bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint') return value;
  return JSON.stringify(value);
}

/**
 * Applies pulled rows over the till's own (the central copy wins) and moves the cursor, in one
 * transaction. A row the till's schema cannot take (a column it lacks is ignored; a constraint it
 * breaks) is skipped and reported, never half-applied.
 */
export function applyPulled(db: Db, rows: readonly PulledRow[]): ApplyReport {
  const report: ApplyReport = { applied: 0, skipped: [] };
  if (rows.length === 0) return report;
  const columnsOf = new Map<string, Set<string>>();
  const columns = (table: string) => {
    let known = columnsOf.get(table);
    if (!known) {
      known = new Set(
        (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
      );
      columnsOf.set(table, known);
    }
    return known;
  };
  const sorted = [...rows].sort((a, b) => order.indexOf(a.tableName) - order.indexOf(b.tableName));
  db.transaction(() => {
    for (const row of sorted) {
      const keys = pulledTables[row.tableName];
      if (!keys) {
        report.skipped.push({ tableName: row.tableName, rowId: row.rowId, reason: 'not a pulled table' });
        continue;
      }
      const own = columns(row.tableName);
      const banned = neverPulled[row.tableName] ?? [];
      const names = Object.keys(row.payload).filter((name) => own.has(name) && !banned.includes(name));
      if (keys.some((key) => !names.includes(key))) {
        report.skipped.push({ tableName: row.tableName, rowId: row.rowId, reason: 'its key is missing' });
        continue;
      }
      try {
        db.transaction(() => {
          if (row.deleted) {
            // Deleting could break the till's history (orders name products): a deleted row goes inactive.
            if (own.has('active')) {
              db.prepare(
                `UPDATE ${row.tableName} SET active = 0 WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`,
              ).run(...keys.map((k) => sqlValue(row.payload[k])));
            }
            return;
          }
          const updates = names.filter((name) => !keys.includes(name));
          const sql =
            `INSERT INTO ${row.tableName} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
            `ON CONFLICT (${keys.join(', ')}) DO ` +
            (updates.length > 0
              ? `UPDATE SET ${updates.map((n) => `${n} = excluded.${n}`).join(', ')}`
              : 'NOTHING');
          db.prepare(sql).run(...names.map((name) => sqlValue(row.payload[name])));
        })();
        report.applied += 1;
      } catch (error) {
        report.skipped.push({ tableName: row.tableName, rowId: row.rowId, reason: (error as Error).message });
      }
    }
    const last = rows.reduce((a, b) =>
      b.txid > a.txid || (b.txid === a.txid && b.version > a.version) ? b : a,
    );
    const cursor = pullCursor(db);
    if (last.txid > cursor.txid || (last.txid === cursor.txid && last.version > cursor.version)) {
      setPullCursor(db, { txid: last.txid, version: last.version });
    }
  })();
  return report;
}
