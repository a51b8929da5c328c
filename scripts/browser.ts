/**
 * Which Chromium the tests drive, and how to get one where the machine has none.
 *
 * Looked for in this order: `TILLPOINT_CHROMIUM`; the system's Chromium or Chrome (on PATH, or the
 * usual application folders on macOS and Windows); Playwright's own Chromium when it is installed.
 * Where none is found, `planBrowser` decides how to install one from the machine's facts:
 *   - Debian (and derivatives) as root, or with password-less sudo: `apt-get install chromium`;
 *   - Ubuntu (and derivatives) as root or with sudo: its `chromium-browser` is a snap shim, so it is
 *     tried only where snapd runs, then Playwright's installer with the system libraries it needs;
 *   - elsewhere (macOS, Windows, other Linux, or Ubuntu without root): Playwright's installer, which
 *     downloads Playwright's Chromium: the last resort, never used on Debian;
 *   - Debian without root or sudo: stop, saying which command to run.
 * `planBrowser` and `pickBrowser` are pure (facts in, plan out); `gatherLocateFacts` and
 * `gatherMachineFacts` read the machine; `ensureBrowser` (scripts/find-browser.ts) carries a plan out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** What was found where a browser may already be. */
export interface LocateFacts {
  /** `TILLPOINT_CHROMIUM`, when set and not empty. */
  override: string | undefined;
  /** Whether the override names an existing file. */
  overrideExists: boolean;
  /** The first system Chromium or Chrome found, in the order of `systemCandidates`. */
  system: string | undefined;
  /** Playwright's own Chromium, only when its file exists. */
  playwright: string | undefined;
}

/** What the machine allows for installing one. */
export interface MachineFacts {
  platform: NodeJS.Platform;
  /** From /etc/os-release: `ID` and `ID_LIKE` (lower case); undefined off Linux or without the file. */
  distro: { id: string; like: readonly string[] } | undefined;
  isRoot: boolean;
  /** `sudo -n true` succeeds (password-less sudo). */
  canSudo: boolean;
  hasApt: boolean;
  /** snapd is running (Ubuntu's chromium-browser package is only a way to install the snap). */
  hasSnapd: boolean;
}

export type BrowserSource = 'TILLPOINT_CHROMIUM' | 'system' | 'Playwright';

export type BrowserPick =
  | { kind: 'found'; path: string; source: BrowserSource }
  | { kind: 'broken'; message: string }
  | { kind: 'none' };

/** One way to install a browser: its commands run in order; the next attempt is tried if one fails. */
export interface InstallAttempt {
  /** For the one line printed before it runs: "installing Chromium with <label>". */
  label: string;
  commands: readonly (readonly string[])[];
}

export type BrowserPlan =
  | { kind: 'use'; path: string; source: BrowserSource }
  | { kind: 'install'; attempts: readonly InstallAttempt[] }
  | { kind: 'stop'; message: string };

const setHint = 'or set TILLPOINT_CHROMIUM to a Chromium or Chrome';

/** The browser to use from what was found, without installing anything. */
export function pickBrowser(found: LocateFacts): BrowserPick {
  if (found.override !== undefined) {
    return found.overrideExists
      ? { kind: 'found', path: found.override, source: 'TILLPOINT_CHROMIUM' }
      : { kind: 'broken', message: `TILLPOINT_CHROMIUM is ${found.override}, which does not exist.` };
  }
  if (found.system !== undefined) return { kind: 'found', path: found.system, source: 'system' };
  if (found.playwright !== undefined) return { kind: 'found', path: found.playwright, source: 'Playwright' };
  return { kind: 'none' };
}

function isLike(machine: MachineFacts, name: string): boolean {
  return machine.distro !== undefined && (machine.distro.id === name || machine.distro.like.includes(name));
}

const playwrightInstall: InstallAttempt = {
  label: 'Playwright’s installer (npx playwright install chromium)',
  commands: [['npx', 'playwright', 'install', 'chromium']],
};

