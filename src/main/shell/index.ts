/**
 * The Electron shell's parts: the secure window options and CSP (security.ts, loadable in plain
 * Node for tests), the Electron-ABI build of better-sqlite3 (native.ts), the silent receipt
 * printer (printer.ts), and the desktop app's own options and updates: desktop.json
 * (desktopSettings.ts), the customer display's screen (displayPlacement.ts), when an update may
 * restart the till (updatePolicy.ts, tillActivity.ts), the updater (updater.ts) and the `desktop.*`
 * calls (desktopCalls.ts), wired in Electron by desktopApp.ts (imported by the shell directly, as it
 * needs Electron). The shell itself is src/main/index.ts.
 */
export * from './security';
export * from './native';
export * from './printer';
export * from './deviceSecret';
export * from './desktopSettings';
export * from './displayPlacement';
export * from './updatePolicy';
export * from './desktopCalls';
