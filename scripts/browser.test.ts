import { describe, expect, it } from 'vitest';
import {
  type BrowserPlan,
  type LocateFacts,
  type MachineFacts,
  installFailedMessage,
  parseOsRelease,
  planBrowser,
  systemCandidates,
} from './browser';

const nothing: LocateFacts = {
  override: undefined,
  overrideExists: false,
  system: undefined,
  playwright: undefined,
};
const debianRoot: MachineFacts = {
  platform: 'linux',
  distro: { id: 'debian', like: [] },
  isRoot: true,
  canSudo: false,
  hasApt: true,
  hasSnapd: false,
};
const ubuntuRoot: MachineFacts = { ...debianRoot, distro: { id: 'ubuntu', like: ['debian'] } };

const aptDebian = (admin: string[]) => [
  [...admin, 'apt-get', 'update', '-qq'],
  [...admin, 'apt-get', 'install', '-y', '-qq', 'chromium'],
];
const playwright = [['npx', 'playwright', 'install', 'chromium']];
const playwrightWithDeps = [['npx', 'playwright', 'install', '--with-deps', 'chromium']];

/** A plan reduced to what matters for the table: where it goes, or its commands, or its line. */
function summary(plan: BrowserPlan): unknown {
  if (plan.kind === 'use') return { use: plan.path, source: plan.source };
  if (plan.kind === 'stop') return { stop: plan.message };
  return { install: plan.attempts.map((attempt) => attempt.commands) };
}

const cases: [string, LocateFacts, MachineFacts, unknown][] = [
  [
    'TILLPOINT_CHROMIUM wins over everything',
    { override: '/opt/chrome', overrideExists: true, system: '/usr/bin/chromium', playwright: '/pw/chrome' },
    debianRoot,
    { use: '/opt/chrome', source: 'TILLPOINT_CHROMIUM' },
  ],
  [
    'a TILLPOINT_CHROMIUM that does not exist stops, rather than quietly using another browser',
    { override: '/opt/none', overrideExists: false, system: '/usr/bin/chromium', playwright: undefined },
    debianRoot,
    { stop: 'TILLPOINT_CHROMIUM is /opt/none, which does not exist.' },
  ],
  [
    "the system's Chromium comes before Playwright's",
    { ...nothing, system: '/usr/bin/chromium', playwright: '/pw/chrome' },
    debianRoot,
    { use: '/usr/bin/chromium', source: 'system' },
  ],
  [
    "Playwright's Chromium when the system has none",
    { ...nothing, playwright: '/pw/chrome' },
    debianRoot,
    { use: '/pw/chrome', source: 'Playwright' },
  ],
  ['Debian as root: apt', nothing, debianRoot, { install: [aptDebian([])] }],
  [
    'a Debian derivative (ID_LIKE=debian) as root: apt',
    nothing,
    { ...debianRoot, distro: { id: 'raspbian', like: ['debian'] } },
    { install: [aptDebian([])] },
  ],
  [
    'Debian with password-less sudo: apt through sudo',
    nothing,
    { ...debianRoot, isRoot: false, canSudo: true },
    { install: [aptDebian(['sudo', '-n'])] },
  ],
  [
    'Debian without root or sudo: one line saying how, never a download',
    nothing,
    { ...debianRoot, isRoot: false },
    {
      stop: 'No Chromium or Chrome found: run `sudo apt-get install chromium`, or set TILLPOINT_CHROMIUM to a Chromium or Chrome.',
    },
  ],
  [
    'Debian as root without apt-get: one line saying how',
    nothing,
    { ...debianRoot, hasApt: false },
    {
      stop: 'No Chromium or Chrome found: run `sudo apt-get install chromium`, or set TILLPOINT_CHROMIUM to a Chromium or Chrome.',
    },
  ],
  [
    "Ubuntu as root without snapd: the snap shim cannot work, so Playwright's installer with its libraries",
    nothing,
    ubuntuRoot,
    { install: [playwrightWithDeps] },
  ],
  [
    "Ubuntu as root with snapd: chromium-browser first, then Playwright's installer",
    nothing,
    { ...ubuntuRoot, hasSnapd: true },
    {
      install: [
        [
          ['apt-get', 'update', '-qq'],
          ['apt-get', 'install', '-y', '-qq', 'chromium-browser'],
        ],
        playwrightWithDeps,
      ],
    },
  ],
  [
    'an Ubuntu derivative (ID_LIKE="ubuntu debian") is treated as Ubuntu',
    nothing,
    { ...ubuntuRoot, distro: { id: 'linuxmint', like: ['ubuntu', 'debian'] } },
    { install: [playwrightWithDeps] },
  ],
  [
    "Ubuntu without root or sudo: Playwright's installer, without system libraries",
    nothing,
    { ...ubuntuRoot, isRoot: false },
    { install: [playwright] },
  ],
  [
    "another Linux: Playwright's installer",
    nothing,
    { ...debianRoot, distro: { id: 'fedora', like: [] } },
    { install: [playwright] },
  ],
  [
    "Linux without /etc/os-release: Playwright's installer",
    nothing,
    { ...debianRoot, distro: undefined },
    { install: [playwright] },
  ],
  [
    "macOS: Playwright's installer",
    nothing,
    { ...debianRoot, platform: 'darwin', distro: undefined, isRoot: false, hasApt: false },
    { install: [playwright] },
  ],
  [
    "Windows: Playwright's installer",
    nothing,
    { ...debianRoot, platform: 'win32', distro: undefined, isRoot: false, hasApt: false },
    { install: [playwright] },
  ],
];

describe('planBrowser', () => {
  it.each(cases)('%s', (_name, found, machine, expected) => {
    expect(summary(planBrowser(found, machine))).toEqual(expected);
  });

  it('names what it tried when installing failed, on one line', () => {
    const plan = planBrowser(nothing, debianRoot);
    const attempt = plan.kind === 'install' ? plan.attempts[0] : undefined;
    const line = installFailedMessage(attempt, 'E: Unable to locate package chromium');
    expect(line).toBe(
      'No Chromium or Chrome found, and apt (apt-get install chromium) failed (E: Unable to locate package chromium): ' +
        'install Chromium or Chrome, or set TILLPOINT_CHROMIUM to a Chromium or Chrome.',
    );
    expect(line).not.toContain('\n');
  });
});

describe('parseOsRelease', () => {
  it.each<[string, string, { id: string; like: string[] }]>([
    ['Debian', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n', { id: 'debian', like: [] }],
    ['Ubuntu', 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n', { id: 'ubuntu', like: ['debian'] }],
    ['Mint', 'ID=linuxmint\nID_LIKE="ubuntu debian"\n', { id: 'linuxmint', like: ['ubuntu', 'debian'] }],
    ['empty', '', { id: '', like: [] }],
  ])('%s', (_name, text, expected) => {
    expect(parseOsRelease(text)).toEqual(expected);
  });
});

describe('systemCandidates', () => {
  it('looks on PATH for Chromium before Chrome on Linux', () => {
    expect(systemCandidates('linux', {}).onPath).toEqual([
      'chromium',
      'chromium-browser',
      'google-chrome',
      'google-chrome-stable',
    ]);
  });

  it("looks in Windows' program folders", () => {
    expect(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' }).files).toEqual([
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ]);
  });
});
