import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hostInfoFileName,
  loginLinkCommand,
  loginLinkForRunningHost,
  parseCommandLine,
  UsageError,
} from './cli';
import { redeemLoginCode } from './loginCodes';
import { defaultDataDir } from './paths';

describe('tillpoint command line', () => {
  it('defaults to serve on 127.0.0.1:4319 in the app-data folder', () => {
    const { command, options } = parseCommandLine([]);
    expect(command).toBe('serve');
    expect(options).toMatchObject({ port: 4319, host: '127.0.0.1', demo: false, logLevel: 'info' });
    expect(options.dataDir).toBe(defaultDataDir({ demo: false }));
  });

  it('reads every option', () => {
    const { command, options } = parseCommandLine([
      'serve',
      '--data-dir',
      'some/dir',
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--demo',
      '--log-level',
      'warn',
    ]);
    expect(command).toBe('serve');
    expect(options).toEqual({
      dataDir: path.resolve('some/dir'),
      port: 0,
      host: '0.0.0.0',
      demo: true,
      logLevel: 'warn',
    });
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--log-level', 'loud'], /--log-level/],
    [['launch'], /Unknown command "launch"/],
    [['serve', 'extra'], /Unexpected argument "extra"/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('throws a plain error for unknown flags', () => {
    expect(() => parseCommandLine(['--nope'])).toThrow(/nope/);
  });

  it.each([
    ['linux', { XDG_CONFIG_HOME: '/x' }, false, path.join('/x', 'Tillpoint')],
    ['linux', { XDG_CONFIG_HOME: '/x' }, true, path.join('/x', 'Tillpoint Demo')],
    [
      'win32',
      { APPDATA: 'C:/Users/a/AppData/Roaming' },
      false,
      path.join('C:/Users/a/AppData/Roaming', 'Tillpoint'),
    ],
  ] as const)('app-data folder on %s', (platform, env, demo, expected) => {
    expect(defaultDataDir({ demo }, env, platform)).toBe(expected);
  });

  it('knows login-link', () => {
    expect(parseCommandLine(['login-link', '--demo']).command).toBe('login-link');
  });
});

describe('tillpoint login-link', () => {
  it('mints a one-time link for the host running on the folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-link-'));
    fs.writeFileSync(
      path.join(dir, hostInfoFileName),
      JSON.stringify({ url: 'http://127.0.0.1:4319', pid: process.pid }),
    );
    const text = loginLinkForRunningHost(dir);
    const code = /http:\/\/127\.0\.0\.1:4319\/login#([A-Za-z0-9_-]{32})/.exec(text)?.[1];
    expect(code).toBeTruthy();
    expect(redeemLoginCode(dir, code)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [{ dataDir: defaultDataDir({ demo: true }), demo: true }, 'npx tillpoint login-link --demo'],
    [{ dataDir: defaultDataDir({ demo: false }), demo: false }, 'npx tillpoint login-link'],
    [{ dataDir: '/srv/till one', demo: false }, 'npx tillpoint login-link --data-dir "/srv/till one"'],
  ])('tells how to get a new link for %o', (options, expected) => {
    expect(loginLinkCommand(options)).toBe(expected);
  });

  it('says clearly when no host is running there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-link-'));
    expect(() => loginLinkForRunningHost(dir)).toThrow(/No Tillpoint host is running on .*tillpoint serve/);
    fs.writeFileSync(path.join(dir, hostInfoFileName), JSON.stringify({ url: 'http://x', pid: 2 ** 22 + 1 }));
    expect(() => loginLinkForRunningHost(dir)).toThrow(/No Tillpoint host is running/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
