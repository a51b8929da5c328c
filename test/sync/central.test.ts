/**
 * The central schema against the machine's PostgreSQL (PGlite when it is not there; CI requires the
 * real one): migrations, the push's gap check and idempotence, and row-level security per till role.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTill, loadCentralMigrations, migrateCentral } from '../../src/main/sync';
import { pgClientConfig } from '../../src/main/sync/syncConfig';
import { pushBatch, tillHead } from '../../src/main/sync/push';
import { type OutboxRow } from '../../src/main/sync/outboxStore';
import { createCentralDb, realPostgres, runStoreId, type CentralDb } from './centralDb';

let central: CentralDb;
let storeA: string;
let storeB: string;

function rows(from: number, to: number, table = 'orders'): OutboxRow[] {
  const out: OutboxRow[] = [];
  for (let seq = from; seq <= to; seq += 1) {
    out.push({
      seq,
      tableName: table,
      rowId: `row-${seq}`,
      op: 'insert',
      payload: JSON.stringify({ id: `row-${seq}`, total: '1250', note: 'a "quoted" \\ note, {braces}' }),
      committedAt: new Date().toISOString(),
    });
  }
  return out;
}

beforeAll(async () => {
  central = await createCentralDb();
  storeA = runStoreId(central, 'a');
  storeB = runStoreId(central, 'b');
  const admin = pgClientConfig({ databaseUrl: central.url });
  await addTill(admin, { storeId: storeA, tillId: 'till1' });
  await addTill(admin, { storeId: storeA, tillId: 'till2' });
  await addTill(admin, { storeId: storeB, tillId: 'till1' });
}, 60_000);
afterAll(async () => {
  await central?.close();
});

describe(`the central schema (${realPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('migrates once: a second run applies nothing', async () => {
    const again = await migrateCentral(pgClientConfig({ databaseUrl: central.url }));
    expect(again).toEqual([]);
    const admin = await central.admin();
    const done = await admin.query('SELECT id FROM tillpoint.schema_migrations ORDER BY id');
    await admin.end();
    expect(done.rows.map((r: { id: string }) => r.id)).toEqual(loadCentralMigrations().map((m) => m.id));
  });

  it('keeps every row once, refuses a gap, and a resent batch changes nothing', async () => {
    const admin = await central.admin();
    const till = { storeId: storeA, tillId: 'till1' };
    expect(await pushBatch(admin, till, rows(1, 3))).toBe(3);
    expect(await pushBatch(admin, till, rows(1, 3))).toBe(3);
    expect(await pushBatch(admin, till, rows(2, 5))).toBe(5);
    await expect(pushBatch(admin, till, rows(7, 8))).rejects.toThrow(/sync gap/);
    expect(await tillHead(admin, till)).toBe(5);
    const count = await admin.query(
      "SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d FROM tillpoint.changes WHERE store_id = $1 AND till_id = 'till1'",
      [storeA],
    );
    expect(count.rows[0]).toEqual({ n: 5, d: 5 });
    const payload = await admin.query(
      "SELECT payload->>'note' AS note FROM tillpoint.changes WHERE store_id = $1 AND seq = 2",
      [storeA],
    );
    expect(payload.rows[0]).toEqual({ note: 'a "quoted" \\ note, {braces}' });
    expect((await admin.query('SELECT * FROM tillpoint.sync_gaps')).rowCount).toBe(0);
    await admin.end();
  });

  it('keeps the store id in every primary and foreign key (ready for create_distributed_table)', async () => {
    const admin = await central.admin();
    const keys = await admin.query<{ table_name: string; kind: string; first_column: string }>(
      `SELECT c.conrelid::regclass::text AS table_name, c.contype AS kind,
              (SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = c.conkey[1]) AS first_column
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'tillpoint' AND c.contype IN ('p', 'f')
         AND c.conrelid::regclass::text NOT IN ('tillpoint.schema_migrations')`,
    );
    expect(keys.rows.length).toBeGreaterThan(5);
    for (const key of keys.rows)
      expect(key, `${key.table_name} ${key.kind}`).toMatchObject({ first_column: 'store_id' });
    await admin.end();
  });
});

describe.skipIf(!realPostgres)('row-level security per till role (real PostgreSQL)', () => {
  const connectAs = async (role: string) => {
    const client = new Client({ connectionString: central.urlAs(role) });
    await client.connect();
    return client;
  };
  const roleOf = async (store: string, till: string) => {
    const admin = await central.admin();
    const result = await admin.query<{ role_name: string }>(
      'SELECT role_name FROM tillpoint.tills WHERE store_id = $1 AND till_id = $2',
      [store, till],
    );
    await admin.end();
    return result.rows[0]?.role_name ?? '';
  };

  it("lets a till insert its own rows, never another store's or another till's", async () => {
    const tillA2 = await connectAs(await roleOf(storeA, 'till2'));
    try {
      expect(await pushBatch(tillA2, { storeId: storeA, tillId: 'till2' }, rows(1, 2))).toBe(2);
      await expect(pushBatch(tillA2, { storeId: storeB, tillId: 'till1' }, rows(1, 2))).rejects.toThrow(
        /may not act for till/,
      );
      await expect(pushBatch(tillA2, { storeId: storeA, tillId: 'till1' }, rows(6, 6))).rejects.toThrow(
        /may not act for till/,
      );
      await expect(
        tillA2.query(
          `INSERT INTO tillpoint.changes (store_id, till_id, seq, table_name, row_id, op, payload, committed_at)
           VALUES ($1, 'till1', 99, 'orders', 'x', 'insert', '{}', now())`,
          [storeB],
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(tillA2.query('UPDATE tillpoint.tills SET last_seq = 0')).rejects.toThrow(
        /permission denied/,
      );
      await expect(tillA2.query('DELETE FROM tillpoint.changes')).rejects.toThrow(/permission denied/);
    } finally {
      await tillA2.end();
    }
  });

  it("lets a till read only its own store's data and catalog", async () => {
    const admin = await central.admin();
    await admin.query(
      `INSERT INTO tillpoint.catalog (store_id, table_name, row_id, payload) VALUES
       ($1, 'settings', 'storeName', '{"key":"storeName","value":"\\"A\\""}'),
       ($2, 'settings', 'storeName', '{"key":"storeName","value":"\\"B\\""}')`,
      [storeA, storeB],
    );
    await pushBatch(admin, { storeId: storeB, tillId: 'till1' }, rows(1, 4));
    await admin.end();
    const tillB = await connectAs(await roleOf(storeB, 'till1'));
    try {
      const stores = await tillB.query<{ store_id: string }>(
        'SELECT DISTINCT store_id FROM tillpoint.changes UNION SELECT DISTINCT store_id FROM tillpoint.catalog',
      );
      expect(stores.rows.map((r) => r.store_id)).toEqual([storeB]);
      const views = await tillB.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM tillpoint.current_rows WHERE store_id <> $1',
        [storeB],
      );
      expect(views.rows[0]?.n).toBe(0);
      await expect(tillB.query('SELECT tillpoint.coin_balance($1, $2)', [storeA, 'x'])).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        tillB.query('SELECT tillpoint.lease_coins($1, $2, $3, 5)', [storeA, 'till1', 'x']),
      ).rejects.toThrow(/may not act for till/);
    } finally {
      await tillB.end();
    }
  });
});
