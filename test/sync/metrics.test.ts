/** `/metrics` on the host: Prometheus text, behind the same access as the API; sync.* answers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { createHostServer } from '../../src/main/host/server';
import { testPinHashParams } from '../../src/main/staff';

let core: Core;
let dataDir: string;
let app: Awaited<ReturnType<typeof createHostServer>>;
const token = 'metrics-test-token-0123456789abcdef';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-metrics-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
    sync: { config: null },
  });
  app = await createHostServer({ core, token, rendererDir: null });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await core?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('/metrics', () => {
  it('needs the host token', async () => {
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(401);
    expect(response.body).not.toContain('tillpoint_');
  });

  it('answers the sync, sales and payments figures in the Prometheus text format', async () => {
    const { staff } = await core.call('staff.list', {});
    const manager = staff.find((member) => member.role === 'manager');
    const { session } = await core.call('staff.login', { staffId: manager?.staffId ?? '', pin: '1470' });
    await core.call('shifts.open', { float: { amount: '10000' } }, session);
    const { products } = await core.call('catalog.products', { limit: 5 }, session);
    const { order } = await core.call('orders.create', {}, session);
    await core.call(
      'orders.addLine',
      { orderId: order.id, variantId: products[0]?.variants[0]?.id ?? '', quantity: 1 },
      session,
    );
    const priced = (await core.call('orders.get', { orderId: order.id }, session)).order;
    await core.call('payments.cash', { orderId: order.id, tendered: priced.cashAmountDueMinor }, session);

    const response = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain; version=0.0.4');
    const text = response.body;
    expect(text).toContain('# TYPE tillpoint_sync_outbox_depth gauge');
    expect(text).toMatch(/^tillpoint_sync_enabled 0$/m);
    expect(text).toMatch(/^tillpoint_sync_outbox_depth \d+$/m);
    expect(text).toMatch(/^tillpoint_sync_lag_seconds 0$/m);
    expect(text).toMatch(/^tillpoint_orders_total\{status="paid"\} 1$/m);
    expect(text).toMatch(/^tillpoint_payments_total\{tender="cash",status="succeeded"\} 1$/m);
    // Every sample line is "name{labels} value".
    for (const line of text
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('#'))) {
      expect(line).toMatch(/^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?\d+(\.\d+)?$/);
    }
    const status = await core.call('sync.status', {}, session);
    expect(status).toMatchObject({ enabled: false, state: 'off', target: null });
    expect(status.pendingRows).toBeGreaterThan(0);
    expect(await core.call('sync.retryNow', {}, session)).toMatchObject({ state: 'off' });
    expect(await core.invoke('sync.status', {}, null)).toMatchObject({ ok: false });
    expect(await core.invoke('sync.retryNow', { now: true }, session)).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
  });

  it('a broken sync set-up never stops the till: it starts, and sync reports the error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-badsync-'));
    fs.writeFileSync(
      path.join(dir, 'sync.json'),
      '{"databaseUrl": "not a url", "storeId": "s", "tillId": "t"}',
    );
    const broken = await createCore({
      pinHashParams: testPinHashParams,
      dataDir: dir,
      logger: pino({ level: 'silent' }),
      config: { mode: 'demo' },
    });
    try {
      const { staff } = await broken.call('staff.list', {});
      const manager = staff.find((member) => member.role === 'manager');
      const { session } = await broken.call('staff.login', { staffId: manager?.staffId ?? '', pin: '1470' });
      const status = await broken.call('sync.status', {}, session);
      expect(status).toMatchObject({ enabled: false, state: 'error' });
      expect(status.lastError).toMatch(/sync set-up cannot be used/);
      expect(status.lastError).not.toContain('not a url');
    } finally {
      await broken.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
