/**
 * better-sqlite3 is a native module: the copy in node_modules is built for Node (tests, the host).
 * `npm run rebuild:electron` builds a second copy for Electron's ABI into native/electron/; the
 * shell passes it to better-sqlite3 as its nativeBinding, so both keep working side by side.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron build is: under the app folder, or, in an installed app whose code is in an asar
 * archive, in `app.asar.unpacked` beside it (electron-builder.yml unpacks it: a native module cannot
 * be loaded from inside the archive).
 */
export function electronNativeBindingPath(appPath: string): string {
  const base = path.basename(appPath) === 'app.asar' ? `${appPath}.unpacked` : appPath;
  return path.join(base, 'native', 'electron', 'better_sqlite3.node');
}

export function loadElectronNativeBinding(appPath: string): string | null {
  const file = electronNativeBindingPath(appPath);
  return fs.existsSync(file) ? file : null;
}
