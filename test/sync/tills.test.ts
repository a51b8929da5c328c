/**
 * Three tills (two in one store, one in a second shop), each a separate core on this machine, selling
 * while their sync runs through a fault proxy that delays, cuts and black-holes connections at random.
 * In the end PostgreSQL holds every row exactly once, no till's sequence has a gap, and the central
 * totals equal each till's own ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedSeq, newestSeq } from '../../src/main/sync/outboxStore';
import { createCentralDb, realPostgres, runStoreId, type CentralDb } from './centralDb';
import { startFaultProxy, type FaultProxy } from './faultProxy';
import { startTill, type TestTill } from './tillKit';

let central: CentralDb;
let proxy: FaultProxy;
const tills: TestTill[] = [];
const sales = 40;

beforeAll(async () => {
  central = await createCentralDb();
  proxy = await startFaultProxy({ host: central.host, port: central.port });
}, 60_000);
afterAll(async () => {
  for (const till of tills) await till.close();
  await proxy?.close();
  await central?.close();
});

interface Totals {
  [key: string]: string;
}

function localTotals(till: TestTill): Totals {
  const rows = till.core.db.prepare('SELECT asset, code, amount FROM ledger_transfers').all() as {
    asset: string;
    code: string;
    amount: string;
  }[];
  const totals: Record<string, bigint> = {};
  for (const row of rows) {
    const key = `${row.asset}:${row.code}`;
    totals[key] = (totals[key] ?? 0n) + BigInt(row.amount);
  }
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v.toString()]));
}

describe(`three tills selling through a faulty network (${realPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('ends with every row once, no gaps, and central totals equal to the tills’ ledgers', async () => {
    const store1 = runStoreId(central, 's1');
    const store2 = runStoreId(central, 's2');
    for (const [storeId, tillId] of [
      [store1, 'till1'],
      [store1, 'till2'],
      [store2, 'till1'],
    ] as const) {
      tills.push(await startTill({ central, storeId, tillId, port: proxy.port, queryTimeoutMs: 1_500 }));
    }
    proxy.setFaults({ cut: 0.08, blackhole: 0.02, delayMaxMs: 20 });
    const selling = Promise.all(tills.map((till) => till.sell(sales)));
    // The server goes away for a moment in the middle of it.
    await new Promise((resolve) => setTimeout(resolve, 400));
    proxy.setFaults({ down: true });
    proxy.cutAll();
    await new Promise((resolve) => setTimeout(resolve, 400));
    proxy.setFaults({ down: false });
    await selling;
    for (const till of tills) expect(till.core.sync.status().enabled).toBe(true);
    // The network did misbehave (a run where it did not would prove nothing).
    expect(proxy.stats.cuts + proxy.stats.blackholes + proxy.stats.refused).toBeGreaterThan(0);
    // The network heals; everything must arrive.
    proxy.setFaults({ cut: 0, blackhole: 0, delayMaxMs: 0, down: false });
    for (const till of tills) {
      till.core.sync.retryNow();
      expect(await till.core.sync.worker?.drained(60_000)).toBe(true);
    }
    expect(proxy.stats.cuts + proxy.stats.blackholes + proxy.stats.refused).toBeGreaterThan(0);

    const admin = await central.admin();
    try {
      for (const till of tills) {
        const newest = newestSeq(till.core.db);
        expect(confirmedSeq(till.core.db)).toBe(newest);
        const held = await admin.query<{ n: number; distinct_seq: number; max: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct_seq, COALESCE(max(seq), 0)::int AS max
           FROM tillpoint.changes WHERE store_id = $1 AND till_id = $2`,
          [till.storeId, till.tillId],
        );
        expect(held.rows[0]).toEqual({ n: newest, distinct_seq: newest, max: newest });

        const localTransfers = till.core.db
          .prepare('SELECT id FROM ledger_transfers ORDER BY id')
          .pluck()
          .all();
        const centralTransfers = await admin.query<{ id: string }>(
          'SELECT id FROM tillpoint.ledger_transfers WHERE store_id = $1 AND till_id = $2 ORDER BY id',
          [till.storeId, till.tillId],
        );
        expect(centralTransfers.rows.map((row) => row.id)).toEqual(localTransfers);

        const centralTotals = await admin.query<{ key: string; total: string }>(
          `SELECT asset || ':' || code AS key, sum(amount)::text AS total FROM tillpoint.ledger_transfers
           WHERE store_id = $1 AND till_id = $2 GROUP BY asset, code`,
          [till.storeId, till.tillId],
        );
        expect(Object.fromEntries(centralTotals.rows.map((row) => [row.key, row.total]))).toEqual(
          localTotals(till),
        );

        const paid = till.core.db.prepare("SELECT count(*) FROM orders WHERE status = 'paid'").pluck().get();
        const centralPaid = await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM tillpoint.current_rows
           WHERE store_id = $1 AND till_id = $2 AND table_name = 'orders' AND payload->>'status' = 'paid'`,
          [till.storeId, till.tillId],
        );
        expect(centralPaid.rows[0]?.n).toBe(paid);
        expect(paid).toBe(sales);
      }
      expect((await admin.query('SELECT * FROM tillpoint.sync_gaps')).rowCount).toBe(0);
      // The store's sales, across its tills, from the one database.
      const storeSales = await admin.query<{ store_id: string; n: number }>(
        `SELECT store_id, count(*)::int AS n FROM tillpoint.current_rows
         WHERE table_name = 'orders' AND payload->>'status' = 'paid' GROUP BY store_id ORDER BY store_id`,
      );
      expect(storeSales.rows).toEqual([
        { store_id: store1, n: 2 * sales },
        { store_id: store2, n: sales },
      ]);
    } finally {
      await admin.end();
    }
  }, 240_000);
});
