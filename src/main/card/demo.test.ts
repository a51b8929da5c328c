/**
 * Demo mode: the core starts the Stripe simulator in its own process with a simulated reader, so the
 * card tender is ready at once, and the checkout's test-card buttons decline and approve on it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { expectApiError } from '../orders/salesTestKit';
import { testPinHashParams } from '../staff';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-card-demo-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
    card: { pollMs: 5 },
  });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function loginAs(name: string, pin: string): Promise<string> {
  const { staff } = await core.call('staff.list', {});
  const member = staff.find((s) => s.name === name);
  if (!member) throw new Error(`no demo member ${name}`);
  return (await core.call('staff.login', { staffId: member.staffId, pin })).session;
}

describe('card payments in demo mode', () => {
  it('has a ready card tender on a simulated reader, declined and approved by the test-card buttons', async () => {
    const owner = await loginAs('Olivia Owner', '2580');
    const cashier = await loginAs('Casey Cashier', '3690');
    const card = (await core.call('payments.tenders', {}, cashier)).tenders.find((t) => t.kind === 'card');
    expect(card).toMatchObject({ state: 'ready' });
    expect(await core.call('stripe.status', { check: true }, owner)).toMatchObject({
      keySource: 'demo',
      mode: 'test',
      connection: { ok: true },
    });
    const tests = await core.call('stripe.testCards', {}, cashier);
    expect(tests.available).toBe(true);
    expect(tests.cards.map((c) => c.card)).toContain('charge_declined');

    await core.call('shifts.open', { float: { amount: '10000' } }, cashier);
    const variantId = core.db.prepare('SELECT id FROM catalog_variants LIMIT 1').pluck().get() as string;
    const { order } = await core.call('orders.create', {}, cashier);
    await core.call('orders.addLine', { orderId: order.id, variantId }, cashier);
    // Nothing to tap before a payment is on the reader.
    await expectApiError(core.call('stripe.presentTestCard', { card: 'visa' }, cashier), 'bad_input');

    const statusOf = async (paymentId: string) =>
      (await core.call('payments.get', { paymentId }, cashier)).payment.status;
    const declined = await core.call(
      'payments.start',
      { orderId: order.id, paymentId: ulid(), tender: 'card' },
      cashier,
    );
    await core.call('stripe.presentTestCard', { card: 'charge_declined' }, cashier);
    await expect.poll(() => statusOf(declined.payment.id), { timeout: 20_000, interval: 10 }).toBe('failed');

    const approved = await core.call(
      'payments.start',
      { orderId: order.id, paymentId: ulid(), tender: 'card' },
      cashier,
    );
    await core.call('stripe.presentTestCard', { card: 'visa' }, cashier);
    await expect
      .poll(() => statusOf(approved.payment.id), { timeout: 20_000, interval: 10 })
      .toBe('succeeded');
    expect((await core.call('orders.get', { orderId: order.id }, cashier)).order.status).toBe('paid');
    // Demo mode keeps no Stripe file in the data folder.
    expect(fs.existsSync(path.join(dir, 'stripe.json'))).toBe(false);
  });
});
