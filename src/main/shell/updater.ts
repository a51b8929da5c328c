/**
 * Updates from the store's release feed with electron-updater, off unless the store turned them on
 * (desktop.json: updates.enabled and feedUrl, set in Settings › This till). An update downloads in
 * the background; installing it restarts the app, so it waits until `mayInstallUpdate` says yes
 * (updatePolicy.ts): the shift's end or a manager's go, never mid-sale. A till closed with an update
 * waiting installs it on the way out.
 *
 * The updater is passed in (electron-updater's autoUpdater in the app), so this runs in plain Node
 * in tests with a fake.
 */
import { EventEmitter } from 'node:events';
import { applyTillEvent, initialActivity } from './tillActivity';
import { mayInstallUpdate, type ShiftState, type UpdateDecision } from './updatePolicy';

/** The part of electron-updater's AppUpdater this uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type UpdateStatus =
  | { state: 'off' }
  | { state: 'idle'; feedUrl: string; checkedAt: string | null }
  | { state: 'downloading'; version: string; percent: number }
  | { state: 'ready'; version: string; decision: UpdateDecision; managerGo: boolean }
  | { state: 'installing'; version: string }
  | { state: 'error'; message: string };

export interface UpdaterHandle {
  status(): UpdateStatus;
  /** A core event: the shift, the sale on the counter, the payments in flight. */
  hear(event: string, payload: unknown): void;
  /** A manager's go: install as soon as no sale or payment is in flight. */
  managerGo(): UpdateStatus;
  stop(): void;
}

export interface UpdaterOptions {
  updates: { enabled: boolean; feedUrl: string | null };
  initialShift: ShiftState;
  load: () => Promise<UpdaterLike>;
  log: (message: string) => void;
  checkEveryMs?: number;
  now?: () => Date;
}

export function startUpdater(options: UpdaterOptions): UpdaterHandle {
  const { updates, log } = options;
  const feedUrl = updates.feedUrl;
  if (!updates.enabled || !feedUrl) {
    return {
      status: () => ({ state: 'off' }),
      hear: () => undefined,
      managerGo: () => ({ state: 'off' }),
      stop: () => undefined,
    };
  }
  const now = options.now ?? (() => new Date());
  const changed = new EventEmitter();
  let activity = initialActivity(options.initialShift);
  let status: UpdateStatus = { state: 'idle', feedUrl, checkedAt: null };
  let ready: string | null = null;
  let go = false;
  let updater: UpdaterLike | null = null;
  let timer: NodeJS.Timeout | null = null;

  const decide = (): UpdateDecision =>
    mayInstallUpdate({ ...activity, updateReady: ready !== null, managerGo: go });

  const evaluate = () => {
    if (ready === null || status.state === 'installing') return;
    const decision = decide();
    if (decision.install && updater) {
      log(`Installing Tillpoint ${ready}: ${decision.reason}`);
      status = { state: 'installing', version: ready };
      updater.quitAndInstall(false, true);
    } else {
      status = { state: 'ready', version: ready, decision, managerGo: go };
    }
    changed.emit('change');
  };

  const check = () => {
    if (!updater || ready !== null) return;
    updater
      .checkForUpdates()
      .then(() => {
        if (status.state === 'idle') status = { state: 'idle', feedUrl, checkedAt: now().toISOString() };
      })
      .catch((error: unknown) => {
        status = { state: 'error', message: error instanceof Error ? error.message : String(error) };
        log(`Update check failed: ${status.message}`);
      });
  };

  void options
    .load()
    .then((loaded) => {
      updater = loaded;
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.setFeedURL({ provider: 'generic', url: feedUrl });
      updater.on('update-available', (info) => {
        status = { state: 'downloading', version: info.version, percent: 0 };
      });
      updater.on('download-progress', (progress) => {
        if (status.state === 'downloading') status = { ...status, percent: Math.round(progress.percent) };
      });
      updater.on('update-downloaded', (info) => {
        ready = info.version;
        log(`Tillpoint ${info.version} is downloaded.`);
        evaluate();
      });
      updater.on('error', (error) => {
        status = { state: 'error', message: error.message };
        log(`Update failed: ${error.message}`);
      });
      check();
      timer = setInterval(check, options.checkEveryMs ?? 4 * 60 * 60_000);
      timer.unref();
    })
    .catch((error: unknown) => {
      status = { state: 'error', message: error instanceof Error ? error.message : String(error) };
    });

  return {
    status: () => status,
    hear(event, payload) {
      activity = applyTillEvent(activity, event, payload);
      evaluate();
    },
    managerGo() {
      go = true;
      evaluate();
      return status;
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
