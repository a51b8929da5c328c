/**
 * Sync to a central PostgreSQL: the outbox (filled by SQLite triggers, migration 20261207T030000), the
 * worker that pushes it and pulls the catalog (a background service), the coin rule, the `sync.*`
 * handlers, `/metrics`, the central schema's migrations and `tillpoint db` commands, and the demo's
 * PGlite. Off unless TILLPOINT_DATABASE_URL (or DIR/sync.json, or the demo) names a database.
 */
import { type SyncStatus } from '../../shared/api/sync';
import { type CoreDeps, type DomainModule } from '../kernel';
import { metricsText } from './metrics';
import { outboxDepth, newestSeq, confirmedSeq, setCoinRule } from './outboxStore';
import { pgClientConfig, readSyncConfig, type SyncConfig } from './syncConfig';
import { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from './worker';

export { readSyncConfig, pgClientConfig, redactUrl, syncConfigSchema, type SyncConfig } from './syncConfig';
export { migrateCentral, loadCentralMigrations } from './centralMigrate';
export { addTill, tillRoleName } from './tills';
export { createSyncWorker, type SyncWorker } from './worker';
export { decideCoinSpend, guardCoinsTender } from './coinRule';
export { startSyncDemo } from './demo';
export { runDbCommand, dbUsage } from './dbCommand';

export interface SyncService {
  readonly enabled: boolean;
  status(): SyncStatus;
  retryNow(): SyncStatus;
  /** The Prometheus text of `/metrics`. */
  metrics(): string;
  readonly worker: SyncWorker | null;
}

export interface SyncModuleOptions {
  /** The set-up; undefined: read TILLPOINT_DATABASE_URL / DIR/sync.json; null: off. */
  config?: SyncConfig | null;
  /** Told what a pull applied (the composition root drops the settings' cache when settings came down). */
  onPulled?: (applied: { tables: string[]; productIds: string[] }) => void;
  /** Worker options for tests (a fault proxy's client options, faster pacing). */
  worker?: Partial<Omit<SyncWorkerOptions, 'db' | 'logger' | 'now' | 'config'>>;
}

function loadSyncConfig(
  deps: CoreDeps,
  given: SyncConfig | null | undefined,
): { config: SyncConfig | null; configError: string | null } {
  try {
    const config = given === undefined ? readSyncConfig(deps.dataDir) : given;
    if (config)
      pgClientConfig({ databaseUrl: config.databaseUrl, sslMode: config.sslMode, caFile: config.caFile });
    return { config, configError: null };
  } catch (error) {
    deps.logger.error({ err: error }, 'sync set-up refused; sync is off');
    const reason = error instanceof Error ? error.message : String(error);
    return { config: null, configError: `The sync set-up cannot be used: ${reason}` };
  }
}

export function createSyncModule(
  deps: CoreDeps,
  options: SyncModuleOptions = {},
): DomainModule & { service: SyncService } {
  // A broken set-up (an unreadable sync.json, a bad URL) must never stop the till from selling: sync
  // then reports it as its error and stays off.
  const { config, configError } = loadSyncConfig(deps, options.config);
  const worker = config
    ? createSyncWorker({
        db: deps.db,
        logger: deps.logger,
        now: deps.now,
        config,
        onPulled: (applied) => {
          // Screens showing products read them again; other caches are the composition root's to drop.
          if (applied.productIds.length > 0)
            deps.events.emit('catalog.updated', { productIds: applied.productIds });
          options.onPulled?.(applied);
        },
        ...options.worker,
      })
    : null;
  if (!config) setCoinRule(deps.db, false);

  const offStatus = (): SyncStatus => {
    const depth = outboxDepth(deps.db);
    return {
      enabled: false,
      state: configError ? 'error' : 'off',
      target: null,
      storeId: null,
      tillId: null,
      pendingRows: depth.rows,
      oldestPendingAt: depth.oldestCommittedAt,
      lagSeconds: 0,
      offlineSince: null,
      lastError: configError,
      lastSyncedAt: null,
      confirmedSeq: confirmedSeq(deps.db),
      newestSeq: newestSeq(deps.db),
      batchSize: 0,
      batches: 0,
      rowsPushed: 0,
      rowsPulled: 0,
      errors: 0,
      byTable: depth.byTable.map((row) => ({ tableName: row.tableName, pendingRows: row.rows })),
    };
  };
  // A committed change announces itself on the event bus (order, payment, shift updates): the idle
  // worker pushes at once instead of at its next poll, so a sale reaches PostgreSQL sooner.
  const stopNudges = worker ? deps.events.onAny(() => worker.nudge()) : null;
  const status = () => (worker ? worker.status() : offStatus());
  const service: SyncService = {
    enabled: worker !== null,
    status,
    retryNow() {
      worker?.retryNow();
      return status();
    },
    metrics: () => metricsText(deps.db, status()),
    worker,
  };
  return {
    handlers: {
      'sync.status': () => service.status(),
      'sync.retryNow': () => service.retryNow(),
    },
    ...(worker ? { services: [worker] } : {}),
    close: () => stopNudges?.(),
    service,
  };
}
