/**
 * The simulator behaves as Stripe documents, seen through the real `stripe` package: the
 * PaymentIntent status machine on a simulated reader, test cards and the amounts that decline,
 * refunds, idempotency keys, errors in Stripe's shape, faults, and webhooks signed as Stripe signs.
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFor, openSimKit, simulatedReader, type SimKit } from './simKit';

let kit: SimKit;
let stripe: Stripe;
let readerId: string;

beforeEach(async () => {
  kit = await openSimKit();
  stripe = kit.stripe;
  ({ readerId } = await simulatedReader(stripe));
});
afterEach(() => kit.close());

const cardPresent = (amount: number, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    allowed_payment_method_types: ['card_present'],
    capture_method: 'manual',
    ...extra,
  });

const tap = (number?: string, tip?: number) =>
  stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
    ...(number ? { card_present: { number } } : {}),
    ...(tip ? { amount_tip: tip } : {}),
  });

async function failure(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

describe('a card-present payment on a simulated reader', () => {
  it('goes requires_payment_method → requires_capture → succeeded, with the card on the charge', async () => {
    const pi = await cardPresent(2500);
    expect(pi.status).toBe('requires_payment_method');
    const processing = await stripe.terminal.readers.processPaymentIntent(readerId, {
      payment_intent: pi.id,
    });
    expect(processing.action).toMatchObject({ type: 'process_payment_intent', status: 'in_progress' });
    // The reader is busy until the card is read.
    const other = await cardPresent(1000);
    const busy = await failure(
      stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: other.id }),
    );
    expect(busy.code).toBe('terminal_reader_busy');
    await failure(stripe.paymentIntents.capture(pi.id)).then((e) =>
      expect(e.code).toBe('payment_intent_unexpected_state'),
    );
    const read = await tap('5555555555554444');
    expect(read.action).toMatchObject({ status: 'succeeded' });
    const authorised = await stripe.paymentIntents.retrieve(pi.id, { expand: ['latest_charge'] });
    expect(authorised).toMatchObject({ status: 'requires_capture', amount_capturable: 2500 });
    const charge = authorised.latest_charge as Stripe.Charge;
    expect(charge.payment_method_details?.card_present).toMatchObject({
      brand: 'mastercard',
      last4: '4444',
      read_method: 'contactless_emv',
      receipt: { dedicated_file_name: expect.any(String), application_preferred_name: expect.any(String) },
    });
    const captured = await stripe.paymentIntents.capture(pi.id);
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 2500 });
    const cancel = await failure(stripe.paymentIntents.cancel(pi.id));
    expect(cancel.code).toBe('payment_intent_unexpected_state');
    const txn = await stripe.balanceTransactions.retrieve(
      (await stripe.charges.retrieve(charge.id)).balance_transaction as string,
    );
    expect(txn).toMatchObject({ amount: 2500, fee: 73, net: 2427, type: 'charge' });
  });

  it.each([
    ['4000000000000002', 'card_declined', 'generic_decline'],
    ['4000000000009995', 'card_declined', 'insufficient_funds'],
    ['4000000000009987', 'card_declined', 'lost_card'],
    ['4000000000009979', 'card_declined', 'stolen_card'],
    ['4000000000000069', 'expired_card', 'expired_card'],
    ['4000000000000119', 'processing_error', 'processing_error'],
  ])('declines test card %s with %s / %s', async (number, code, declineCode) => {
    const pi = await cardPresent(2500);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    const read = await tap(number);
    expect(read.action).toMatchObject({ status: 'failed', failure_code: code });
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ type: 'card_error', code, decline_code: declineCode });
  });

  it.each([
    [1001, 'call_issuer'],
    [1002, 'offline_pin_required'],
    [1003, 'online_or_offline_pin_required'],
    [1005, 'generic_decline'],
    [1055, 'incorrect_pin'],
    [1065, 'withdrawal_count_limit_exceeded'],
    [1075, 'pin_try_exceeded'],
  ])('declines an amount of %i minor units with %s', async (amount, declineCode) => {
    const pi = await cardPresent(amount);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    await tap();
    expect((await stripe.paymentIntents.retrieve(pi.id)).last_payment_error).toMatchObject({
      decline_code: declineCode,
    });
  });

  it('counts the tip in the amount that declines, and in what is captured', async () => {
    const declined = await cardPresent(1000);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: declined.id });
    expect((await tap(undefined, 5)).action).toMatchObject({ status: 'failed' });
    const tipped = await cardPresent(1000);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: tipped.id });
    await tap(undefined, 200);
    const authorised = await stripe.paymentIntents.retrieve(tipped.id);
    expect(authorised).toMatchObject({
      amount: 1200,
      amount_capturable: 1200,
      amount_details: { tip: { amount: 200 } },
    });
  });

  it('captures Interac at once under manual_preferred, declines it under plain manual, and refunds it only in person', async () => {
    const interac = { card_present: { number: '4506445006931933' } };
    const preferred = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'cad',
      allowed_payment_method_types: ['card_present', 'interac_present'],
      capture_method: 'manual',
      payment_method_options: { card_present: { capture_method: 'manual_preferred' } },
    });
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: preferred.id });
    await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, interac);
    const taken = await stripe.paymentIntents.retrieve(preferred.id, { expand: ['latest_charge'] });
    expect(taken.status).toBe('succeeded');
    expect((taken.latest_charge as Stripe.Charge).payment_method_details?.type).toBe('interac_present');
    const online = await failure(stripe.refunds.create({ payment_intent: preferred.id }));
    expect(online.code).toBe('charge_not_refundable');

    const manual = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'cad',
      allowed_payment_method_types: ['card_present', 'interac_present'],
      capture_method: 'manual',
    });
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: manual.id });
    await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, interac);
    expect((await stripe.paymentIntents.retrieve(manual.id)).last_payment_error).toMatchObject({
      decline_code: 'transaction_not_allowed',
    });
  });

  it('cancel_action stops the reader, and a cancelled PaymentIntent cannot be processed', async () => {
    const pi = await cardPresent(2500);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    const stopped = (await stripe.terminal.readers.cancelAction(readerId)) as Stripe.Terminal.Reader;
    expect(stopped.action).toBeNull();
    const canceled = await stripe.paymentIntents.cancel(pi.id);
    expect(canceled.status).toBe('canceled');
    const again = await failure(
      stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id }),
    );
    expect(again.code).toBe('payment_intent_unexpected_state');
  });

  it('refunds in parts, never more than was captured', async () => {
    const pi = await cardPresent(3000);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    await tap();
    await failure(stripe.refunds.create({ payment_intent: pi.id })).then((e) =>
      expect(e.code).toBe('charge_not_refundable'),
    );
    await stripe.paymentIntents.capture(pi.id);
    expect(await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 })).toMatchObject({
      status: 'succeeded',
      amount: 1000,
    });
    const tooMuch = await failure(stripe.refunds.create({ payment_intent: pi.id, amount: 2500 }));
    expect(tooMuch).toMatchObject({ type: 'StripeInvalidRequestError', code: 'amount_too_large' });
    expect(await stripe.refunds.create({ payment_intent: pi.id })).toMatchObject({ amount: 2000 });
    const charge = (await stripe.charges.list({ payment_intent: pi.id })).data[0];
    expect(charge).toMatchObject({ refunded: true, amount_refunded: 3000 });
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toHaveLength(2);
    await failure(stripe.refunds.create({ payment_intent: pi.id })).then((e) =>
      expect(e.code).toBe('charge_already_refunded'),
    );
  });
});

describe('the API around it', () => {
  it('replays a request with the same idempotency key and refuses the key for another request', async () => {
    const params = {
      amount: 1500,
      currency: 'usd',
      allowed_payment_method_types: ['card_present'],
      capture_method: 'manual' as const,
    };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'pay-1' });
    const again = await stripe.paymentIntents.create(params, { idempotencyKey: 'pay-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const other = await failure(
      stripe.paymentIntents.create({ ...params, amount: 1600 }, { idempotencyKey: 'pay-1' }),
    );
    expect(other.type).toBe('StripeIdempotencyError');
    expect(kit.sim.store.all('payment_intent')).toHaveLength(1);
  });

  it('answers errors in Stripe’s shape: missing objects, bad keys, live keys', async () => {
    const missing = await failure(stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(missing).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      type: 'StripeInvalidRequestError',
    });
    const bad = await failure(
      clientFor(kit.sim, 'sk_live_realKeysNeverReachTheSimulator').balanceTransactions.list(),
    );
    expect(bad).toMatchObject({ statusCode: 401, type: 'StripeAuthenticationError' });
    expect(bad.message).not.toContain('realKeysNeverReach');
    const small = await failure(cardPresent(10));
    expect(small.code).toBe('amount_too_small');
  });

  it('a reader that goes offline refuses work until it is back', async () => {
    kit.sim.readers.setStatus(readerId, 'offline');
    const pi = await cardPresent(2500);
    const offline = await failure(
      stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id }),
    );
    expect(offline.code).toBe('terminal_reader_offline');
    kit.sim.readers.setStatus(readerId, 'online');
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    kit.sim.readers.timeOut(readerId);
    expect(
      ((await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader).action,
    ).toMatchObject({
      status: 'failed',
      failure_code: 'terminal_reader_timeout',
    });
  });

  it('a dropped connection after the work is done is retried by the client without doing it twice', async () => {
    kit.sim.addFault({ method: 'POST', path: '/v1/payment_intents', fault: { kind: 'drop', when: 'after' } });
    kit.sim.addFault({ method: 'GET', path: /^\/v1\/payment_intents\//, fault: { kind: 'error500' } });
    const pi = await cardPresent(2500, { metadata: { order: '12' } });
    expect(kit.sim.store.all('payment_intent')).toHaveLength(1);
    expect(kit.sim.requests.filter((r) => r === 'POST /v1/payment_intents')).toHaveLength(2);
    expect((await stripe.paymentIntents.retrieve(pi.id)).id).toBe(pi.id);
  });

  it('records events and delivers them signed as Stripe signs webhooks', async () => {
    const received: { body: string; signature: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ body, signature: String(req.headers['stripe-signature']) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const secret = 'whsec_simulatorSecret';
    const hooked = await openSimKit({
      webhook: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, secret },
    });
    try {
      const pi = await hooked.stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
      await expect.poll(() => received.length).toBeGreaterThan(0);
      const first = received[0] as { body: string; signature: string };
      const event = hooked.stripe.webhooks.constructEvent(first.body, first.signature, secret);
      expect(event).toMatchObject({ type: 'payment_intent.created', data: { object: { id: pi.id } } });
      expect(() =>
        hooked.stripe.webhooks.constructEvent(first.body, first.signature, 'whsec_wrong'),
      ).toThrow();
      const listed = await hooked.stripe.events.list({ type: 'payment_intent.created' });
      expect(listed.data.map((e) => e.id)).toContain(event.id);
    } finally {
      await hooked.close();
      server.close();
    }
  });
});
