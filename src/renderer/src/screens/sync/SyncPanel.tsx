/**
 * Settings › Sync: where this till syncs to (never the password), its state, the queue of rows the
 * central database has not confirmed (per table), the last error, the counts since start, and
 * "Retry now", which ends the back-off wait.
 */
import { useState } from 'react';
import { client } from '../../api';
import { formatMoment } from '../../app/format';
import { errorMessage } from '../../ui/errorMessage';
import { Button, Card, LoadError, LoadingPanel, RefreshIcon, StatusPill, useDisplayLocale } from '../../ui';
import { useSyncStatus } from './SyncStatusPill';
import { syncPillView, tableLabel } from './syncView';
import './sync.css';

/** "1 batch", "3 batches": a count and its noun, for the counts since start. */
function plural(count: number, noun: string, locale: string): string {
  const many = noun.endsWith('ch')
    ? `${noun}es`
    : noun.endsWith('try')
      ? `${noun.slice(0, -1)}ies`
      : `${noun}s`;
  return `${count.toLocaleString(locale)} ${count === 1 ? noun : many}`;
}

export function SyncPanel() {
  const locale = useDisplayLocale();
  const sync = useSyncStatus(2_000);
  const refresh = sync.reload;
  const [retrying, setRetrying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? formatMoment(iso, locale, new Date()) : '—');

  const retry = () => {
    setRetrying(true);
    setProblem(null);
    client.invoke('sync.retryNow', {}).then(
      () => {
        setRetrying(false);
        refresh();
      },
      (error: unknown) => {
        setRetrying(false);
        setProblem(errorMessage(error));
      },
    );
  };

  if (sync.kind !== 'ready') {
    return (
      <Card title="Sync" description="This till’s copy in the central database.">
        {sync.kind === 'loading' ? (
          <LoadingPanel label="Loading the sync status" />
        ) : (
          <LoadError message={sync.message} onRetry={refresh} />
        )}
      </Card>
    );
  }
  const status = sync.data;
  const view = syncPillView(status, when);
  return (
    <Card
      title="Sync"
      description="Every sale is kept on this till first, then copied to the central database."
      actions={
        status.enabled ? (
          <Button icon={<RefreshIcon />} loading={retrying} onClick={retry}>
            Retry now
          </Button>
        ) : undefined
      }
    >
      {!status.enabled && (
        <p className="sync-panel__off">
          Sync is off: this till keeps everything locally. To share sales with other tills, start it with
          TILLPOINT_DATABASE_URL pointing at the store’s PostgreSQL (see the README, “Sync”).{' '}
          {status.pendingRows > 0 &&
            `${status.pendingRows.toLocaleString(locale)} changes wait for the first sync.`}
        </p>
      )}
      {status.enabled && (
        <dl className="facts">
          <div className="facts__row">
            <dt>State</dt>
            <dd>
              {view && (
                <StatusPill tone={view.tone} pulse={view.pulse}>
                  {view.text}
                  {view.extra && <span className="status-pill__extra"> · {view.extra}</span>}
                </StatusPill>
              )}
            </dd>
          </div>
          <div className="facts__row">
            <dt>Central database</dt>
            <dd className="sync-panel__target">{status.target}</dd>
          </div>
          <div className="facts__row">
            <dt>Store and till</dt>
            <dd>
              {status.storeId} / {status.tillId}
            </dd>
          </div>
          <div className="facts__row">
            <dt>Waiting to sync</dt>
            <dd>
              {status.pendingRows.toLocaleString(locale)} changes
              {status.pendingRows > 0 &&
                ` · oldest ${Math.round(status.lagSeconds).toLocaleString(locale)} s ago`}
            </dd>
          </div>
          <div className="facts__row">
            <dt>Last synced</dt>
            <dd>{when(status.lastSyncedAt)}</dd>
          </div>
          <div className="facts__row">
            <dt>Sent since start</dt>
            <dd>
              {plural(status.rowsPushed, 'change', locale)} in {plural(status.batches, 'batch', locale)} ·{' '}
              {plural(status.rowsPulled, 'catalog change', locale)} received ·{' '}
              {plural(status.errors, 'failed try', locale)}
            </dd>
          </div>
        </dl>
      )}
      {status.lastError && (
        <p className="panel-error" role="alert">
          Last error: {status.lastError}
        </p>
      )}
      {problem && (
        <p className="panel-error" role="alert">
          {problem}
        </p>
      )}
      {status.byTable.length > 0 && (
        <div className="table-wrap">
          <table className="table sync-panel__queue">
            <caption>Changes waiting, by kind</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Waiting
                </th>
              </tr>
            </thead>
            <tbody>
              {status.byTable.map((row) => (
                <tr key={row.tableName}>
                  <td>{tableLabel(row.tableName)}</td>
                  <td className="num">{row.pendingRows.toLocaleString(locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
