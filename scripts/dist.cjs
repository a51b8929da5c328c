#!/usr/bin/env node
/**
 * `npm run dist`: builds Tillpoint's installer for the machine it runs on (electron-builder.yml):
 * AppImage + deb on Linux, dmg on macOS, NSIS on Windows, in dist/. Arguments after `--` go to
 * electron-builder (`npm run dist -- --linux deb`).
 *
 * 1. Electron's binary, fetched once into node_modules/electron (scripts/electron-binary.cjs); where
 *    it cannot be downloaded, this stops here with one line saying so, before anything is built.
 * 2. better-sqlite3 for Electron's ABI into native/electron/ (scripts/electron-native.cjs), which
 *    the package carries unpacked beside its asar archive.
 * 3. The app (electron-vite build), then electron-builder with that same Electron (electronDist),
 *    never publishing. electron-builder itself downloads the AppImage / NSIS tools the first time.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { fetchElectronBinary, electronDir } = require('./electron-binary.cjs');

const root = path.resolve(__dirname, '..');

/** Null when Electron's binary is there (fetched now if need be), else the one line to print. */
function preflight(fetch = fetchElectronBinary) {
  const reason = fetch();
  if (reason === null) return null;
  const { version } = require(path.join(electronDir, 'package.json'));
  return (
    `npm run dist: cannot build an installer here: Electron ${version}'s binary could not be downloaded ` +
    `(${reason}); building one needs the network (or ELECTRON_MIRROR), see the README's "Installers".`
  );
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function main(argv) {
  const stop = preflight();
  if (stop !== null) {
    console.error(stop);
    process.exit(1);
  }
  const bin = (name) =>
    path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  run(process.execPath, [path.join(__dirname, 'electron-native.cjs')]);
  run(bin('electron-vite'), ['build']);
  run(bin('electron-builder'), [
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    `-c.electronDist=${path.join(electronDir, 'dist')}`,
    ...argv,
  ]);
}

module.exports = { preflight };

if (require.main === module) main(process.argv.slice(2));
