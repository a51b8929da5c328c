import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { startUpdater, type UpdaterLike } from './updater';

function fakeUpdater() {
  const emitter = new EventEmitter();
  const fake = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    feeds: [] as string[],
    installs: 0,
    setFeedURL: (options: { url: string }) => fake.feeds.push(options.url),
    checkForUpdates: vi.fn(() => Promise.resolve(null)),
    quitAndInstall: () => {
      fake.installs += 1;
    },
    on: (event: string, listener: (value: unknown) => void) => emitter.on(event, listener),
    emit: (event: string, value: unknown) => emitter.emit(event, value),
  };
  return fake;
}

const feed = 'https://updates.example.com/tillpoint/';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startUpdater', () => {
  it('is off by default: never loads electron-updater', () => {
    const load = vi.fn();
    const handle = startUpdater({
      updates: { enabled: false, feedUrl: feed },
      initialShift: 'none',
      load,
      log: () => {},
    });
    expect(handle.status()).toEqual({ state: 'off' });
    expect(load).not.toHaveBeenCalled();
    expect(
      startUpdater({
        updates: { enabled: true, feedUrl: null },
        initialShift: 'none',
        load,
        log: () => {},
      }).status(),
    ).toEqual({ state: 'off' });
  });

  it("checks the store's feed, and waits for the shift's end before it restarts", async () => {
    const fake = fakeUpdater();
    const handle = startUpdater({
      updates: { enabled: true, feedUrl: feed },
      initialShift: 'open',
      load: () => Promise.resolve(fake as unknown as UpdaterLike),
      log: () => {},
    });
    await flush();
    expect(fake.feeds).toEqual([feed]);
    expect(fake.autoDownload).toBe(true);
    expect(fake.checkForUpdates).toHaveBeenCalledTimes(1);

    handle.hear('display.updated', { state: 'cart' });
    fake.emit('update-downloaded', { version: '0.2.0' });
    expect(handle.status()).toMatchObject({
      state: 'ready',
      version: '0.2.0',
      decision: { waitingFor: 'sale' },
    });
    handle.hear('display.updated', { state: 'paid' });
    expect(handle.status()).toMatchObject({ state: 'ready', decision: { waitingFor: 'shift-end' } });
    expect(fake.installs).toBe(0);

    handle.hear('shift.updated', { shift: { status: 'closed' } });
    expect(fake.installs).toBe(1);
    expect(handle.status()).toEqual({ state: 'installing', version: '0.2.0' });
    handle.hear('shift.updated', { shift: { status: 'closed' } });
    expect(fake.installs).toBe(1);
    handle.stop();
  });

  it("a manager's go installs once the payment in flight is decided", async () => {
    const fake = fakeUpdater();
    const handle = startUpdater({
      updates: { enabled: true, feedUrl: feed },
      initialShift: 'open',
      load: () => Promise.resolve(fake as unknown as UpdaterLike),
      log: () => {},
    });
    await flush();
    fake.emit('update-downloaded', { version: '0.2.0' });
    handle.hear('payment.updated', { paymentId: 'P1', status: 'pending' });
    expect(handle.managerGo()).toMatchObject({
      state: 'ready',
      managerGo: true,
      decision: { waitingFor: 'payment' },
    });
    expect(fake.installs).toBe(0);
    handle.hear('payment.updated', { paymentId: 'P1', status: 'succeeded' });
    expect(fake.installs).toBe(1);
    handle.stop();
  });
});
