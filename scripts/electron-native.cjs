#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules' copy (built
 * for Node: tests and the headless host) untouched. The shell passes this file to better-sqlite3 as
 * its nativeBinding. Skips the build when native/electron/ already matches this Electron version.
 * Needs the network once (Electron's headers); on machines where Electron cannot run, it is not needed.
 * First fetches Electron's binary itself when it is not there yet (scripts/electron-binary.cjs).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureElectronBinary } = require('./electron-binary.cjs');

if (!ensureElectronBinary()) process.exit(1);

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'native', 'electron');
const stamp = path.join(outDir, 'electron-version.txt');
const electronVersion = require(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const sqliteVersion = require(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).version;
const wanted = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`;

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === wanted) {
  console.log(`native/electron is up to date (${wanted}).`);
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-electron-native-'));
try {
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  fs.cpSync(source, work, {
    recursive: true,
    filter: (file) => !file.includes(`${path.sep}build${path.sep}`),
  });
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}...`);
  execFileSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(
    path.join(work, 'build', 'Release', 'better_sqlite3.node'),
    path.join(outDir, 'better_sqlite3.node'),
  );
  fs.writeFileSync(stamp, wanted + '\n');
  console.log(`Wrote ${path.relative(root, outDir)}/better_sqlite3.node`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
