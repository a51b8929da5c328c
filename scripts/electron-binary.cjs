#!/usr/bin/env node
/**
 * Fetches Electron's binary the first time the desktop app is started. `npm ci` never downloads it
 * (package.json's allowScripts turns Electron's install script off), so the tests and the headless
 * host install anywhere, offline included; `npm start`, `npm run dev` and `npm run rebuild:electron`
 * run this first. It runs Electron's own installer (node_modules/electron/install.js, which honours
 * ELECTRON_MIRROR and Electron's download cache) when node_modules/electron/dist or path.txt is
 * missing or for another version, and says in one line why when the download fails.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const electronDir = path.resolve(__dirname, '..', 'node_modules', 'electron');

/** Electron's own test (install.js's isInstalled): dist/version, path.txt and the executable. */
function isInstalled() {
  try {
    const { version } = require(path.join(electronDir, 'package.json'));
    const installed = fs.readFileSync(path.join(electronDir, 'dist', 'version'), 'utf8').replace(/^v/, '');
    const executable = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    return installed.trim() === version && fs.existsSync(path.join(electronDir, 'dist', executable));
  } catch {
    return false;
  }
}

/** The first line of the installer's error that says something (its stack trace follows). */
function reasonOf(stderr, status) {
  const line = stderr
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at '));
  return (line ?? `the installer exited with ${status}`).replace(/^(Request)?Error: /, '');
}

/**
 * Runs Electron's installer when the binary is missing; returns null once it is there, else why not
 * (one line). Prints nothing of its own: the installer's output is captured unless `verbose`.
 */
function fetchElectronBinary({ verbose = false } = {}) {
  if (!fs.existsSync(path.join(electronDir, 'install.js')))
    return 'Electron is not installed: run `npm ci` first';
  if (isInstalled()) return null;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD; // the app needs it now, whatever the install step was told
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    stdio: ['ignore', verbose ? 'inherit' : 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status === 0 && isInstalled()) return null;
  return result.error ? result.error.message : reasonOf(result.stderr ?? '', result.status);
}

function ensureElectronBinary() {
  if (!fs.existsSync(path.join(electronDir, 'install.js'))) {
    console.error('Electron is not installed: run `npm ci` first.');
    return false;
  }
  if (isInstalled()) return true;
  const { version } = require(path.join(electronDir, 'package.json'));
  console.log(`Fetching Electron ${version} for the desktop app (the first time only)…`);
  const reason = fetchElectronBinary({ verbose: true });
  if (reason === null) return true;
  console.error(
    `Could not fetch Electron's binary (${reason}): the desktop app needs the network once, or ELECTRON_MIRROR; ` +
      '`npm run demo` runs Tillpoint in a browser without it.',
  );
  return false;
}

module.exports = { ensureElectronBinary, fetchElectronBinary, isInstalled, electronDir };

if (require.main === module && !ensureElectronBinary()) process.exit(1);
