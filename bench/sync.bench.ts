/**
 * Sync to PostgreSQL (the machine's, 127.0.0.1:5432; a database of its own, dropped at the end):
 * 1. 100,000 ledger transfers queued on a till while offline, then synced by the push worker as the
 *    till's own role (row-level security on): rows/s. Baseline in the same run: a plain COPY of the
 *    same rows (psql \copy, FROM STDIN) into a table of the same shape, indexes and foreign key.
 *    Target ≥ 0.5 of it.
 * 2. Three tills (separate cores) selling online at once: the lag from a sale's commit on its till to
 *    its row in PostgreSQL, median and p95 (target p95 < 2 s).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { addTill, createSyncWorker, migrateCentral, pgClientConfig } from '../src/main/sync';
import { newestSeq, readBatch } from '../src/main/sync/outboxStore';
import { openLocalTill } from '../test/sync/localTill';
import { startTill, type TestTill } from '../test/sync/tillKit';
import { machineFacts, nowMs, percentile, report, round } from './lib';

const transfers = Number(process.env.BENCH_SYNC_TRANSFERS ?? 100_000);
const salesPerTill = Number(process.env.BENCH_SYNC_SALES ?? 150);
const host = '127.0.0.1';
const port = 5432;

function copyText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function main(): Promise<void> {
  const name = `tillpoint_bench_${crypto.randomBytes(4).toString('hex')}`;
  const base = `postgres://postgres@${host}:${port}`;
  const maintenance = new Client({ connectionString: `${base}/test` });
  const reachable = await maintenance.connect().then(
    () => true,
    (error: unknown) => {
      // `npm run bench` on a machine without PostgreSQL skips this one (CI must have it).
      const message = `the sync bench needs PostgreSQL on ${host}:${port}: ${(error as Error).message}`;
      if (process.env.CI) throw new Error(message);
      console.log(`\n== sync ==\n  skipped: ${message}`);
      return false;
    },
  );
  if (!reachable) return;
  await maintenance.query(`CREATE DATABASE ${name}`);
  const url = `${base}/${name}`;
  const storeId = `b${name.slice(-8)}`;
  const roles: string[] = [];
  const tills: TestTill[] = [];
  const local = openLocalTill();
  try {
    await migrateCentral(pgClientConfig({ databaseUrl: url }));
    const admin = pgClientConfig({ databaseUrl: url });
    const offline = await addTill(admin, { storeId, tillId: 'offline' });
    roles.push(offline.role);

    // 1. Queued offline, then synced.
    local.sales(transfers);
    const rows = newestSeq(local.db);
    const worker = createSyncWorker({
      db: local.db,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      config: {
        databaseUrl: `postgres://${offline.role}@${host}:${port}/${name}`,
        storeId,
        tillId: 'offline',
        coinLeaseUnits: 0,
        pollMs: 20,
      },
    });
    const pushStart = nowMs();
    await worker.start();
    if (!(await worker.drained(600_000))) throw new Error('the outbox did not drain');
    const pushMs = nowMs() - pushStart;
    const batches = worker.counters().batches;
    await worker.stop();

    // Baseline: the same rows, COPY FROM STDIN into a table of the same shape and indexes.
    const copyFile = path.join(os.tmpdir(), `${name}.copy`);
    const lines: string[] = [];
    for (let after = 0; ;) {
      const batch = readBatch(local.db, after, 10_000);
      if (batch.length === 0) break;
      for (const row of batch) {
        lines.push(
          [
            storeId,
            'offline',
            String(row.seq),
            row.tableName,
            row.rowId,
            row.op,
            copyText(row.payload),
            row.committedAt,
          ].join('\t'),
        );
      }
      after = batch[batch.length - 1]?.seq ?? after;
    }
    // The outbox was pruned as it was confirmed: read the rows back from the central copy instead.
    if (lines.length === 0) {
      const client = new Client({ connectionString: url });
      await client.connect();
      const all = await client.query<{ line: string }>(
        `SELECT concat_ws(E'\\t', store_id, till_id, seq, table_name, row_id, op,
           replace(replace(payload::text, E'\\\\', E'\\\\\\\\'), E'\\n', E'\\\\n'), committed_at) AS line
         FROM tillpoint.changes WHERE store_id = $1 ORDER BY seq`,
        [storeId],
      );
      await client.end();
      for (const row of all.rows) lines.push(row.line);
    }
    fs.writeFileSync(copyFile, `${lines.join('\n')}\n`);
    const ddl = spawnSync('psql', [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-qc',
      `CREATE TABLE tillpoint.copy_baseline (LIKE tillpoint.changes INCLUDING DEFAULTS INCLUDING INDEXES);
       ALTER TABLE tillpoint.copy_baseline ADD FOREIGN KEY (store_id, till_id) REFERENCES tillpoint.tills`,
    ]);
    if (ddl.status !== 0) throw new Error(`psql: ${ddl.stderr.toString()}`);
    const copyStart = nowMs();
    const copy = spawnSync('psql', [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-qc',
      '\\copy tillpoint.copy_baseline (store_id, till_id, seq, table_name, row_id, op, payload, committed_at) FROM ' +
        `'${copyFile}'`,
    ]);
    const copyMs = nowMs() - copyStart;
    fs.rmSync(copyFile, { force: true });
    if (copy.status !== 0) throw new Error(`psql COPY: ${copy.stderr.toString()}`);

    // 2. Three tills selling online: commit → row in PostgreSQL.
    for (const tillId of ['t1', 't2', 't3']) {
      const till = await startTill({
        central: {
          url,
          kind: 'postgresql',
          host,
          port,
          urlAs: (role) => `postgres://${role}@${host}:${port}/${name}`,
          admin: () => Promise.reject(new Error('unused')),
          close: () => Promise.resolve(),
        },
        storeId,
        tillId,
        pollMs: 100,
      });
      tills.push(till);
    }
    const sellStart = new Date();
    await Promise.all(
      tills.map(async (till) => {
        for (let i = 0; i < salesPerTill; i += 1) {
          await till.sell(1);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }),
    );
    for (const till of tills) {
      if (!(await till.core.sync.worker?.drained(60_000)))
        throw new Error(`till ${till.tillId} did not drain`);
    }
    const lag = await (async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      const result = await client.query<{ ms: number }>(
        `SELECT extract(epoch FROM received_at - committed_at) * 1000 AS ms FROM tillpoint.changes
         WHERE store_id = $1 AND till_id IN ('t1', 't2', 't3') AND table_name = 'ledger_transfers'
           AND committed_at >= $2`,
        [storeId, sellStart.toISOString()],
      );
      await client.end();
      return result.rows.map((row) => Number(row.ms));
    })();

    const pushRowsPerS = round(rows / (pushMs / 1000), 0);
    const copyRowsPerS = round(rows / (copyMs / 1000), 0);
    const ratio = round(pushRowsPerS / copyRowsPerS, 3);
    const lagP50 = round(percentile(lag, 50), 1);
    const lagP95 = round(percentile(lag, 95), 1);
    report({
      name: 'sync',
      figures: {
        outboxRows: rows,
        pushMs: round(pushMs, 0),
        pushRowsPerS,
        pushBatches: batches,
        onlineTills: tills.length,
        onlineTransfers: lag.length,
        commitToCentralP50Ms: lagP50,
        commitToCentralP95Ms: lagP95,
        commitToCentralMaxMs: round(Math.max(...lag), 1),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      baseline: { copyMs: round(copyMs, 0), copyRowsPerS },
      ratio,
      ratioMeaning: 'push rows/s ÷ plain COPY rows/s of the same rows (higher is better)',
      target: { ratioAtLeast: 0.5, commitToCentralP95MsBelow: 2000 },
      met: ratio >= 0.5 && lagP95 < 2000,
      machine: machineFacts(),
    });
  } finally {
    for (const till of tills) await till.close().catch(() => undefined);
    local.close();
    await maintenance.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await maintenance.query(`DROP DATABASE IF EXISTS ${name}`);
    const tillRoles = await maintenance.query<{ rolname: string }>(
      "SELECT rolname FROM pg_roles WHERE rolname LIKE 'tillpoint\\_' || $1 || '\\_%'",
      [storeId.toLowerCase()],
    );
    for (const role of tillRoles.rows) await maintenance.query(`DROP ROLE IF EXISTS "${role.rolname}"`);
    await maintenance.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
