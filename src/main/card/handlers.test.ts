/**
 * The `stripe.*` handlers against the simulator: the secret key is checked with Stripe, kept in a
 * 0600 file and never shown again; a location is made, a simulated reader registered and chosen,
 * readers listed; a key from the environment wins and cannot be changed here; and with that set-up
 * the core's own card tender is ready.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimKit, testKey, type SimKit } from '../../../test/stripe-sim/simKit';
import { createCore, type Core } from '../core';
import { expectApiError } from '../orders/salesTestKit';
import { testPinHashParams } from '../staff';

let kit: SimKit;
let dir: string;
let core: Core;
let owner: string;
const logged: string[] = [];

async function open(env: NodeJS.ProcessEnv = {}) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-stripe-'));
  const logger = pino({ level: 'trace' }, { write: (line: string) => logged.push(line) });
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger,
    card: { stripeApi: kit.sim.clientOptions, env, pollMs: 5 },
  });
  owner = (await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' })).session;
}

beforeEach(async () => {
  kit = await openSimKit();
  logged.length = 0;
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await kit.close();
});

describe('Stripe set-up', () => {
  it('keeps the key in a 0600 file, shows only its hint, and sets up a location and a reader', async () => {
    await open();
    expect(await core.call('stripe.status', {}, owner)).toMatchObject({
      keySource: 'none',
      mode: null,
      keyHint: null,
    });
    const tenders = async () =>
      (await core.call('payments.tenders', {}, owner)).tenders.find((t) => t.kind === 'card');
    expect(await tenders()).toMatchObject({ state: 'not_set_up' });

    const status = await core.call('stripe.setKey', { secretKey: testKey }, owner);
    expect(status).toMatchObject({
      keySource: 'file',
      mode: 'test',
      keyHint: 'sk_test_…0001',
      connection: { ok: true },
    });
    const file = path.join(dir, 'stripe.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(await core.call('stripe.status', { check: true }, owner))).not.toContain(testKey);

    const { location } = await core.call(
      'stripe.createLocation',
      {
        displayName: 'Corner Café',
        address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
      },
      owner,
    );
    expect(location).toMatchObject({
      id: expect.stringMatching(/^tml_/),
      displayName: 'Corner Café',
      country: 'US',
    });
    expect((await core.call('stripe.locations', {}, owner)).locations.map((l) => l.id)).toEqual([
      location.id,
    ]);
    expect((await core.call('stripe.useLocation', { locationId: location.id }, owner)).location.id).toBe(
      location.id,
    );
    await expectApiError(
      core.call('stripe.useLocation', { locationId: 'tml_doesNotExist' }, owner),
      'bad_input',
    );

    const { reader } = await core.call(
      'stripe.registerReader',
      { registrationCode: 'simulated-wpe', label: 'Till 1' },
      owner,
    );
    expect(reader).toMatchObject({
      label: 'Till 1',
      simulated: true,
      chosen: true,
      status: 'online',
      locationId: location.id,
    });
    await expectApiError(
      core.call('stripe.registerReader', { registrationCode: 'wrong-code-here' }, owner),
      'bad_input',
    );
    const listed = await core.call('stripe.readers', { locationId: location.id }, owner);
    expect(listed.readers.map((r) => [r.id, r.chosen])).toEqual([[reader.id, true]]);
    expect((await core.call('stripe.useReader', { readerId: reader.id }, owner)).reader.chosen).toBe(true);
    expect(await tenders()).toMatchObject({ state: 'ready' });
    expect((await core.call('stripe.setTipping', { onReader: true }, owner)).tipOnReader).toBe(true);
    expect((await core.call('stripe.status', {}, owner)).tipOnReader).toBe(true);

    expect(logged.join('\n')).not.toContain(testKey);
    const audit = await core.call('audit.list', { limit: 50 }, owner);
    expect(JSON.stringify(audit)).not.toContain(testKey);
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['stripe.key_set', 'stripe.reader_registered']),
    );

    expect(await core.call('stripe.removeKey', {}, owner)).toMatchObject({ keySource: 'none' });
    expect(await tenders()).toMatchObject({ state: 'not_set_up' });
  });

  it('refuses a key Stripe refuses, and bad input with a clear error', async () => {
    await open();
    const refused = await expectApiError(
      core.call('stripe.setKey', { secretKey: 'sk_live_notAcceptedHere1' }, owner),
      'bad_input',
    );
    expect(refused.message).toMatch(/secret key/);
    expect(refused.message).not.toContain('notAcceptedHere');
    expect(fs.existsSync(path.join(dir, 'stripe.json'))).toBe(false);
    await expectApiError(
      core.call('stripe.setKey', { secretKey: 'pk_test_publishable123' }, owner),
      'bad_input',
    );
    await expectApiError(
      core.call('stripe.setKey', { secretKey: `sk_test_${'a'.repeat(300)}` }, owner),
      'bad_input',
    );
    await expectApiError(core.call('stripe.locations', {}, owner), 'conflict');
    await expectApiError(core.call('stripe.useReader', { readerId: 'not-a-reader' }, owner), 'bad_input');
  });

  it('takes the key from the environment, which the handlers cannot change', async () => {
    await open({ TILLPOINT_STRIPE_SECRET_KEY: testKey });
    expect(await core.call('stripe.status', { check: true }, owner)).toMatchObject({
      keySource: 'env',
      mode: 'test',
      connection: { ok: true },
    });
    const conflict = await expectApiError(
      core.call('stripe.setKey', { secretKey: 'sk_test_anotherKey12345' }, owner),
      'conflict',
    );
    expect(conflict.details).toMatchObject({ reason: 'key_from_environment' });
  });

  it('pays by card through the core’s own card tender once set up', async () => {
    await open();
    await core.call('stripe.setKey', { secretKey: testKey }, owner);
    await core.call(
      'stripe.createLocation',
      {
        displayName: 'Shop',
        address: { line1: '1 High St', city: 'London', postalCode: 'N1 1AA', country: 'GB' },
      },
      owner,
    );
    const { reader } = await core.call('stripe.registerReader', { registrationCode: 'simulated-wpe' }, owner);
    const { taxClass } = await core.call(
      'catalog.saveTaxClass',
      { name: 'Exempt', rates: [{ taxId: 'exempt', name: 'No tax', ratePercent: '0' }] },
      owner,
    );
    const { product } = await core.call(
      'catalog.saveProduct',
      {
        name: 'Gift',
        taxClassId: taxClass.id,
        variants: [
          { sku: 'G-1', barcodes: [], prices: [{ currency: 'USD', amount: '2500' }], trackStock: false },
        ],
      },
      owner,
    );
    await core.call('shifts.open', { float: { amount: '0' } }, owner);
    const { order } = await core.call('orders.create', {}, owner);
    await core.call('orders.addLine', { orderId: order.id, variantId: product.variants[0]?.id ?? '' }, owner);
    const started = await core.call('payments.start', { orderId: order.id, tender: 'card' }, owner);
    expect(started.payment.status).toBe('pending');
    await kit.stripe.testHelpers.terminal.readers.presentPaymentMethod(reader.id, {});
    await expect
      .poll(async () => (await core.call('orders.get', { orderId: order.id }, owner)).order.status, {
        timeout: 20_000,
        interval: 10,
      })
      .toBe('paid');

    // Pay by phone through the core's own tender: the link for the QR code, paid on the page.
    const second = (await core.call('orders.create', {}, owner)).order;
    await core.call(
      'orders.addLine',
      { orderId: second.id, variantId: product.variants[0]?.id ?? '' },
      owner,
    );
    const byPhone = await core.call('payments.start', { orderId: second.id, tender: 'phone' }, owner);
    const { url } = await core.call('stripe.checkoutLink', { paymentId: byPhone.payment.id }, owner);
    expect(url).toMatch(/\/checkout\/pay\/cs_test_/);
    await fetch(url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'number=4242424242424242',
    });
    await expect
      .poll(async () => (await core.call('orders.get', { orderId: second.id }, owner)).order.status, {
        timeout: 20_000,
        interval: 10,
      })
      .toBe('paid');
    await expectApiError(
      core.call('stripe.checkoutLink', { paymentId: started.payment.id }, owner),
      'not_found',
    );
  });
});
