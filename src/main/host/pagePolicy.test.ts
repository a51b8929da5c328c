/**
 * The page policy: exactly the app's one policy unless the till drives its reader from the page;
 * then Stripe's script, frame and API are allowed (nothing else), and the host's pages drop their
 * meta policy so that the header's is the one that applies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContentSecurityPolicy, appContentSecurityPolicyFor, cspDirectives } from '../csp';
import { createCore, type Core } from '../core';
import { createHostServer } from './server';
import { loadOrCreateToken } from './token';
import { testPinHashParams } from '../staff';

describe('appContentSecurityPolicyFor', () => {
  it('is the app’s policy when the reader is driven from the server', () => {
    expect(appContentSecurityPolicyFor({ stripeTerminalJs: false })).toBe(appContentSecurityPolicy);
  });
  it('adds only Stripe’s sources when the JS SDK drives it', () => {
    const wide = cspDirectives(appContentSecurityPolicyFor({ stripeTerminalJs: true }));
    const base = cspDirectives(appContentSecurityPolicy);
    expect(wide.get('script-src')).toBe("'self' https://js.stripe.com");
    expect(wide.get('frame-src')).toBe('https://js.stripe.com');
    expect(wide.get('connect-src')).toBe(
      "'self' https://api.stripe.com https://*.stripe.com https://*.stripe-terminal-local-reader.net",
    );
    for (const [name, values] of base) {
      if (!['script-src', 'connect-src'].includes(name)) expect(wide.get(name), name).toBe(values);
    }
    expect(wide.get('script-src')).not.toMatch(/unsafe/);
  });
});

describe('the host’s pages', () => {
  let dataDir: string;
  let core: Core;
  let owner: string;
  let app: Awaited<ReturnType<typeof createHostServer>>;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-page-policy-'));
    core = await createCore({
      pinHashParams: testPinHashParams,
      dataDir,
      logger: pino({ level: 'silent' }),
      config: { door: 'host' },
      card: { env: {} },
    });
    owner = (await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' })).session;
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-renderer-'));
    fs.writeFileSync(
      path.join(rendererDir, 'index.html'),
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="script-src 'self'"><title>Tillpoint</title>`,
    );
    app = await createHostServer({ core, token: loadOrCreateToken(dataDir), rendererDir });
  });
  afterAll(async () => {
    await app.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('allow Stripe’s script only while the JS SDK adapter is on', async () => {
    const page = async () => app.inject({ method: 'GET', url: '/' });
    const strict = await page();
    expect(strict.headers['content-security-policy']).toBe(appContentSecurityPolicy);
    expect(strict.body).toContain('http-equiv="Content-Security-Policy"');

    await core.call('stripe.setReaderDriver', { driver: 'js_sdk' }, owner);
    const wide = await page();
    expect(wide.headers['content-security-policy']).toContain("script-src 'self' https://js.stripe.com");
    expect(wide.body).not.toContain('http-equiv="Content-Security-Policy"');

    await core.call('stripe.setReaderDriver', { driver: 'server' }, owner);
    expect((await page()).headers['content-security-policy']).toBe(appContentSecurityPolicy);
  });
});
