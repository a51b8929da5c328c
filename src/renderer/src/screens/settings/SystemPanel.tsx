/**
 * Settings › System: what the core is (version, mode, data folder, schema version, Node, uptime)
 * from system.info, and whether it is well from system.health, each check with a status pill.
 */
import { useCallback } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { formatDuration, formatMoment } from '../../app/format';
import { useCan } from '../../app/useCan';
import { Badge, Card, IconButton, RefreshIcon, Spinner, StatusPill, useDisplayLocale } from '../../ui';

type SystemStatus =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; info: ApiOutput<'system.info'>; health: ApiOutput<'system.health'> };

const doorLabels: Record<ApiOutput<'system.info'>['door'], string> = {
  electron: 'Desktop app',
  host: 'Headless host',
  test: 'Test harness',
};

export function SystemPanel() {
  const canSeeDataFolder = useCan('reports.read');
  const locale = useDisplayLocale();
  // Loaded through the one hook (api/coreData.ts): read again when the settings change.
  const load = useCallback(async () => {
    const [info, health] = await Promise.all([
      client.invoke('system.info', {}),
      client.invoke('system.health', {}),
    ]);
    return { info, health };
  }, []);
  const loaded = useCoreData(load, { refreshOn: ['settings.updated'] });
  const status: SystemStatus =
    loaded.kind === 'ready'
      ? { kind: 'loaded', ...loaded.data }
      : loaded.kind === 'error'
        ? { kind: 'error', message: loaded.message }
        : { kind: 'loading' };
  const refreshing = loaded.kind !== 'loading' && loaded.refreshing;

  return (
    <Card
      title="System"
      description="This till’s software and its health."
      actions={
        <IconButton
          label="Refresh system status"
          icon={<RefreshIcon />}
          loading={refreshing}
          onClick={loaded.reload}
        />
      }
    >
      {status.kind === 'loading' && <Spinner size={28} label="Loading system status" />}
      {status.kind === 'error' && (
        <p className="panel-error" role="alert">
          {status.message}
        </p>
      )}
      {status.kind === 'loaded' && (
        <>
          <dl className="facts">
            <div className="facts__row">
              <dt>Version</dt>
              <dd>{status.info.version}</dd>
            </div>
            <div className="facts__row">
              <dt>Mode</dt>
              <dd>
                {status.info.mode === 'demo' ? (
                  <Badge tone="demo">Demo</Badge>
                ) : (
                  <Badge tone="neutral">Normal</Badge>
                )}
              </dd>
            </div>
            {/* Where the data lives is for managers and owners, not for a cashier at the counter. */}
            {canSeeDataFolder && (
              <div className="facts__row">
                <dt>Data folder</dt>
                <dd>
                  <code className="facts__path">{status.info.dataDir}</code>
                </dd>
              </div>
            )}
            <div className="facts__row">
              <dt>Schema version</dt>
              <dd>
                <code>{status.info.schemaVersion}</code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>Core runs in</dt>
              <dd>
                {doorLabels[status.info.door]} · Node {status.info.node}
              </dd>
            </div>
            <div className="facts__row">
              <dt>Started</dt>
              <dd>
                {formatMoment(status.info.startedAt, locale, new Date())} (up{' '}
                {formatDuration(status.health.uptimeMs)})
              </dd>
            </div>
          </dl>
          <div className="health">
            <div className="health__head">
              <h3>Health</h3>
              <StatusPill tone={status.health.status === 'ok' ? 'success' : 'warning'}>
                {status.health.status === 'ok' ? 'All good' : 'Degraded'}
              </StatusPill>
            </div>
            <ul className="health__checks">
              {status.health.checks.map((check) => (
                <li key={check.name} className="health__check">
                  <span className="health__name">{check.name}</span>
                  {check.detail && <span className="health__detail">{check.detail}</span>}
                  <StatusPill tone={check.ok ? 'success' : 'danger'}>
                    {check.ok ? 'OK' : 'Failing'}
                  </StatusPill>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </Card>
  );
}
