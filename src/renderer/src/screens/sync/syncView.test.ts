import { describe, expect, it } from 'vitest';
import { syncPillView, tableLabel } from './syncView';

const at = (iso: string) => `at ${iso.slice(11, 16)}`;

describe('syncPillView', () => {
  it.each([
    [{ state: 'off', pendingRows: 5, offlineSince: null, lagSeconds: 0 }, null],
    [
      { state: 'synced', pendingRows: 0, offlineSince: null, lagSeconds: 0 },
      { tone: 'success', text: 'Synced', extra: null },
    ],
    [
      { state: 'behind', pendingRows: 1234, offlineSince: null, lagSeconds: 12 },
      { tone: 'info', text: '1,234 behind' },
    ],
    [
      { state: 'behind', pendingRows: 3, offlineSince: null, lagSeconds: 0.4 },
      { tone: 'success', text: 'Synced' },
    ],
    [
      { state: 'offline', pendingRows: 9, offlineSince: '2026-12-06T09:02:00.000Z', lagSeconds: 90 },
      { tone: 'warning', text: 'Offline', extra: 'since at 09:02' },
    ],
    [
      { state: 'offline', pendingRows: 9, offlineSince: null, lagSeconds: 0 },
      { text: 'Offline', extra: null },
    ],
    [
      { state: 'error', pendingRows: 9, offlineSince: null, lagSeconds: 0 },
      { tone: 'danger', text: 'Sync error' },
    ],
  ] as const)('%o → %o', (status, view) => {
    const result = syncPillView(status, at);
    if (view === null) expect(result).toBeNull();
    else expect(result).toMatchObject(view);
  });

  it('names tables for people', () => {
    expect(tableLabel('ledger_transfers')).toBe('Ledger transfers');
    expect(tableLabel('some_new_table')).toBe('some new table');
  });
});
