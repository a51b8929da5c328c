import { describe, expect, it } from 'vitest';
import { desktopViewSchema, updateText, type UpdateStatus } from './desktopView';

const at = () => '10:30';

describe('updateText', () => {
  it.each<[UpdateStatus, string]>([
    [{ state: 'off' }, 'Updates are off.'],
    [{ state: 'idle', feedUrl: 'https://u/', checkedAt: null }, 'Checking for updates…'],
    [
      { state: 'idle', feedUrl: 'https://u/', checkedAt: '2026-12-06T10:30:00Z' },
      'Up to date (checked 10:30).',
    ],
    [{ state: 'downloading', version: '0.2.0', percent: 40 }, 'Downloading version 0.2.0 (40%)…'],
    [
      {
        state: 'ready',
        version: '0.2.0',
        managerGo: false,
        decision: { install: false, reason: "Waiting for the shift's end, or a manager's go." },
      },
      "Version 0.2.0 is ready. Waiting for the shift's end, or a manager's go.",
    ],
    [{ state: 'installing', version: '0.2.0' }, 'Installing version 0.2.0: Tillpoint restarts now.'],
    [{ state: 'error', message: 'offline' }, 'Updates failed: offline'],
  ])('%j', (status, text) => {
    expect(updateText(status, at)).toBe(text);
  });

  it('reads what the shell sends, and refuses anything else', () => {
    const view = {
      startAtLogin: false,
      kiosk: true,
      updates: { enabled: false, feedUrl: null },
      update: { state: 'off' },
      appVersion: '0.1.0',
    };
    expect(desktopViewSchema.parse(view)).toEqual(view);
    expect(desktopViewSchema.safeParse({ ...view, update: { state: 'maybe' } }).success).toBe(false);
  });
});
