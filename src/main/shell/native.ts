/**
 * better-sqlite3 is a native module: the copy in node_modules is built for Node (tests, the host).
 * `npm run rebuild:electron` builds a second copy for Electron's ABI into native/electron/; the
 * shell passes it to better-sqlite3 as its nativeBinding, so both keep working side by side.
 */
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBindingPath(appPath: string): string {
  return path.join(appPath, 'native', 'electron', 'better_sqlite3.node');
}

export function loadElectronNativeBinding(appPath: string): string | null {
  const file = electronNativeBindingPath(appPath);
  return fs.existsSync(file) ? file : null;
}
