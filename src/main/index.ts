/**
 * The Electron shell: one core, opened on the app-data folder, reached by the renderer through
 * ipcMain. It makes the main window and an optional customer display, locks both down (see
 * shell/security.ts), and forwards core events. One instance per computer: a second launch focuses
 * the running window. The desktop app's own options, the customer display's screen and updates are
 * in shell/desktopApp.ts. No business logic lives here.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { createCore, type Core } from './core';
import {
  createElectronPrinter,
  customerDisplayOptions,
  desktopCallPrefix,
  grantedPermissions,
  ipcChannels,
  isAllowedAppUrl,
  loadElectronNativeBinding,
  mainWindowOptions,
  shellContentSecurityPolicy,
  shellDeviceSecret,
} from './shell';
import { startDesktopApp } from './shell/desktopApp';
import { shellStripeSecretBox } from './shell/stripeSecretBox';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const preloadPath = path.join(__dirname, '../preload/index.cjs');
const demo = process.argv.includes('--demo');

function pageUrl(page: 'index' | 'display'): { url?: string; file?: string } {
  if (devServerUrl) return { url: `${devServerUrl}/${page}.html` };
  return { file: path.join(__dirname, `../renderer/${page}.html`) };
}

function hardenWindow(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the system browser; the app never opens new windows of its own.
    if (url.startsWith('https:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function load(win: BrowserWindow, page: 'index' | 'display'): void {
  const target = pageUrl(page);
  if (target.url) void win.loadURL(target.url);
  else if (target.file) void win.loadFile(target.file);
}

async function start(): Promise<void> {
  // The name decides the app-data folder; demo data never mixes with a real store's.
  if (demo) app.setName('Tillpoint Demo');
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const nativeBinding = loadElectronNativeBinding(app.getAppPath());
  const stripeSecretBox = shellStripeSecretBox(safeStorage);
  const core: Core = await createCore({
    dataDir,
    config: { mode: demo ? 'demo' : 'normal', door: 'electron' },
    printer: createElectronPrinter(),
    // PIN hashes are keyed with a device secret the OS keychain seals (shell/deviceSecret.ts).
    deviceSecret: shellDeviceSecret(dataDir, safeStorage, (message) => console.warn(message)),
    // The Stripe secret key is sealed the same way (shell/stripeSecretBox.ts).
    card: stripeSecretBox ? { secretBox: stripeSecretBox } : {},
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  const desktop = startDesktopApp(core, dataDir);

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [shellContentSecurityPolicy],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(grantedPermissions.includes(permission));
  });

  ipcMain.handle(ipcChannels.invoke, async (event, name: unknown, input: unknown, staffSession: unknown) => {
    // Only our own pages may call the core.
    if (!event.senderFrame || !isAllowedAppUrl(event.senderFrame.url, devServerUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the app only.' } };
    }
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'bad_input', message: 'Handler name must be a string.' } };
    }
    if (name.startsWith(desktopCallPrefix)) {
      return desktop.call(name, input, typeof staffSession === 'string' ? staffSession : null);
    }
    return core.invoke(name, input, typeof staffSession === 'string' ? staffSession : null);
  });

  const kiosk = desktop.settings.kiosk || process.argv.includes('--kiosk');
  const main = new BrowserWindow(mainWindowOptions(preloadPath, { kiosk, icon: desktop.iconPath }));
  hardenWindow(main);
  desktop.addTray(main);
  app.on('second-instance', () => {
    if (main.isDestroyed()) return;
    if (main.isMinimized()) main.restore();
    main.show();
    main.focus();
  });
  main.once('ready-to-show', () => main.show());
  load(main, 'index');

  // The customer display goes full-screen on the screen it was last moved to, or on a second screen.
  const customer = desktop.customerScreen();
  let display: BrowserWindow | null = null;
  if (customer || process.argv.includes('--customer-display')) {
    const bounds = customer?.external ? customer.screen.bounds : undefined;
    display = new BrowserWindow(customerDisplayOptions(preloadPath, bounds));
    hardenWindow(display);
    desktop.followDisplayWindow(display);
    display.once('ready-to-show', () => display?.show());
    load(display, 'display');
  }

  core.events.onAny((name, payload) => {
    desktop.hear(name, payload);
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(ipcChannels.event, name, payload);
    }
  });

  main.on('closed', () => {
    display?.close();
    app.quit();
  });
  app.on('will-quit', () => {
    desktop.stop();
    void core.close();
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error('Tillpoint could not start:', error);
    app.exit(1);
  });
}
