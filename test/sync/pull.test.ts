/**
 * Pull: the central catalog, prices and settings flow down to every till of the store by a change
 * cursor; the central copy wins over the till's own edit; another store's rows never arrive; a row
 * the till cannot take is skipped and reported, never half-applied.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTill, createSyncWorker, pgClientConfig } from '../../src/main/sync';
import { pullCursor } from '../../src/main/sync/outboxStore';
import { applyPulled } from '../../src/main/sync/pull';
import { createCentralDb, runStoreId, type CentralDb } from './centralDb';
import { openLocalTill } from './localTill';

let central: CentralDb;
beforeAll(async () => {
  central = await createCentralDb();
}, 60_000);
afterAll(async () => {
  await central?.close();
});

const category = (id: string, name: string, color: string) => ({
  id,
  name,
  color,
  sort_order: 1,
  active: 1,
  created_at: '2026-12-01T00:00:00.000Z',
  updated_at: '2026-12-01T00:00:00.000Z',
});

async function publish(storeId: string, table: string, rowId: string, payload: object, deleted = false) {
  const admin = await central.admin();
  await admin.query(
    `INSERT INTO tillpoint.catalog (store_id, table_name, row_id, payload, deleted) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (store_id, table_name, row_id) DO UPDATE SET payload = EXCLUDED.payload, deleted = EXCLUDED.deleted`,
    [storeId, table, rowId, JSON.stringify(payload), deleted],
  );
  await admin.end();
}

describe('pull from the central database', () => {
  it('brings the store’s catalog and settings down, the central copy winning, by a cursor', async () => {
    const storeId = runStoreId(central, 'pull');
    const otherStore = runStoreId(central, 'pullx');
    const admin = pgClientConfig({ databaseUrl: central.url });
    const added = await addTill(admin, { storeId, tillId: 'till1' });
    await addTill(admin, { storeId: otherStore, tillId: 'till1' });
    const till = openLocalTill();
    const worker = createSyncWorker({
      db: till.db,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      config: {
        databaseUrl: central.urlAs(added.role),
        storeId,
        tillId: 'till1',
        coinLeaseUnits: 0,
        pollMs: 20,
      },
      pullEveryMs: 0,
    });
    try {
      await publish(storeId, 'catalog_categories', 'cat-1', category('cat-1', 'Drinks', '#112233'));
      await publish(storeId, 'settings', 'storeName', {
        key: 'storeName',
        value: '"Central café"',
        updated_at: 'x',
      });
      await publish(otherStore, 'catalog_categories', 'cat-9', category('cat-9', 'Not ours', '#000000'));
      await worker.start();
      const category1 = () =>
        till.db.prepare("SELECT name, color, active FROM catalog_categories WHERE id = 'cat-1'").get();
      await expect
        .poll(category1, { timeout: 10_000 })
        .toEqual({ name: 'Drinks', color: '#112233', active: 1 });
      expect(till.db.prepare("SELECT value FROM settings WHERE key = 'storeName'").pluck().get()).toBe(
        '"Central café"',
      );
      expect(
        till.db.prepare("SELECT count(*) FROM catalog_categories WHERE id = 'cat-9'").pluck().get(),
      ).toBe(0);

      // The till's own edit loses to the next central change; a deletion makes the row inactive.
      till.db.prepare("UPDATE catalog_categories SET name = 'Local name' WHERE id = 'cat-1'").run();
      await publish(storeId, 'catalog_categories', 'cat-1', category('cat-1', 'Hot drinks', '#445566'));
      worker.retryNow();
      await expect
        .poll(category1, { timeout: 10_000 })
        .toEqual({ name: 'Hot drinks', color: '#445566', active: 1 });
      await publish(storeId, 'catalog_categories', 'cat-1', category('cat-1', 'Hot drinks', '#445566'), true);
      worker.retryNow();
      await expect
        .poll(category1, { timeout: 10_000 })
        .toEqual({ name: 'Hot drinks', color: '#445566', active: 0 });
      expect(pullCursor(till.db).txid).toBeGreaterThan(0n);
      expect(worker.counters().rowsPulled).toBe(4);
    } finally {
      await worker.stop();
      till.close();
    }
  }, 60_000);

  it('skips a row the till cannot take and reports it, applying the rest', () => {
    const till = openLocalTill();
    try {
      const report = applyPulled(till.db, [
        {
          tableName: 'catalog_categories',
          rowId: 'a',
          payload: category('a', 'Fine', '#fff'),
          deleted: false,
          txid: 5n,
          version: 1n,
        },
        {
          tableName: 'catalog_categories',
          rowId: 'b',
          payload: { id: 'b', name: 'No color' },
          deleted: false,
          txid: 5n,
          version: 2n,
        },
        { tableName: 'orders', rowId: 'o', payload: { id: 'o' }, deleted: false, txid: 5n, version: 3n },
        {
          tableName: 'staff',
          rowId: 's',
          payload: { id: 's', name: 'New', pin_hash: 'central-must-not-set' },
          deleted: false,
          txid: 6n,
          version: 4n,
        },
      ]);
      expect(report.applied).toBe(1);
      expect(report.skipped.map((s) => s.rowId).sort()).toEqual(['b', 'o', 's']);
      expect(pullCursor(till.db)).toEqual({ txid: 6n, version: 4n });
      expect(till.db.prepare("SELECT count(*) FROM staff WHERE id = 's'").pluck().get()).toBe(0);
    } finally {
      till.close();
    }
  });
});
