/**
 * The sync worker, a background service of the core. One loop: connect (and resume from the server's
 * head, so a till that crashed after a batch landed resends nothing confirmed), push the outbox in
 * batches whose size adapts, pull the central catalog now and then, top up coin allowances; on any
 * failure drop the connection and wait with exponential back-off and jitter. `retryNow` ends a wait.
 */
import { Client, type ClientConfig } from 'pg';
import { type Logger } from 'pino';
import { type SyncStatus } from '../../shared/api/sync';
import { type BackgroundService, type Db, type ServiceState } from '../kernel';
import { leaseRound } from './coinRule';
import { confirm, confirmedSeq, newestSeq, outboxDepth, readBatch, setCoinRule } from './outboxStore';
import { backoffDelayMs, defaultBackoff, nextBatchSize, type BackoffPolicy } from './pacing';
import { applyPulled, fetchChanges } from './pull';
import { pullCursor } from './outboxStore';
import { isGapError, pushBatch, tillHead } from './push';
import { pgClientConfig, redactUrl, type SyncConfig } from './syncConfig';

export interface SyncCounters {
  batches: number;
  rowsPushed: number;
  rowsPulled: number;
  errors: number;
}

export interface SyncWorker extends BackgroundService {
  status(): SyncStatus;
  retryNow(): void;
  /** Something was committed: an idle worker looks at once (one in back-off keeps waiting). */
  nudge(): void;
  counters(): SyncCounters;
  /** Resolves once everything committed so far is confirmed (tests and the bench). */
  drained(timeoutMs: number): Promise<boolean>;
}

export interface SyncWorkerOptions {
  db: Db;
  logger: Logger;
  now: () => Date;
  config: SyncConfig;
  /** Client options (tests point them at a fault proxy); default from the config's URL and TLS. */
  clientConfig?: ClientConfig;
  backoff?: BackoffPolicy;
  pullEveryMs?: number;
  leaseEveryMs?: number;
  random?: () => number;
  /** Told what a pull applied (tables, and the products among them), so caches and screens refresh. */
  onPulled?: (applied: { tables: string[]; productIds: string[] }) => void;
}

function isServerRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && code !== '57P01';
}

