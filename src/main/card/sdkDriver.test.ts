/**
 * The JS SDK adapter's core side, against the Stripe simulator through the core: with the driver
 * `js_sdk` a card payment makes its PaymentIntent but does not hand it to the reader; the page gets
 * a connection token and the client secret; what @stripe/terminal-js would do on the reader is
 * stood for by the simulator's reader (process + a test card), and the core's follower captures it;
 * a declined card keeps the payment waiting with the decline said, until cancelled. With the
 * server driver, the SDK's handlers give nothing. (The SDK itself runs only in a browser that can
 * reach js.stripe.com: not here.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimKit, testKey, type SimKit } from '../../../test/stripe-sim/simKit';
import { createCore, type Core } from '../core';
import { expectApiError } from '../orders/salesTestKit';
import { testPinHashParams } from '../staff';

let kit: SimKit;
let dir: string;
let core: Core;
let owner: string;
let readerId: string;

beforeEach(async () => {
  kit = await openSimKit();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-sdk-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    card: { stripeApi: kit.sim.clientOptions, env: {}, pollMs: 5 },
  });
  owner = (await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' })).session;
  await core.call('stripe.setKey', { secretKey: testKey }, owner);
  await core.call(
    'stripe.createLocation',
    {
      displayName: 'Corner Café',
      address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
    },
    owner,
  );
  readerId = (await core.call('stripe.registerReader', { registrationCode: 'simulated-wpe' }, owner)).reader
    .id;
  await core.call('shifts.open', { float: { amount: '10000' } }, owner);
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await kit.close();
});

async function sale(): Promise<string> {
  const { taxClass } = await core.call(
    'catalog.saveTaxClass',
    { name: `None ${ulid()}`, rates: [{ taxId: 'none', name: 'No tax', ratePercent: '0' }] },
    owner,
  );
  const { product } = await core.call(
    'catalog.saveProduct',
    {
      name: 'Mug',
      taxClassId: taxClass.id,
      variants: [
        {
          sku: `MUG-${ulid()}`,
          barcodes: [],
          prices: [{ currency: 'USD', amount: '1200' }],
          trackStock: false,
        },
      ],
    },
    owner,
  );
  const { order } = await core.call('orders.create', {}, owner);
  await core.call('orders.addLine', { orderId: order.id, variantId: product.variants[0]?.id ?? '' }, owner);
  return order.id;
}
const statusOf = async (paymentId: string) => (await core.call('payments.get', { paymentId }, owner)).payment;

describe('the JS SDK adapter, core side', () => {
  it('with the server driver: no connection token, no SDK payment', async () => {
    expect(await core.call('stripe.readerDriver', {})).toEqual({ driver: 'server' });
    await expectApiError(core.call('stripe.connectionToken', {}, owner), 'conflict');
    const orderId = await sale();
    const started = await core.call('payments.start', { orderId, paymentId: ulid(), tender: 'card' }, owner);
    expect(await core.call('stripe.sdkPayment', { paymentId: started.payment.id }, owner)).toEqual({
      payment: null,
    });
    // The server handed it to the reader.
    const reader = await kit.stripe.terminal.readers.retrieve(readerId);
    expect('action' in reader ? reader.action?.status : null).toBe('in_progress');
  });

  it('with js_sdk: the page collects, the core captures; a decline waits, a cancel ends it', async () => {
    await core.call('stripe.setReaderDriver', { driver: 'js_sdk' }, owner);
    expect(await core.call('stripe.readerDriver', {})).toEqual({ driver: 'js_sdk' });
    const token = await core.call('stripe.connectionToken', {}, owner);
    expect(token.secret).toMatch(/^pst_test_/);

    // A declined card: the payment waits (the SDK may try again), saying why; then cancelled.
    const first = await core.call(
      'payments.start',
      { orderId: await sale(), paymentId: ulid(), tender: 'card' },
      owner,
    );
    expect(first.payment).toMatchObject({ status: 'pending' });
    const idle = await kit.stripe.terminal.readers.retrieve(readerId);
    expect('action' in idle ? idle.action : null).toBeNull();
    const sdk = await core.call('stripe.sdkPayment', { paymentId: first.payment.id }, owner);
    expect(sdk.payment).toMatchObject({ readerId });
    expect(sdk.payment?.clientSecret).toMatch(new RegExp(`^${first.payment.externalId ?? 'x'}_secret_`));
    // What the SDK does on the reader, stood for by the simulator's reader.
    await kit.stripe.terminal.readers.processPaymentIntent(readerId, {
      payment_intent: first.payment.externalId ?? '',
    });
    await kit.stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
      card_present: { number: '4000000000000002' },
    });
    await expect
      .poll(async () => (await statusOf(first.payment.id)).message, { timeout: 20_000, interval: 10 })
      .toMatch(/declined/i);
    expect((await statusOf(first.payment.id)).status).toBe('pending');
    const cancelled = await core.call('payments.cancel', { paymentId: first.payment.id }, owner);
    expect(cancelled.payment.status).toBe('canceled');

    // An approved card: captured by the core.
    const orderId = await sale();
    const second = await core.call('payments.start', { orderId, paymentId: ulid(), tender: 'card' }, owner);
    await kit.stripe.terminal.readers.processPaymentIntent(readerId, {
      payment_intent: second.payment.externalId ?? '',
    });
    await kit.stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
      card_present: { number: '4242424242424242' },
    });
    await expect
      .poll(async () => (await statusOf(second.payment.id)).status, { timeout: 20_000, interval: 10 })
      .toBe('succeeded');
    expect(await kit.stripe.paymentIntents.retrieve(second.payment.externalId ?? '')).toMatchObject({
      status: 'succeeded',
    });
    expect((await core.call('orders.get', { orderId }, owner)).order.status).toBe('paid');
    expect(await core.call('stripe.sdkPayment', { paymentId: second.payment.id }, owner)).toEqual({
      payment: null,
    });
  });
});
