/**
 * A till that stops in the middle of a card payment (a crash: the follower gone, the core closed)
 * and starts again on the same data folder: start-up reconciliation asks Stripe and captures what
 * was authorised, follows what the reader still collects, and finds (or makes) a refund whose answer
 * was lost. Nothing is charged or refunded twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type Stripe from 'stripe';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimKit, simulatedReader, testKey, type SimKit } from '../../../test/stripe-sim/simKit';
import { createCore, type Core } from '../core';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createCardTender, type CardTender } from './cardTender';
import { testPinHashParams } from '../staff';

let kit: SimKit;
let stripe: Stripe;
let readerId: string;
let dir: string;
let till: SalesTill;
let first: CardTender;
let second: CardTender | null;
let core2: Core | null;

const tenderFor = (core: () => Core | null) =>
  createCardTender({
    setup: () => ({ secretKey: testKey, readerId }),
    api: kit.sim.clientOptions,
    pollMs: 5,
    paymentExternalId: (paymentId) => core()?.payments.get(paymentId)?.externalId ?? null,
  });

beforeEach(async () => {
  kit = await openSimKit();
  stripe = kit.stripe;
  ({ readerId } = await simulatedReader(stripe));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-card-'));
  second = null;
  core2 = null;
  first = tenderFor(() => till.core);
  till = await openSalesTill({ tenders: [first], dataDir: dir });
  await till.openShift();
});
afterEach(async () => {
  first.stop();
  second?.stop();
  await core2?.close();
  await till.core.close();
  await kit.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The till stops: nobody follows the reader any more, the core is closed. */
async function crash() {
  first.stop();
  await till.core.close();
}

/** The till starts again on the same folder, its clock a minute on from the payment. */
async function restart(paymentCreatedAt: string): Promise<Core> {
  second = tenderFor(() => core2);
  let clock = Date.parse(paymentCreatedAt) + 60_000;
  core2 = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    now: () => new Date((clock += 1)),
    tenders: [second],
  });
  await core2.payments.reconcileNow();
  return core2;
}

const startCard = async (quantity = 1) => {
  const orderId = await till.newOrder();
  await till.add(orderId, till.gift, quantity);
  const started = await till.core.call(
    'payments.start',
    { orderId, paymentId: ulid(), tender: 'card' },
    till.cashier.session,
  );
  return { orderId, payment: started.payment };
};
const tap = () => stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {});
const decided = (core: Core, paymentId: string) =>
  expect
    .poll(() => core.payments.get(paymentId)?.status, { timeout: 20_000, interval: 10 })
    .not.toBe('pending');

describe('start-up reconciliation of card payments', () => {
  it('captures a payment authorised while the till was down, once, and pays the order', async () => {
    const { orderId, payment } = await startCard();
    await crash();
    await tap();
    const piId = payment.externalId as string;
    expect((await stripe.paymentIntents.retrieve(piId)).status).toBe('requires_capture');
    const core = await restart(payment.createdAt);
    await decided(core, payment.id);
    expect(core.payments.get(payment.id)).toMatchObject({
      status: 'succeeded',
      details: expect.objectContaining({ last4: '4242' }),
    });
    expect(await stripe.paymentIntents.retrieve(piId)).toMatchObject({
      status: 'succeeded',
      amount_received: 2500,
    });
    const login = await core.call('staff.login', { staffId: till.cashier.staffId, pin: till.cashier.pin });
    expect((await core.call('orders.get', { orderId }, login.session)).order.status).toBe('paid');
    // Asking again changes nothing: one capture, one PaymentIntent.
    await core.payments.reconcileNow();
    expect(kit.sim.requests.filter((r) => r.endsWith('/capture'))).toHaveLength(1);
    expect(kit.sim.store.all('payment_intent')).toHaveLength(1);
  });

  it('keeps following a payment the reader still collects, and takes the tap that comes after', async () => {
    const { payment } = await startCard();
    await crash();
    const core = await restart(payment.createdAt);
    expect(core.payments.get(payment.id)?.status).toBe('pending');
    await tap();
    await decided(core, payment.id);
    expect(core.payments.get(payment.id)?.status).toBe('succeeded');
  });

  it('releases a payment the reader gave up on while the till was down', async () => {
    const { payment } = await startCard();
    await crash();
    kit.sim.readers.timeOut(readerId);
    const core = await restart(payment.createdAt);
    await decided(core, payment.id);
    expect(core.payments.get(payment.id)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/did not answer|timed out/),
    });
    expect((await stripe.paymentIntents.retrieve(payment.externalId as string)).status).toBe('canceled');
  });

  it('finds the refund whose answer was lost, or makes it, without refunding twice', async () => {
    const { orderId, payment } = await startCard(2);
    await tap();
    await decided(till.core, payment.id);
    const lineId =
      (await till.core.call('orders.get', { orderId }, till.cashier.session)).order.lines[0]?.id ?? '';
    // Every try of the refund loses its connection: the share stays pending.
    kit.sim.addFault({
      method: 'POST',
      path: '/v1/refunds',
      times: 3,
      fault: { kind: 'drop', when: 'before' },
    });
    const approval = await till.approve('refund', orderId);
    const made = await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'returned', approval },
      till.cashier.session,
    );
    expect(made.refund.status).toBe('pending');
    expect(kit.sim.store.all('refund')).toHaveLength(0);
    await crash();
    const core = await restart(payment.createdAt);
    const login = await core.call('staff.login', { staffId: till.cashier.staffId, pin: till.cashier.pin });
    const after = (await core.call('orders.get', { orderId }, login.session)).order;
    expect(after.refunds[0]).toMatchObject({ status: 'succeeded', amountMinor: '2500' });
    expect(kit.sim.store.all('refund')).toHaveLength(1);
    await core.payments.reconcileNow();
    expect(kit.sim.store.all('refund')).toHaveLength(1);
  });
});