export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { db, logger, now, config } = options;
  const till = { storeId: config.storeId, tillId: config.tillId };
  const clientConfig =
    options.clientConfig ??
    pgClientConfig({
      databaseUrl: config.databaseUrl,
      sslMode: config.sslMode,
      caFile: config.caFile,
      applicationName: `tillpoint ${config.storeId}/${config.tillId}`,
    });
  const random = options.random ?? Math.random;
  const pullEveryMs = options.pullEveryMs ?? 5_000;
  const leaseEveryMs = options.leaseEveryMs ?? 10_000;

  let state: ServiceState = 'stopped';
  let loop: Promise<void> | null = null;
  let client: Client | null = null;
  let wake: (() => void) | null = null;
  let idle = false;
  let failures = 0;
  let batchSize = 1_000;
  let lastError: string | null = null;
  let lastErrorIsRefusal = false;
  let offlineSince: Date | null = null;
  let lastSyncedAt: Date | null = null;
  let lastOkMs: number | null = null;
  let lastPullMs = 0;
  let lastLeaseMs = 0;
  let leaseAfter = '';
  let runs = 0;
  const counters: SyncCounters = { batches: 0, rowsPushed: 0, rowsPulled: 0, errors: 0 };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const dropClient = async () => {
    const old = client;
    client = null;
    if (old) await old.end().catch(() => undefined);
  };

  const connect = async (): Promise<Client> => {
    if (client) return client;
    const fresh = new Client(clientConfig);
    fresh.on('error', (error) => {
      logger.debug({ err: error }, 'sync connection error');
      if (client === fresh) client = null;
    });
    try {
      await fresh.connect();
      // Resume from the server's head: what it already holds is confirmed, never sent again.
      const head = await tillHead(fresh, till);
      const newest = newestSeq(db);
      if (head > newest) {
        throw new Error(
          `The central database holds seq ${head} of till ${till.storeId}/${till.tillId} but this till wrote only up ` +
            `to ${newest}: is this an old copy of the till's data? Sync stopped to keep both safe.`,
        );
      }
      if (head > confirmedSeq(db)) confirm(db, head, now().toISOString());
    } catch (error) {
      await fresh.end().catch(() => undefined);
      throw error;
    }
    client = fresh;
    return fresh;
  };

  const round = async (): Promise<boolean> => {
    const pg = await connect();
    let worked = false;
    // Pipelined: while the server takes one batch, the next is read from the outbox and the last
    // confirmation is written, so neither side waits for the other. At most 10 batches per round.
    let rows = readBatch(db, confirmedSeq(db), batchSize);
    let toConfirm: number | null = null;
    for (let sent = 0; rows.length > 0 && sent < 10; sent += 1) {
      const size = batchSize;
      const started = Date.now();
      const pushing = pushBatch(pg, till, rows);
      if (toConfirm !== null) confirm(db, toConfirm, now().toISOString());
      const lastSeq = rows[rows.length - 1]?.seq ?? 0;
      const next = rows.length >= size ? readBatch(db, lastSeq, size) : [];
      const head = await pushing;
      toConfirm = Math.min(head, lastSeq);
      counters.batches += 1;
      counters.rowsPushed += rows.length;
      batchSize = nextBatchSize(size, { kind: 'ok', rows: rows.length, tookMs: Date.now() - started });
      worked = rows.length >= size;
      rows = next.length > batchSize ? next.slice(0, batchSize) : next;
    }
    if (toConfirm !== null) confirm(db, toConfirm, now().toISOString());
    const nowMs = now().getTime();
    if (nowMs - lastPullMs >= pullEveryMs) {
      for (;;) {
        const rows = await fetchChanges(pg, till.storeId, pullCursor(db), 500);
        if (rows.length === 0) break;
        const report = applyPulled(db, rows);
        counters.rowsPulled += report.applied;
        if (report.applied > 0) {
          const skipped = new Set(report.skipped.map((row) => `${row.tableName}:${row.rowId}`));
          const applied = rows.filter((row) => !skipped.has(`${row.tableName}:${row.rowId}`));
          options.onPulled?.({
            tables: [...new Set(applied.map((row) => row.tableName))],
            productIds: applied.filter((row) => row.tableName === 'catalog_products').map((row) => row.rowId),
          });
        }
        if (report.skipped.length > 0)
          logger.warn({ skipped: report.skipped.slice(0, 5) }, 'sync: pulled rows skipped');
        if (rows.length < 500) break;
      }
      lastPullMs = nowMs;
    }
    if (nowMs - lastLeaseMs >= leaseEveryMs) {
      if (config.coinLeaseUnits > 0) {
        const leased = await leaseRound(
          pg,
          db,
          till,
          BigInt(config.coinLeaseUnits),
          now().toISOString(),
          leaseAfter,
        );
        leaseAfter = leased.nextRef;
      }
      lastLeaseMs = nowMs;
    }
    return worked;
  };

  const run = async () => {
    while (state === 'running') {
      try {
        const worked = await round();
        failures = 0;
        lastError = null;
        lastErrorIsRefusal = false;
        offlineSince = null;
        lastOkMs = now().getTime();
        if (outboxDepth(db).rows === 0) lastSyncedAt = now();
        runs += 1;
        if (!worked && state === 'running') {
          idle = true;
          await sleep(config.pollMs);
          idle = false;
        }
      } catch (error) {
        counters.errors += 1;
        failures += 1;
        runs += 1;
        lastError = error instanceof Error ? error.message : String(error);
        lastErrorIsRefusal =
          isServerRefusal(error) || isGapError(error) || /old copy|does not know till/.test(lastError);
        if (!lastErrorIsRefusal && !offlineSince) offlineSince = now();
        batchSize = nextBatchSize(batchSize, { kind: 'failed' });
        logger.debug({ err: error, failures }, 'sync round failed');
        await dropClient();
        if (state === 'running')
          await sleep(backoffDelayMs(failures, random(), options.backoff ?? defaultBackoff));
      }
    }
  };

  const status = (): SyncStatus => {
    const depth = outboxDepth(db);
    const nowMs = now().getTime();
    const lagSeconds = depth.oldestCommittedAt
      ? Math.max(0, (nowMs - Date.parse(depth.oldestCommittedAt)) / 1000)
      : 0;
    const stateOf = (): SyncStatus['state'] => {
      if (lastError) return lastErrorIsRefusal ? 'error' : 'offline';
      return depth.rows > 0 ? 'behind' : 'synced';
    };
    return {
      enabled: true,
      state: stateOf(),
      target: redactUrl(config.databaseUrl),
      storeId: config.storeId,
      tillId: config.tillId,
      pendingRows: depth.rows,
      oldestPendingAt: depth.oldestCommittedAt,
      lagSeconds: Math.round(lagSeconds * 1000) / 1000,
      offlineSince: offlineSince?.toISOString() ?? null,
      lastError,
      lastSyncedAt: lastSyncedAt?.toISOString() ?? null,
      confirmedSeq: confirmedSeq(db),
      newestSeq: newestSeq(db),
      batchSize,
      ...counters,
      byTable: depth.byTable.map((row) => ({ tableName: row.tableName, pendingRows: row.rows })),
    };
  };

  return {
    name: 'sync.worker',
    start() {
      if (state === 'running') return Promise.resolve();
      setCoinRule(db, true);
      state = 'running';
      loop = run();
      return Promise.resolve();
    },
    async stop() {
      if (state === 'stopped') return;
      state = 'stopping';
      wake?.();
      // Ending the connection aborts a query in flight, so a hanging server cannot hold the stop.
      await dropClient();
      await loop;
      loop = null;
      await dropClient();
      state = 'stopped';
    },
    health: () => ({
      name: 'sync.worker',
      state,
      lastError,
      lagMs: lastOkMs === null ? null : Math.max(0, now().getTime() - lastOkMs),
      runs,
    }),
    status,
    retryNow() {
      failures = 0;
      lastPullMs = 0;
      lastLeaseMs = 0;
      wake?.();
    },
    nudge() {
      if (idle) wake?.();
    },
    counters: () => ({ ...counters }),
    async drained(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const target = newestSeq(db);
      while (Date.now() < deadline) {
        if (confirmedSeq(db) >= target) return true;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return confirmedSeq(db) >= target;
    },
  };
}