/** What to do: use a browser, install one (attempts in order), or stop with one line saying how. */
export function planBrowser(found: LocateFacts, machine: MachineFacts): BrowserPlan {
  const pick = pickBrowser(found);
  if (pick.kind === 'found') return { kind: 'use', path: pick.path, source: pick.source };
  if (pick.kind === 'broken') return { kind: 'stop', message: pick.message };

  const admin = machine.isRoot ? [] : machine.canSudo ? ['sudo', '-n'] : undefined;
  const ubuntu = machine.platform === 'linux' && isLike(machine, 'ubuntu');
  const debian = machine.platform === 'linux' && !ubuntu && isLike(machine, 'debian');

  if (debian) {
    if (admin === undefined || !machine.hasApt) {
      return {
        kind: 'stop',
        message: `No Chromium or Chrome found: run \`sudo apt-get install chromium\`, ${setHint}.`,
      };
    }
    return {
      kind: 'install',
      attempts: [
        {
          label: 'apt (apt-get install chromium)',
          commands: [
            [...admin, 'apt-get', 'update', '-qq'],
            [...admin, 'apt-get', 'install', '-y', '-qq', 'chromium'],
          ],
        },
      ],
    };
  }
  if (ubuntu && admin !== undefined) {
    const attempts: InstallAttempt[] = [];
    if (machine.hasApt && machine.hasSnapd) {
      attempts.push({
        label: 'apt (apt-get install chromium-browser, a snap)',
        commands: [
          [...admin, 'apt-get', 'update', '-qq'],
          [...admin, 'apt-get', 'install', '-y', '-qq', 'chromium-browser'],
        ],
      });
    }
    attempts.push({
      label:
        'Playwright’s installer and the libraries it needs (npx playwright install --with-deps chromium)',
      commands: [['npx', 'playwright', 'install', '--with-deps', 'chromium']],
    });
    return { kind: 'install', attempts };
  }
  return { kind: 'install', attempts: [playwrightInstall] };
}

/** The line printed when every attempt failed (or the browser still cannot be found after them). */
export function installFailedMessage(attempt: InstallAttempt | undefined, reason: string): string {
  const what = attempt === undefined ? 'installing one' : attempt.label;
  return `No Chromium or Chrome found, and ${what} failed (${reason}): install Chromium or Chrome, ${setHint}.`;
}

// ---- Reading the machine -------------------------------------------------------------------------

const pathNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where a system Chromium or Chrome may be, in order. */
export function systemCandidates(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): { onPath: readonly string[]; files: readonly string[] } {
  if (platform === 'darwin') {
    return {
      onPath: pathNames,
      files: [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ],
    };
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    return {
      onPath: ['chrome.exe'],
      files: roots.flatMap((root) => [
        path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
        path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ]),
    };
  }
  return { onPath: pathNames, files: [] };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findSystemBrowser(env: NodeJS.ProcessEnv): string | undefined {
  const { onPath, files } = systemCandidates(process.platform, env);
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const name of onPath) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return files.find((file) => fs.existsSync(file));
}

function findPlaywrightBrowser(): string | undefined {
  try {
    // playwright-core comes with @playwright/test; the path honours PLAYWRIGHT_BROWSERS_PATH.
    const file = chromium.executablePath();
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

export function gatherLocateFacts(env: NodeJS.ProcessEnv = process.env): LocateFacts {
  const override = env.TILLPOINT_CHROMIUM === '' ? undefined : env.TILLPOINT_CHROMIUM;
  return {
    override,
    overrideExists: override !== undefined && fs.existsSync(override),
    system: findSystemBrowser(env),
    playwright: findPlaywrightBrowser(),
  };
}

/** Parses /etc/os-release's ID and ID_LIKE. */
export function parseOsRelease(text: string): { id: string; like: string[] } {
  const value = (key: string) =>
    (new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1] ?? '').replace(/^["']|["']$/g, '').toLowerCase();
  return { id: value('ID'), like: value('ID_LIKE').split(/\s+/).filter(Boolean) };
}

function succeeds(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

export function gatherMachineFacts(env: NodeJS.ProcessEnv = process.env): MachineFacts {
  const platform = process.platform;
  let distro: MachineFacts['distro'];
  if (platform === 'linux') {
    try {
      distro = parseOsRelease(fs.readFileSync('/etc/os-release', 'utf8'));
    } catch {
      distro = undefined;
    }
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  const onPath = (name: string) => dirs.some((dir) => isExecutable(path.join(dir, name)));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    platform,
    distro,
    isRoot,
    canSudo: !isRoot && platform !== 'win32' && onPath('sudo') && succeeds('sudo', ['-n', 'true']),
    hasApt: onPath('apt-get'),
    hasSnapd: fs.existsSync('/run/snapd.socket'),
  };
}

/** The browser to use, without installing anything (for playwright.config.ts and the unit tests). */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserPick {
  return pickBrowser(gatherLocateFacts(env));
}

/** Runs one command quietly; the last line it wrote to stderr is the reason when it fails. */
export function runQuietly(command: readonly string[]): { ok: true } | { ok: false; reason: string } {
  const [file, ...args] = command;
  if (file === undefined) return { ok: true };
  const result = spawnSync(file, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    shell: process.platform === 'win32',
  });
  if (result.error) return { ok: false, reason: `${file}: ${result.error.message}` };
  if (result.status === 0) return { ok: true };
  const lastLine = (result.stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .at(-1);
  return {
    ok: false,
    reason: lastLine ?? `${command.join(' ')} exited with ${result.status ?? result.signal}`,
  };
}
