/**
 * The push worker against the central database: a crash after a batch landed but before the till
 * wrote its checkpoint resends nothing confirmed; an old copy of a till's data is refused; a server
 * that is down is retried with back-off and nothing is lost.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTill, createSyncWorker, pgClientConfig } from '../../src/main/sync';
import { confirmedSeq, newestSeq, readBatch } from '../../src/main/sync/outboxStore';
import { pushBatch } from '../../src/main/sync/push';
import { type SyncConfig } from '../../src/main/sync/syncConfig';
import { createCentralDb, runStoreId, type CentralDb } from './centralDb';
import { startFaultProxy } from './faultProxy';
import { openLocalTill } from './localTill';

let central: CentralDb;
beforeAll(async () => {
  central = await createCentralDb();
}, 60_000);
afterAll(async () => {
  await central?.close();
});

const logger = pino({ level: 'silent' });

async function registered(name: string, till = 'till1'): Promise<SyncConfig> {
  const storeId = runStoreId(central, name);
  const added = await addTill(pgClientConfig({ databaseUrl: central.url }), { storeId, tillId: till });
  return { databaseUrl: central.urlAs(added.role), storeId, tillId: till, coinLeaseUnits: 0, pollMs: 20 };
}

async function centralCount(storeId: string): Promise<number> {
  const admin = await central.admin();
  const result = await admin.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM tillpoint.changes WHERE store_id = $1',
    [storeId],
  );
  await admin.end();
  return result.rows[0]?.n ?? -1;
}

describe('the push worker', () => {
  it('after a crash mid-batch resends only what the central database has not confirmed', async () => {
    const config = await registered('crash');
    const till = openLocalTill();
    try {
      till.sales(1_000);
      const total = newestSeq(till.db);
      // The first 600 rows landed, and the till died before it wrote its checkpoint.
      const admin = await central.admin();
      await pushBatch(admin, config, readBatch(till.db, 0, 600));
      await admin.end();
      expect(confirmedSeq(till.db)).toBe(0);

      const worker = createSyncWorker({ db: till.db, logger, now: () => new Date(), config });
      await worker.start();
      expect(await worker.drained(30_000)).toBe(true);
      await worker.stop();
      expect(worker.counters().rowsPushed).toBe(total - 600);
      expect(await centralCount(config.storeId)).toBe(total);
      expect(confirmedSeq(till.db)).toBe(total);
      // Confirmed rows leave the till's outbox.
      expect(till.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    } finally {
      till.close();
    }
  }, 60_000);

  it('refuses to push from an old copy of a till’s data (the central database holds more)', async () => {
    const config = await registered('old');
    const newer = openLocalTill();
    const older = openLocalTill();
    try {
      newer.sales(30);
      const admin = await central.admin();
      await pushBatch(admin, config, readBatch(newer.db, 0, 1_000));
      await admin.end();
      older.sales(3);
      const worker = createSyncWorker({ db: older.db, logger, now: () => new Date(), config });
      await worker.start();
      await expect.poll(() => worker.status().state, { timeout: 10_000 }).toBe('error');
      expect(worker.status().lastError).toMatch(/old copy/);
      await worker.stop();
    } finally {
      newer.close();
      older.close();
    }
  }, 60_000);

  it('says a till the central database does not know is an error, not a network problem', async () => {
    const config = await registered('known');
    const till = openLocalTill();
    const worker = createSyncWorker({
      db: till.db,
      logger,
      now: () => new Date(),
      config: { ...config, databaseUrl: central.url, tillId: 'never-added' },
    });
    try {
      till.sales(2);
      await worker.start();
      await expect.poll(() => worker.status().state, { timeout: 10_000 }).toBe('error');
      expect(worker.status().lastError).toMatch(/does not know till .*never-added/);
    } finally {
      await worker.stop();
      till.close();
    }
  });

  it('keeps selling while the server is down, says since when, and catches up when it is back', async () => {
    const config = await registered('down');
    const proxy = await startFaultProxy({ host: central.host, port: central.port }, { down: true });
    const url = new URL(config.databaseUrl);
    url.port = String(proxy.port);
    const till = openLocalTill();
    const worker = createSyncWorker({
      db: till.db,
      logger,
      now: () => new Date(),
      config: { ...config, databaseUrl: url.toString() },
      backoff: { baseMs: 10, maxMs: 100 },
    });
    try {
      await worker.start();
      till.sales(50);
      await expect.poll(() => worker.status().state, { timeout: 10_000 }).toBe('offline');
      const offline = worker.status();
      expect(offline.offlineSince).not.toBeNull();
      expect(offline.pendingRows).toBeGreaterThan(0);
      expect(offline.byTable).toContainEqual({ tableName: 'ledger_transfers', pendingRows: 50 });
      till.sales(50);
      proxy.setFaults({ down: false });
      worker.retryNow();
      expect(await worker.drained(30_000)).toBe(true);
      // The round that confirmed the last rows ends, and with it the offline state.
      await expect.poll(() => worker.status().state, { timeout: 10_000 }).toBe('synced');
      expect(worker.status()).toMatchObject({
        pendingRows: 0,
        offlineSince: null,
        lastError: null,
      });
      expect(worker.counters().errors).toBeGreaterThan(0);
      expect(await centralCount(config.storeId)).toBe(newestSeq(till.db));
    } finally {
      await worker.stop();
      await proxy.close();
      till.close();
    }
  }, 60_000);
});
