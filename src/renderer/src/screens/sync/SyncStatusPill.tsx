/**
 * The top bar's sync slot: "Synced", "N behind", "Offline since 9:02" or "Sync error", read from
 * sync.status every few seconds (through useCoreData); nothing when sync is off or unknown. A click
 * opens Settings › Sync.
 */
import { useEffect } from 'react';
import { type SyncStatus } from '../../../../shared/api/sync';
import { client } from '../../api';
import { type CoreData, useCoreData } from '../../api/coreData';
import { formatMoment } from '../../app/format';
import { navigate } from '../../app/router';
import { StatusPill, useDisplayLocale } from '../../ui';
import { syncPillView } from './syncView';
import './sync.css';

export const syncStatusPollMs = 5_000;

async function loadSyncStatus(): Promise<SyncStatus> {
  return client.invoke('sync.status', {});
}

/** The sync status through useCoreData, read now and again every few seconds while mounted. */
export function useSyncStatus(pollMs = syncStatusPollMs): CoreData<SyncStatus> & { reload: () => void } {
  const status = useCoreData(loadSyncStatus);
  const reload = status.reload;
  useEffect(() => {
    const timer = setInterval(reload, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, reload]);
  return status;
}

export function SyncStatusPill() {
  const locale = useDisplayLocale();
  const sync = useSyncStatus();
  if (sync.kind !== 'ready') return null;
  const status = sync.data;
  const view = syncPillView(status, (iso) => formatMoment(iso, locale, new Date()));
  if (!view) return null;
  return (
    <button
      type="button"
      className="sync-pill-button"
      onClick={() => navigate({ section: 'settings', rest: ['sync'] })}
      title={status.lastError ?? undefined}
    >
      <StatusPill tone={view.tone} pulse={view.pulse}>
        {view.text}
        {view.extra && <span className="status-pill__extra"> · {view.extra}</span>}
      </StatusPill>
    </button>
  );
}
