import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { handlers } from '../../shared/api';
import { createCore, type Core } from '../core';
import { createHostServer } from './server';
import { loadOrCreateToken } from './token';
import { testPinHashParams } from '../staff';

let dataDir: string;
let core: Core;
let token: string;
let baseUrl: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-host-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { door: 'host' },
  });
  token = loadOrCreateToken(dataDir);
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-renderer-'));
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Tillpoint</title><script type="module" src="./assets/app.js"></script>',
  );
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  const app = await createHostServer({ core, token, rendererDir });
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

interface JsonSchema {
  type?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** An input is a JSON object, or a choice between object shapes (a discriminated union). */
function describesObject(schema: JsonSchema): boolean {
  const options = schema.anyOf ?? schema.oneOf;
  return options ? options.every(describesObject) : schema.type === 'object';
}

const post = (name: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });

describe('host API', () => {
  it('answers a handler call with its data', async () => {
    const response = await post('system.info', '{}');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { name: string; door: string; dataDir: string } };
    expect(body.data).toMatchObject({ name: 'Tillpoint', door: 'host', dataDir });
  });

  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer wrongwrongwrongwrongwrongwrongwrongwrongwro' }],
    ['another scheme', { authorization: `Basic ${token}` }],
  ])('refuses a call with %s: 401', async (_label, headers) => {
    const response = await fetch(`${baseUrl}/api/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('gives 400 with the zod error for a body that breaks the schema', async () => {
    const response = await post('system.info', JSON.stringify({ unexpected: true }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { issues: unknown[] } };
    };
    expect(body.error.code).toBe('bad_input');
    expect(body.error.message).toMatch(/unexpected|Unrecognized/i);
    expect(body.error.details.issues.length).toBeGreaterThan(0);
  });

  it('gives 400 for a body that is not JSON', async () => {
    const response = await post('system.info', '{"broken":');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_input');
  });

  it('gives 404 for an unknown handler', async () => {
    const response = await post('nope.nothing', '{}');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'not_found' });
    expect(body.error.message).toContain('nope.nothing');
  });

  it('lists every handler with input and output JSON Schemas on GET /api', async () => {
    const unauthorized = await fetch(`${baseUrl}/api`);
    expect(unauthorized.status).toBe(401);
    const response = await fetch(`${baseUrl}/api`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const listing = (await response.json()) as {
      handlers: { name: string; permission: string; input: JsonSchema; output: JsonSchema }[];
    };
    expect(listing.handlers.map((h) => h.name).sort()).toEqual(Object.keys(handlers).sort());
    for (const handler of listing.handlers) {
      expect(describesObject(handler.input), handler.name).toBe(true);
      expect(handler.output, handler.name).toBeTypeOf('object');
    }
  });

  it('serves /healthz without a token', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('ok');
  });

  it('has no door that hands out the token (no /bootstrap), even to a same-origin loopback page', async () => {
    const response = await fetch(`${baseUrl}/bootstrap`, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(await response.text()).not.toContain(token);
  });

  it('serves the app page with a strict CSP, also for client-side routes, with absolute asset links', async () => {
    for (const route of ['/', '/index.html', '/checkout', '/settings/store', '/products/01ABC?tab=stock']) {
      const response = await fetch(`${baseUrl}${route}`);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-security-policy'), route).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<title>Tillpoint</title>');
      expect(html, route).toContain('src="/assets/app.js"');
    }
    const asset = await fetch(`${baseUrl}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers a missing file with 404, not with the app page', async () => {
    for (const missing of ['/assets/gone.js', '/settings/assets/app.js', '/favicon.ico']) {
      const response = await fetch(`${baseUrl}${missing}`);
      expect(response.status, missing).toBe(404);
    }
  });

  it('streams events over the WebSocket after auth, and closes without it', async () => {
    const wsUrl = `${baseUrl.replace('http', 'ws')}/api/events`;
    const bad = new WebSocket(wsUrl);
    const badClose = await new Promise<number>((resolve) => {
      bad.on('open', () => bad.send(JSON.stringify({ type: 'auth', token: 'wrong' })));
      bad.on('close', (code) => resolve(code));
    });
    expect(badClose).toBe(4401);

    const good = new WebSocket(wsUrl);
    const messages: { event: string; payload: unknown }[] = [];
    await new Promise<void>((resolve) => {
      good.on('open', () => good.send(JSON.stringify({ type: 'auth', token })));
      good.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { event: string; payload: unknown };
        messages.push(message);
        if (message.event === 'ready') {
          core.events.emit('system.notice', { level: 'info', message: 'hello' });
        }
        if (message.event === 'system.notice') resolve();
      });
    });
    good.close();
    expect(messages.at(-1)).toEqual({ event: 'system.notice', payload: { level: 'info', message: 'hello' } });
  });
});

describe('host token', () => {
  it('is written once with mode 0600 and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-token-'));
    const first = loadOrCreateToken(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(path.join(dir, 'host.token')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateToken(dir)).toBe(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
