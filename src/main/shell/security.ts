/**
 * The Electron shell's security settings, in one module so a test can read exactly what the shell
 * uses: window options (context isolation, sandbox, no Node in the page), the Content-Security-
 * Policy, and which navigations and new windows are refused. Types only from electron: this file
 * must load in plain Node.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { appContentSecurityPolicy } from '../csp';

/** The app's one policy (src/main/csp.ts), as the shell sends it. */
export const shellContentSecurityPolicy = appContentSecurityPolicy;

export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/**
 * The till's window. `kiosk` (a dedicated till, desktop.json): full screen with no way out to the
 * desktop but quitting. `icon`: the window's icon where the OS takes it from the window (Linux).
 */
export function mainWindowOptions(
  preloadPath: string,
  extra: { kiosk?: boolean; icon?: string } = {},
): BrowserWindowConstructorOptions {
  return {
    ...(extra.kiosk ? { kiosk: true, fullscreen: true } : {}),
    ...(extra.icon ? { icon: extra.icon } : {}),
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Tillpoint',
    show: false,
    backgroundColor: '#0f172a',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences, preload: preloadPath },
  };
}

export function customerDisplayOptions(
  preloadPath: string,
  bounds?: { x: number; y: number; width: number; height: number },
): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? { width: 800, height: 600 }),
    title: 'Tillpoint — customer display',
    show: false,
    autoHideMenuBar: true,
    fullscreen: Boolean(bounds),
    backgroundColor: '#0f172a',
    // Nobody touches the customer display, yet it plays the counter's sounds (app/sounds).
    webPreferences: {
      ...secureWebPreferences,
      preload: preloadPath,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/**
 * The page may only stay on the app itself: the packaged files (file://) or, in development, the
 * renderer dev server's origin. Everything else is refused.
 */
export function isAllowedAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Permissions (camera, geolocation, notifications...) the app's pages may be granted: none. */
export const grantedPermissions: readonly string[] = [];

export const ipcChannels = {
  invoke: 'tillpoint:invoke',
  event: 'tillpoint:event',
} as const;
