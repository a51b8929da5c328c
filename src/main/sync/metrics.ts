/**
 * The host's `/metrics` in the Prometheus text format (version 0.0.4): the sync's outbox depth, lag,
 * batches and errors, and the till's sales and payments counters read from its database.
 */
import { type SyncStatus } from '../../shared/api/sync';
import { type Db } from '../kernel';

function line(name: string, value: number, labels: Record<string, string> = {}): string {
  const keys = Object.keys(labels);
  const labelText =
    keys.length === 0
      ? ''
      : `{${keys.map((key) => `${key}="${(labels[key] ?? '').replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`).join(',')}}`;
  return `${name}${labelText} ${Number.isFinite(value) ? value : 0}`;
}

function metric(name: string, type: 'gauge' | 'counter', help: string, lines: string[]): string {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines].join('\n');
}

export function metricsText(db: Db, status: SyncStatus): string {
  const orders = db
    .prepare(
      "SELECT status, count(*) AS n FROM orders WHERE status <> 'open' GROUP BY status ORDER BY status",
    )
    .all() as { status: string; n: number }[];
  const payments = db
    .prepare('SELECT kind, status, count(*) AS n FROM payments GROUP BY kind, status ORDER BY kind, status')
    .all() as { kind: string; status: string; n: number }[];
  const blocks = [
    metric('tillpoint_sync_enabled', 'gauge', 'Whether this till syncs to a central PostgreSQL.', [
      line('tillpoint_sync_enabled', status.enabled ? 1 : 0),
    ]),
    metric('tillpoint_sync_up', 'gauge', 'Whether the last sync round reached the central database.', [
      line('tillpoint_sync_up', status.enabled && status.lastError === null ? 1 : 0),
    ]),
    metric('tillpoint_sync_outbox_depth', 'gauge', 'Outbox rows not yet confirmed by the central database.', [
      line('tillpoint_sync_outbox_depth', status.pendingRows),
    ]),
    metric('tillpoint_sync_lag_seconds', 'gauge', 'Age of the oldest unconfirmed outbox row.', [
      line('tillpoint_sync_lag_seconds', status.lagSeconds),
    ]),
    metric('tillpoint_sync_batches_total', 'counter', 'Batches the central database confirmed since start.', [
      line('tillpoint_sync_batches_total', status.batches),
    ]),
    metric('tillpoint_sync_rows_pushed_total', 'counter', 'Outbox rows pushed since start.', [
      line('tillpoint_sync_rows_pushed_total', status.rowsPushed),
    ]),
    metric('tillpoint_sync_rows_pulled_total', 'counter', 'Central catalog rows applied since start.', [
      line('tillpoint_sync_rows_pulled_total', status.rowsPulled),
    ]),
    metric('tillpoint_sync_errors_total', 'counter', 'Failed sync rounds since start.', [
      line('tillpoint_sync_errors_total', status.errors),
    ]),
    metric(
      'tillpoint_orders_total',
      'counter',
      'Orders by status (paid, voided, refunded...).',
      orders.map((row) => line('tillpoint_orders_total', row.n, { status: row.status })),
    ),
    metric(
      'tillpoint_payments_total',
      'counter',
      'Payments by tender and status.',
      payments.map((row) =>
        line('tillpoint_payments_total', row.n, { tender: row.kind, status: row.status }),
      ),
    ),
  ];
  return `${blocks.join('\n')}\n`;
}
