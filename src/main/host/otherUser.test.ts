/**
 * The till's data is the till's alone: a client run as another OS user (`runuser -u nobody`)
 * against a running host gets neither the host token (no door hands it out, the token file is
 * unreadable) nor the database, the device key or a login code. As the till's own user, the same
 * client reads them (so the test can see a leak). Needs root for runuser: it runs as root here and
 * in CI (where it fails instead of skipping when runuser is missing).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './cli';

const isRoot = process.getuid?.() === 0;
const inCi = Boolean(process.env.CI);
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => fs.existsSync(p));
const canRun = isRoot && runuser !== undefined;

if (inCi && !canRun) {
  throw new Error(
    `This test must run in CI: it needs root and runuser (root: ${isRoot}, runuser: ${runuser ?? 'missing'}).`,
  );
}

/** What the client tries, as whichever user runs it; prints one JSON line. */
const clientSource = `
const fs = require('node:fs');
const path = require('node:path');
const [baseUrl, dataDir] = process.argv.slice(2);
const read = (name) => {
  try { return { ok: true, text: fs.readFileSync(path.join(dataDir, name)).toString('latin1').slice(0, 200) }; }
  catch (error) { return { ok: false, code: error.code }; }
};
const list = (name) => {
  try { return { ok: true, names: fs.readdirSync(path.join(dataDir, name)) }; }
  catch (error) { return { ok: false, code: error.code }; }
};
const get = async (url, init) => {
  const response = await fetch(baseUrl + url, init);
  return { status: response.status, text: await response.text() };
};
(async () => {
  const result = {
    uid: process.getuid(),
    folder: list('.'),
    codes: list('login-codes'),
    token: read('host.token'),
    database: read('tillpoint.sqlite'),
    wal: read('tillpoint.sqlite-wal'),
    deviceKey: read('device.key'),
    bootstrap: await get('/bootstrap', { headers: { 'sec-fetch-site': 'same-origin' } }),
    api: await get('/api/system.info', { method: 'POST', headers: { 'content-type': 'application/json', 'x-tillpoint-csrf': '1' }, body: '{}' }),
    login: await get('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-tillpoint-csrf': '1' }, body: JSON.stringify({ code: 'A'.repeat(32) }) }),
  };
  process.stdout.write(JSON.stringify(result));
})().catch((error) => { console.error(error); process.exit(1); });
`;

interface ClientResult {
  uid: number;
  folder: { ok: boolean; code?: string };
  codes: { ok: boolean; code?: string };
  token: { ok: boolean; code?: string; text?: string };
  database: { ok: boolean; code?: string; text?: string };
  wal: { ok: boolean; code?: string };
  deviceKey: { ok: boolean; code?: string };
  bootstrap: { status: number; text: string };
  api: { status: number; text: string };
  login: { status: number; text: string };
}

let dataDir: string;
let clientDir: string;
let url: string;
let close: () => Promise<void>;

/** Runs the client (async: the host answers from this same process meanwhile). */
async function runClient(asNobody: boolean): Promise<{ result: ClientResult; raw: string }> {
  const script = path.join(clientDir, 'client.cjs');
  const command = asNobody
    ? { file: runuser as string, args: ['-u', 'nobody', '--', process.execPath, script, url, dataDir] }
    : { file: process.execPath, args: [script, url, dataDir] };
  const { stdout } = await promisify(execFile)(command.file, command.args, {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { result: JSON.parse(stdout) as ClientResult, raw: stdout };
}

describe.skipIf(!canRun)('another OS user on the same computer', () => {
  beforeAll(async () => {
    // The other user runs this same Node: it must be installed where every user may run it.
    const probe = spawnSync(runuser as string, ['-u', 'nobody', '--', process.execPath, '-e', ''], {
      encoding: 'utf8',
    });
    if (probe.status !== 0) {
      throw new Error(
        `The user nobody cannot run ${process.execPath} (${probe.stderr.trim()}): install Node where every user may run it (e.g. /usr/bin/node).`,
      );
    }
    // A parent every user may enter, as /home or ~/.config usually are: only the data folder's own
    // modes keep the other user out.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-otheruser-'));
    fs.chmodSync(parent, 0o755);
    dataDir = path.join(parent, 'Tillpoint');
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-client-'));
    fs.chmodSync(clientDir, 0o755);
    fs.writeFileSync(path.join(clientDir, 'client.cjs'), clientSource);
    fs.chmodSync(path.join(clientDir, 'client.cjs'), 0o644);
    const running = await serve({ dataDir, port: 0, host: '127.0.0.1', demo: false, logLevel: 'silent' });
    url = running.url;
    close = running.close;
    // Something in the database and its WAL, and a device key (made at the first PIN hash).
    const token = fs.readFileSync(path.join(dataDir, 'host.token'), 'utf8').trim();
    const response = await fetch(`${url}/api/staff.setupOwner`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Olive Owner', pin: '4826' }),
    });
    expect(response.status).toBe(200);
  });

  afterAll(async () => {
    await close?.();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    fs.rmSync(clientDir, { recursive: true, force: true });
  });

  it('gets neither the token nor the database (and the till’s own user does)', async () => {
    const token = fs.readFileSync(path.join(dataDir, 'host.token'), 'utf8').trim();
    const own = (await runClient(false)).result;
    expect(own.token.text?.trim()).toBe(token);
    expect(own.database.ok).toBe(true);

    const { result, raw } = await runClient(true);
    expect(result.uid).not.toBe(0);
    expect(raw).not.toContain(token);
    for (const denied of [
      result.folder,
      result.codes,
      result.token,
      result.database,
      result.wal,
      result.deviceKey,
    ]) {
      expect(denied).toEqual({ ok: false, code: 'EACCES' });
    }
    // No door over HTTP either: no bootstrap, no API without credentials, no login without a code.
    expect(result.bootstrap.text).not.toContain(token);
    expect(result.api.status).toBe(401);
    expect(result.login.status).toBe(401);
  });

  it('cannot even see that the files exist through a shell', () => {
    const listing = spawnSync(runuser as string, ['-u', 'nobody', '--', 'ls', dataDir], { encoding: 'utf8' });
    expect(listing.status).not.toBe(0);
    expect(listing.stderr).toMatch(/Permission denied/);
    expect(execFileSync('ls', [dataDir], { encoding: 'utf8' })).toContain('tillpoint.sqlite');
  });
});
