import { describe, expect, it, vi } from 'vitest';
import { createDesktopCalls, type DesktopCallDeps } from './desktopCalls';
import { defaultDesktopSettings, type DesktopSettings } from './desktopSettings';

function setUp(role: string | null) {
  let saved: DesktopSettings = defaultDesktopSettings;
  const deps: DesktopCallDeps = {
    whoIs: (session) => Promise.resolve(session && role ? { role } : null),
    settings: () => saved,
    save: (settings) => {
      saved = settings;
    },
    setStartAtLogin: vi.fn(),
    updateStatus: () => ({ state: 'off' }),
    managerGo: vi.fn(() => ({ state: 'off' as const })),
    appVersion: '0.1.0',
  };
  return { call: createDesktopCalls(deps), deps, saved: () => saved };
}

describe('desktop.* calls', () => {
  it('need a live staff session', async () => {
    const { call } = setUp('manager');
    expect(await call('desktop.get', {}, null)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('let anyone logged in read them', async () => {
    const { call } = setUp('cashier');
    expect(await call('desktop.get', {}, 's')).toEqual({
      ok: true,
      data: {
        startAtLogin: false,
        kiosk: false,
        updates: { enabled: false, feedUrl: null },
        update: { state: 'off' },
        appVersion: '0.1.0',
      },
    });
  });

  it('let only a manager or an owner change them or install an update', async () => {
    const { call, deps } = setUp('cashier');
    expect(await call('desktop.set', { kiosk: true }, 's')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('desktop.installUpdate', {}, 's')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(deps.managerGo).not.toHaveBeenCalled();
  });

  it('save a manager’s change and apply start-at-login at once', async () => {
    const { call, deps, saved } = setUp('manager');
    const result = await call(
      'desktop.set',
      { startAtLogin: true, updates: { enabled: true, feedUrl: 'https://updates.example.com/' } },
      's',
    );
    expect(result).toMatchObject({ ok: true, data: { startAtLogin: true, updates: { enabled: true } } });
    expect(saved()).toMatchObject({ startAtLogin: true, kiosk: false, customerDisplay: null });
    expect(deps.setStartAtLogin).toHaveBeenCalledWith(true);
    expect(await call('desktop.installUpdate', {}, 's')).toMatchObject({ ok: true });
    expect(deps.managerGo).toHaveBeenCalledTimes(1);
  });

  it('refuse a bad change, and an unknown call', async () => {
    const { call, saved } = setUp('owner');
    expect(await call('desktop.set', { updates: { enabled: true, feedUrl: null } }, 's')).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: 'Updates need a feed address.' },
    });
    expect(await call('desktop.set', { customerDisplay: null }, 's')).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(saved()).toEqual(defaultDesktopSettings);
    expect(await call('desktop.format', {}, 's')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
