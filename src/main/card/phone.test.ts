/**
 * Pay by phone through the simulator: the till makes a Checkout Session for what is due and shows
 * its link; the customer pays on the page (a declined card leaves it open); the till follows it to
 * paid, refunds go back through its PaymentIntent, a cancel expires the link, and a payment made
 * while the till was down is found at start-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimKit, testKey, type SimKit } from '../../../test/stripe-sim/simKit';
import { createCore, type Core } from '../core';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createPhoneTender, type PhoneTender } from './phoneTender';
import { testPinHashParams } from '../staff';

let kit: SimKit;
let dir: string;
let till: SalesTill;
let phone: PhoneTender;
let later: { core: Core; phone: PhoneTender } | null;

const phoneFor = (core: () => Core | null) =>
  createPhoneTender({
    setup: () => ({ secretKey: testKey }),
    api: kit.sim.clientOptions,
    pollMs: 5,
    paymentExternalId: (id) => core()?.payments.get(id)?.externalId ?? null,
  });

beforeEach(async () => {
  kit = await openSimKit();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-phone-'));
  later = null;
  phone = phoneFor(() => till.core);
  till = await openSalesTill({ tenders: [phone], dataDir: dir });
  await till.openShift();
});
afterEach(async () => {
  phone.stop();
  later?.phone.stop();
  await later?.core.close();
  await till.core.close();
  await kit.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const startPhone = async (quantity = 1) => {
  const orderId = await till.newOrder();
  await till.add(orderId, till.gift, quantity);
  const started = await till.core.call(
    'payments.start',
    { orderId, paymentId: ulid(), tender: 'phone' },
    till.cashier.session,
  );
  return { orderId, payment: started.payment };
};
/** The customer's phone posts the page's form. */
const payOnPage = async (url: string, number = '4242424242424242') => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `number=${number}`,
  });
  return response.text();
};
const linkOf = async (paymentId: string) =>
  phone.link(till.core.payments.get(paymentId)?.externalId ?? 'missing');
const decided = (core: Core, paymentId: string) =>
  expect
    .poll(() => core.payments.get(paymentId)?.status, { timeout: 20_000, interval: 10 })
    .not.toBe('pending');

describe('pay by phone', () => {
  it('shows a link, is paid on the phone after a decline, and refunds through its PaymentIntent', async () => {
    const { orderId, payment } = await startPhone(2);
    expect(payment).toMatchObject({ status: 'pending', externalId: expect.stringMatching(/^cs_test_/) });
    expect(payment.message).toMatch(/Scan the code/);
    const session = await kit.stripe.checkout.sessions.retrieve(payment.externalId as string);
    expect(session).toMatchObject({ amount_total: 5000, currency: 'usd', status: 'open', mode: 'payment' });
    const link = await linkOf(payment.id);
    expect(link.url).toBe(session.url);
    expect(await payOnPage(link.url as string, '4000000000000002')).toMatch(/Declined/);
    expect(till.core.payments.get(payment.id)?.status).toBe('pending');
    expect(await payOnPage(link.url as string)).toMatch(/Paid/);
    await decided(till.core, payment.id);
    expect(till.core.payments.get(payment.id)?.status).toBe('succeeded');
    const order = (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
    expect(order.status).toBe('paid');
    expect((await linkOf(payment.id)).url).toBeNull();

    const refund = await till.core.call(
      'orders.refund',
      {
        orderId,
        lines: [{ lineId: order.lines[0]?.id ?? '', quantity: 1 }],
        reason: 'returned',
        approval: await till.approve('refund', orderId),
      },
      till.cashier.session,
    );
    expect(refund.refund).toMatchObject({ status: 'succeeded', amountMinor: '2500', tender: 'phone' });
    const paid = await kit.stripe.checkout.sessions.retrieve(payment.externalId as string);
    const refunds = await kit.stripe.refunds.list({ payment_intent: paid.payment_intent as string });
    expect(refunds.data.map((r) => r.amount)).toEqual([2500]);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('is cancelled at the till: the link expires and cannot be paid', async () => {
    const { orderId, payment } = await startPhone();
    const { url } = await linkOf(payment.id);
    const canceled = await till.core.call('payments.cancel', { paymentId: payment.id }, till.cashier.session);
    expect(canceled.payment.status).toBe('canceled');
    expect(canceled.order).toMatchObject({ status: 'open', amountDueMinor: '2500' });
    expect((await kit.stripe.checkout.sessions.retrieve(payment.externalId as string)).status).toBe(
      'expired',
    );
    expect(await payOnPage(url as string)).toMatch(/expired/);
    expect(kit.sim.store.all('payment_intent')).toHaveLength(0);
    expect(orderId).toBeTruthy();
  });

  it('finds at start-up a payment made while the till was down', async () => {
    const { payment } = await startPhone();
    const { url } = await linkOf(payment.id);
    phone.stop();
    await till.core.close();
    await payOnPage(url as string);
    const second = phoneFor(() => later?.core ?? null);
    const core = await createCore({
      pinHashParams: testPinHashParams,
      dataDir: dir,
      logger: pino({ level: 'silent' }),
      now: () => new Date(Date.parse(payment.createdAt) + 60_000),
      tenders: [second],
    });
    later = { core, phone: second };
    await core.payments.reconcileNow();
    await decided(core, payment.id);
    expect(core.payments.get(payment.id)?.status).toBe('succeeded');
  });
});
