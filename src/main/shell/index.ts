/**
 * The Electron shell's parts: the secure window options and CSP (security.ts, loadable in plain
 * Node for tests), the Electron-ABI build of better-sqlite3 (native.ts), and the silent receipt
 * printer (printer.ts). The shell itself is src/main/index.ts.
 */
export * from './security';
export * from './native';
export * from './printer';
export * from './deviceSecret';
