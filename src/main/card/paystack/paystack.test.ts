/**
 * The Paystack tender against the Paystack simulator: a link paid (or failed) on the customer's
 * phone, a cancel that first checks the link was not paid, refunds found again by their note, a
 * lost answer retried without a second transaction, start-up reconciliation, and webhook signatures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../core';
import { openSalesTill, type SalesTill } from '../../orders/salesTestKit';
import { createPaystackTender, type PaystackTender } from './paystackTender';
import { startPaystackSimulator, type PaystackSimulator } from './paystackSim';
import { paystackSignature, verifyPaystackSignature } from './paystackWebhook';
import { testPinHashParams } from '../../staff';

const secretKey = 'sk_test_paystackSimulatorKey01';
let sim: PaystackSimulator;
let tender: PaystackTender;
let till: SalesTill;

beforeEach(async () => {
  sim = await startPaystackSimulator();
  tender = createPaystackTender({
    setup: () => ({ secretKey }),
    apiBase: sim.baseUrl,
    pollMs: 5,
    paymentExternalId: (id) => till.core.payments.get(id)?.externalId ?? null,
  });
  till = await openSalesTill({ tenders: [tender] });
  await till.openShift();
});
afterEach(async () => {
  tender.stop();
  await till.close();
  await sim.close();
});

const start = async (quantity = 1) => {
  const orderId = await till.newOrder();
  await till.add(orderId, till.gift, quantity);
  const started = await till.core.call(
    'payments.start',
    { orderId, paymentId: ulid(), tender: 'paystack' },
    till.cashier.session,
  );
  return { orderId, payment: started.payment };
};
const decided = (paymentId: string) =>
  expect
    .poll(() => till.core.payments.get(paymentId)?.status, { timeout: 20_000, interval: 10 })
    .not.toBe('pending');

describe('Paystack', () => {
  it('is paid on the checkout link and pays the order; refunds are processed later', async () => {
    const { orderId, payment } = await start(2);
    expect(payment).toMatchObject({ status: 'pending', externalId: `tillpoint-${payment.id}` });
    const url = tender.link(payment.id);
    expect(url).toMatch(/\/pay\/[a-f0-9]+$/);
    const paid = await fetch(url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=success',
    });
    expect(await paid.text()).toMatch(/successful/);
    await decided(payment.id);
    expect(till.core.payments.get(payment.id)?.status).toBe('succeeded');
    const order = (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
    expect(order.status).toBe('paid');

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
    expect(refund.refund.status).toBe('pending');
    await expect
      .poll(
        async () =>
          (await till.core.call('orders.get', { orderId }, till.cashier.session)).order.refunds[0]?.status,
        { timeout: 20_000, interval: 10 },
      )
      .toBe('succeeded');
    expect(sim.refunds).toHaveLength(1);
    expect(sim.refunds[0]).toMatchObject({ amount: 2500, status: 'processed' });
    // Asked again (a restart), it finds the refund by its note instead of making another.
    await till.core.payments.reconcileNow();
    expect(sim.refunds).toHaveLength(1);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('fails with Paystack’s words when the payment fails', async () => {
    const { payment } = await start();
    sim.pay(payment.externalId as string, 'failed');
    await decided(payment.id);
    expect(till.core.payments.get(payment.id)).toMatchObject({
      status: 'failed',
      message: 'Paystack: Declined.',
    });
  });

  it('a cancel checks the link first: one already paid stands, one unpaid is cancelled', async () => {
    const first = await start();
    sim.pay(first.payment.externalId as string);
    const kept = await till.core.call(
      'payments.cancel',
      { paymentId: first.payment.id },
      till.cashier.session,
    );
    expect(kept.payment.status).toBe('succeeded');
    expect(kept.order.status).toBe('paid');
    const second = await start();
    const canceled = await till.core.call(
      'payments.cancel',
      { paymentId: second.payment.id },
      till.cashier.session,
    );
    expect(canceled.payment.status).toBe('canceled');
  });

  it('a start retried after a lost answer makes no second transaction; a never-made one fails at reconciliation', async () => {
    const request = {
      paymentId: ulid(),
      orderId: ulid(),
      currency: 'USD',
      dueMinor: 1500n,
      staffId: 'S',
      shiftId: 'X',
    };
    const plan = tender.plan(request);
    expect((await tender.start(request, plan)).status).toBe('pending');
    expect((await tender.start(request, plan)).status).toBe('pending');
    expect(sim.transactions.size).toBe(1);
    const never = await tender.status({
      paymentId: ulid(),
      orderId: 'O',
      currency: 'USD',
      amountMinor: 100n,
      status: 'pending',
      externalId: null,
      details: {},
      createdAt: new Date().toISOString(),
    });
    expect(never.status).toBe('failed');
    expect(() => tender.plan({ ...request, currency: 'EUR' })).toThrow(/Paystack takes/);
  });

  it('checks webhook signatures: HMAC-SHA512 of the raw body with the secret key', () => {
    const body = JSON.stringify({ event: 'charge.success', data: { reference: 'r1' } });
    const signature = paystackSignature(body, secretKey);
    expect(verifyPaystackSignature(body, signature, secretKey)).toBe(true);
    expect(verifyPaystackSignature(`${body} `, signature, secretKey)).toBe(false);
    expect(verifyPaystackSignature(body, signature, 'sk_test_another')).toBe(false);
    expect(verifyPaystackSignature(body, undefined, secretKey)).toBe(false);
    expect(verifyPaystackSignature(body, 'zz', secretKey)).toBe(false);
  });
});

describe('Paystack set-up through the core', () => {
  it('checks the key with Paystack, keeps it 0600, and gives the link of a payment in flight', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-paystack-'));
    const core = await createCore({
      pinHashParams: testPinHashParams,
      dataDir: dir,
      logger: pino({ level: 'silent' }),
      card: { paystackApi: sim.baseUrl, env: {}, pollMs: 5 },
    });
    try {
      const owner = (await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' })).session;
      expect(await core.call('paystack.status', {}, owner)).toEqual({
        keySource: 'none',
        mode: null,
        keyHint: null,
      });
      const card = async () =>
        (await core.call('payments.tenders', {}, owner)).tenders.find((t) => t.kind === 'paystack');
      expect(await card()).toMatchObject({ state: 'not_set_up' });
      await expect(
        core.call('paystack.setKey', { secretKey: 'sk_live_notTheSimulatorKey' }, owner),
      ).rejects.toThrow(/refused/);
      expect(await core.call('paystack.setKey', { secretKey }, owner)).toMatchObject({
        keySource: 'file',
        mode: 'test',
        keyHint: 'sk_test_…ey01',
      });
      expect(fs.statSync(path.join(dir, 'paystack.json')).mode & 0o777).toBe(0o600);
      expect(await card()).toMatchObject({ state: 'ready' });
      expect(await core.call('paystack.checkoutLink', { paymentId: ulid() }, owner)).toEqual({ url: null });
      expect(await core.call('paystack.removeKey', {}, owner)).toMatchObject({ keySource: 'none' });
    } finally {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
