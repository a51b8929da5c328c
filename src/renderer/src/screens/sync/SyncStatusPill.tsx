/**
 * The top bar's sync slot: "Synced", "N behind", "Offline since 9:02" or "Sync error", read from
 * sync.status every few seconds; nothing when sync is off. A click opens Settings › Sync.
 */
import { useEffect, useState } from 'react';
import { type SyncStatus } from '../../../../shared/api/sync';
import { client } from '../../api';
import { formatMoment } from '../../app/format';
import { navigate } from '../../app/router';
import { StatusPill, useDisplayLocale } from '../../ui';
import { syncPillView } from './syncView';
import './sync.css';

export const syncStatusPollMs = 5_000;

/** The sync status, read now and every few seconds while mounted (null until known or when it fails). */
export function useSyncStatus(pollMs = syncStatusPollMs): { status: SyncStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const read = () =>
      client.invoke('sync.status', {}).then(
        (next) => live && setStatus(next),
        () => live && setStatus(null),
      );
    void read();
    const timer = setInterval(() => void read(), pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pollMs, tick]);
  return { status, refresh: () => setTick((n) => n + 1) };
}

export function SyncStatusPill() {
  const locale = useDisplayLocale();
  const { status } = useSyncStatus();
  if (!status) return null;
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
