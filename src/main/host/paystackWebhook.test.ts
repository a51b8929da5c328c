/**
 * `POST /webhooks/paystack` on a running host in demo mode (its Paystack simulator): no token and
 * no session needed; a wrong signature is a 401 and changes nothing; a body over the limit is a
 * 413; a signed `charge.success` of a payment in flight settles the sale at once (the tender's own
 * polling is set far off, so only the webhook can have done it); the same event again is a
 * duplicate; someone else's reference is ignored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AddressInfo } from 'node:net';
import pino from 'pino';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paystackSignature } from '../card';
import { demoPaystackKey } from '../card/paystack/demoPaystack';
import { createCore, type Core } from '../core';
import { createHostServer } from './server';
import { loadOrCreateToken } from './token';
import { testPinHashParams } from '../staff';

let dataDir: string;
let core: Core;
let baseUrl: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-paystack-hook-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo', door: 'host' },
    card: { pollMs: 3_600_000 },
  });
  const app = await createHostServer({ core, token: loadOrCreateToken(dataDir), rendererDir: null });
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

const post = (body: string, signature?: string) =>
  fetch(`${baseUrl}/webhooks/paystack`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature !== undefined ? { 'x-paystack-signature': signature } : {}),
    },
    body,
  });
const signed = (body: string) => post(body, paystackSignature(body, demoPaystackKey));

async function loginAs(name: string, pin: string): Promise<string> {
  const { staff } = await core.call('staff.list', {});
  const member = staff.find((s) => s.name === name);
  if (!member) throw new Error(`no demo member ${name}`);
  return (await core.call('staff.login', { staffId: member.staffId, pin })).session;
}

describe('POST /webhooks/paystack', () => {
  it('settles a Paystack payment from a signed charge.success, once; refuses a wrong signature', async () => {
    const cashier = await loginAs('Casey Cashier', '3690');
    await core.call('shifts.open', { float: { amount: '10000' } }, cashier);
    const variantId = core.db.prepare('SELECT id FROM catalog_variants LIMIT 1').pluck().get() as string;
    const { order } = await core.call('orders.create', {}, cashier);
    await core.call('orders.addLine', { orderId: order.id, variantId }, cashier);
    const paymentId = ulid();
    const started = await core.call(
      'payments.start',
      { orderId: order.id, paymentId, tender: 'paystack' },
      cashier,
    );
    expect(started.payment.status).toBe('pending');
    const { url } = await core.call('paystack.checkoutLink', { paymentId }, cashier);
    // The customer pays on the checkout page (the simulator here sends no webhook itself).
    const paid = await fetch(url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=success',
    });
    expect(await paid.text()).toMatch(/successful/);
    const reference = `tillpoint-${paymentId}`;
    const body = JSON.stringify({
      event: 'charge.success',
      data: { id: 424242, reference, status: 'success', amount: 354, currency: 'USD' },
    });

    // Wrong signatures: refused, nothing applied.
    expect((await post(body)).status).toBe(401);
    expect((await post(body, 'ab'.repeat(64))).status).toBe(401);
    expect((await post(body, paystackSignature(body, 'sk_test_someoneElse0001'))).status).toBe(401);
    expect((await post(`${body} `, paystackSignature(body, demoPaystackKey))).status).toBe(401);
    expect((await core.call('payments.get', { paymentId }, cashier)).payment.status).toBe('pending');

    const applied = await signed(body);
    expect(applied.status).toBe(200);
    expect(await applied.json()).toEqual({ data: { outcome: 'applied', event: 'charge.success' } });
    await expect
      .poll(async () => (await core.call('orders.get', { orderId: order.id }, cashier)).order.status, {
        timeout: 10_000,
        interval: 10,
      })
      .toBe('paid');
    expect((await core.call('payments.get', { paymentId }, cashier)).payment.status).toBe('succeeded');

    const again = await signed(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ data: { outcome: 'duplicate', event: 'charge.success' } });

    // Not one of ours, or not a charge: taken and ignored.
    const foreign = JSON.stringify({ event: 'charge.success', data: { id: 77, reference: 'shop-123' } });
    expect(await (await signed(foreign)).json()).toEqual({
      data: { outcome: 'ignored', event: 'charge.success' },
    });
    const transfer = JSON.stringify({ event: 'transfer.success', data: { id: 78, reference: 'x' } });
    expect(await (await signed(transfer)).json()).toEqual({
      data: { outcome: 'ignored', event: 'transfer.success' },
    });
    // Signed, but not an event: a 400.
    expect((await signed('not json')).status).toBe(400);
    expect((await signed('{"event":"charge.success"}')).status).toBe(400);
  });

  it('refuses a body over the limit before reading it into the core', async () => {
    const big = JSON.stringify({ event: 'charge.success', data: { id: 1, pad: 'x'.repeat(70 * 1024) } });
    const response = await signed(big);
    expect(response.status).toBe(413);
    expect(
      core.db
        .prepare('SELECT COUNT(*) FROM paystack_webhook_events WHERE event_key = ?')
        .pluck()
        .get('charge.success:1'),
    ).toBe(0);
  });
});
