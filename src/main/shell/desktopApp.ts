/**
 * The desktop app's own behaviour around the core, as Electron glue (the decisions are in plain-Node
 * modules beside it, tested there): desktop.json's start-up options (start with the computer, kiosk),
 * the customer display's screen (chosen by displayPlacement.ts, remembered when the window is moved),
 * updates (updater.ts, gated by updatePolicy.ts), and the `desktop.*` calls Settings › This till makes.
 */
import path from 'node:path';
import { app, type BrowserWindow, Menu, nativeImage, screen, Tray } from 'electron';
import { type CallResult } from '../../shared/api';
import { type Core } from '../core';
import { createDesktopCalls } from './desktopCalls';
import { type DesktopSettings, readDesktopSettings, writeDesktopSettings } from './desktopSettings';
import { chooseCustomerScreen, type ScreenInfo } from './displayPlacement';
import { startUpdater, type UpdaterLike } from './updater';
import { type ShiftState } from './updatePolicy';

export interface DesktopApp {
  readonly settings: DesktopSettings;
  /** The app icon for windows (Linux takes it from the window). */
  readonly iconPath: string;
  call(name: string, input: unknown, session: string | null): Promise<CallResult>;
  /** The screen for the customer display, and whether it is not the till's own (then full screen). */
  customerScreen(): { screen: ScreenInfo; external: boolean } | null;
  /** Remembers the screen the customer display is moved to. */
  followDisplayWindow(win: BrowserWindow): void;
  /** The tray (menu-bar) icon: bring the till's window back, or quit; the dock icon on macOS. */
  addTray(main: BrowserWindow): void;
  /** Every core event, for the update policy. */
  hear(event: string, payload: unknown): void;
  stop(): void;
}

/** The shift as the database has it at start-up (no session needed); 'unknown' if it cannot say. */
function shiftAtStart(core: Core): ShiftState {
  try {
    const row = core.db
      .prepare(
        "SELECT status FROM shifts WHERE status IN ('open', 'closing') ORDER BY opened_at DESC LIMIT 1",
      )
      .get() as { status: 'open' | 'closing' } | undefined;
    return row?.status ?? 'none';
  } catch {
    return 'unknown';
  }
}

export function startDesktopApp(core: Core, dataDir: string): DesktopApp {
  const log = (message: string) => core.logger.info(message);
  let settings = readDesktopSettings(dataDir, (message) => core.logger.warn(message));
  const save = (next: DesktopSettings) => {
    settings = next;
    writeDesktopSettings(dataDir, next);
  };
  // Only an installed app registers itself with the OS (a development build would register Electron).
  const setStartAtLogin = (enabled: boolean) => {
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: enabled });
    else log('Start with the computer applies to the installed app only.');
  };
  if (app.isPackaged && app.getLoginItemSettings().openAtLogin !== settings.startAtLogin) {
    setStartAtLogin(settings.startAtLogin);
  }

  let tray: Tray | null = null;
  const updater = startUpdater({
    updates: settings.updates,
    initialShift: shiftAtStart(core),
    load: async () => (await import('electron-updater')).autoUpdater as unknown as UpdaterLike,
    log,
  });

  const call = createDesktopCalls({
    whoIs: async (session) => {
      if (!session) return null;
      const result = await core.invoke('staff.me', {}, session);
      return result.ok ? { role: (result.data as { staff: { role: string } }).staff.role } : null;
    },
    settings: () => settings,
    save,
    setStartAtLogin,
    updateStatus: () => updater.status(),
    managerGo: () => updater.managerGo(),
    appVersion: app.getVersion(),
  });

  return {
    get settings() {
      return settings;
    },
    iconPath: path.join(app.getAppPath(), 'resources', 'icons', '512x512.png'),
    call,
    customerScreen() {
      const primary = screen.getPrimaryDisplay();
      const choice = chooseCustomerScreen(screen.getAllDisplays(), primary.id, settings.customerDisplay);
      return choice ? { screen: choice.screen, external: choice.screen.id !== primary.id } : null;
    },
    followDisplayWindow(win) {
      let timer: NodeJS.Timeout | null = null;
      const remember = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          if (win.isDestroyed()) return;
          const display = screen.getDisplayMatching(win.getBounds());
          const last = settings.customerDisplay;
          if (last?.displayId === display.id) return;
          save({ ...settings, customerDisplay: { displayId: display.id, bounds: display.bounds } });
          log(`The customer display is now remembered on screen ${display.id}.`);
        }, 500);
      };
      win.on('moved', remember);
      win.on('resized', remember);
    },
    addTray(main) {
      const resources = path.join(app.getAppPath(), 'resources');
      // macOS draws a template image (black on transparent) in the menu bar's own colour.
      const icon = nativeImage.createFromPath(
        path.join(resources, 'tray', process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
      );
      if (icon.isEmpty()) return;
      if (process.platform === 'darwin') icon.setTemplateImage(true);
      tray = new Tray(icon);
      tray.setToolTip('Tillpoint');
      const show = () => {
        if (main.isDestroyed()) return;
        if (main.isMinimized()) main.restore();
        main.show();
        main.focus();
      };
      tray.on('click', show);
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: 'Show Tillpoint', click: show },
          { type: 'separator' },
          { label: 'Quit Tillpoint', click: () => app.quit() },
        ]),
      );
      if (process.platform === 'darwin' && !app.isPackaged)
        app.dock?.setIcon(path.join(resources, 'icons', '512x512.png'));
    },
    hear: (event, payload) => updater.hear(event, payload),
    stop: () => {
      updater.stop();
      tray?.destroy();
    },
  };
}
