/**
 * The browser on the till gets in with a one-time login link (no door hands out the token); every
 * API call and the event socket take the bearer token, or the access cookie with the CSRF header;
 * and access is checked before any request body is read.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../core';
import { accessCookieName } from './browserAccess';
import { mintLoginCode } from './loginCodes';
import { createHostServer } from './server';
import { loadOrCreateToken } from './token';
import { testPinHashParams } from '../staff';

let dataDir: string;
let core: Core;
let token: string;
let baseUrl: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-access-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { door: 'host' },
  });
  token = loadOrCreateToken(dataDir);
  const app = await createHostServer({ core, token, rendererDir: null, bodyLimitBytes: 64 * 1024 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = async () => {
    await app.close();
    await core.close();
  };
});

afterAll(async () => {
  await close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const login = (code: unknown, headers: Record<string, string> = { 'x-tillpoint-csrf': '1' }) =>
  fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ code }),
  });

/** Signs in like the page does, and returns the Cookie header a browser would then send. */
async function signIn(): Promise<string> {
  const response = await login(mintLoginCode(dataDir).code);
  expect(response.status).toBe(204);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] as string;
}

const callInfo = (headers: Record<string, string>) =>
  fetch(`${baseUrl}/api/system.info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe('signing the till’s browser in with a one-time link', () => {
  it('exchanges a code once for an HttpOnly, SameSite=Strict cookie for the whole site', async () => {
    const { code } = mintLoginCode(dataDir);
    const first = await login(code);
    expect(first.status).toBe(204);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${accessCookieName}=`));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toContain(token);

    const again = await login(code);
    expect(again.status).toBe(401);
    const body = (await again.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/tillpoint login-link/);
  });

  it('refuses a login without the CSRF header, without spending the code', async () => {
    const { code } = mintLoginCode(dataDir);
    expect((await login(code, {})).status).toBe(401);
    expect((await login(code)).status).toBe(204);
  });

  it.each([['A'.repeat(32)], ['short'], [42], [null]])('refuses the code %j', async (code) => {
    expect((await login(code)).status).toBe(401);
  });

  it('lets the cookie call the API with the CSRF header, and only with it', async () => {
    const cookie = await signIn();
    expect((await callInfo({ cookie, 'x-tillpoint-csrf': '1' })).status).toBe(200);
    expect((await callInfo({ cookie })).status).toBe(401);
    expect((await callInfo({ cookie, 'x-tillpoint-csrf': '1', 'sec-fetch-site': 'same-site' })).status).toBe(
      401,
    );
    expect((await callInfo({ cookie, 'x-tillpoint-csrf': '1', 'sec-fetch-site': 'cross-site' })).status).toBe(
      401,
    );
    const forged = `${accessCookieName}=v1.zzzzzzzz.AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(43)}`;
    expect((await callInfo({ cookie: forged, 'x-tillpoint-csrf': '1' })).status).toBe(401);
    const listing = await fetch(`${baseUrl}/api`, { headers: { cookie, 'x-tillpoint-csrf': '1' } });
    expect(listing.status).toBe(200);
  });

  it('marks its refusals, so a page tells them from a handler’s own unauthorized (a wrong PIN)', async () => {
    const refused = (await (await callInfo({})).json()) as { error: { details: { hostAccess: string } } };
    expect(refused.error.details.hostAccess).toBe('no_credentials');
    const cookie = await signIn();
    const wrongPin = await fetch(`${baseUrl}/api/staff.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-tillpoint-csrf': '1' },
      body: JSON.stringify({ staffId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', pin: '5937' }),
    });
    const body = (await wrongPin.json()) as { error: { details?: { hostAccess?: string } } };
    expect(body.error.details?.hostAccess).toBeUndefined();
  });

  it('still takes the bearer token (paired devices, scripts)', async () => {
    expect((await callInfo({ authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe('access is checked before the body is read', () => {
  it('answers 401, not 413, to a call without access whose body is over the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${baseUrl}/api/system.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', reject);
      request.write('{"padding":"');
    });
    expect(status).toBe(401);
  });

  it('answers 401, not 415, to a call without access in a type the host does not parse', async () => {
    const response = await fetch(`${baseUrl}/api/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-unknown' },
      body: 'x',
    });
    expect(response.status).toBe(401);
  });
});

describe('the event socket', () => {
  const open = (headers: Record<string, string>, auth: object) =>
    new Promise<{ code: number; events: string[] }>((resolve) => {
      const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/events`, { headers });
      const events: string[] = [];
      socket.on('open', () => socket.send(JSON.stringify(auth)));
      socket.on('message', (raw) => {
        events.push((JSON.parse(String(raw)) as { event: string }).event);
        socket.close(1000);
      });
      socket.on('close', (code) => resolve({ code, events }));
    });

  it('takes the cookie from a page of the host’s own origin', async () => {
    const cookie = await signIn();
    const result = await open({ cookie, origin: baseUrl }, { type: 'auth' });
    expect(result.events).toEqual(['ready']);
  });

  it.each([
    ['another origin', (cookie: string) => ({ cookie, origin: 'http://127.0.0.1:1' })],
    ['no origin', (cookie: string) => ({ cookie })],
    ['no cookie', () => ({ origin: baseUrl })],
  ])('refuses the cookie from %s', async (_label, headersOf) => {
    const cookie = await signIn();
    const result = await open(headersOf(cookie), { type: 'auth' });
    expect(result.code).toBe(4401);
    expect(result.events).toEqual([]);
  });
});
