/**
 * The card tender end to end: a till sells, the card tender talks to the Stripe simulator through
 * the real `stripe` package, the simulated reader is tapped with test cards, and the order, the
 * payment and Stripe's own state agree: approved and captured, declined (a card, an amount
 * ending), cancelled while the reader waits, refunded in part and in full, a reader offline, and a
 * network fault on create retried without a second PaymentIntent.
 */
import type Stripe from 'stripe';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimKit, simulatedReader, testKey, type SimKit } from '../../../test/stripe-sim/simKit';
import { expectApiError, openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createCardTender, type CardTender } from './cardTender';

let kit: SimKit;
let stripe: Stripe;
let readerId: string;
let tender: CardTender;
let till: SalesTill;
let setup: { secretKey: string; readerId: string | null; tipOnReader?: boolean } | null;

export function cardTenderFor(
  sim: SimKit['sim'],
  current: () => typeof setup,
  paymentExternalId?: (id: string) => string | null,
) {
  return createCardTender({
    setup: current,
    api: sim.clientOptions,
    pollMs: 5,
    ...(paymentExternalId ? { paymentExternalId } : {}),
  });
}

beforeEach(async () => {
  kit = await openSimKit();
  stripe = kit.stripe;
  ({ readerId } = await simulatedReader(stripe));
  setup = { secretKey: testKey, readerId };
  tender = cardTenderFor(kit.sim, () => setup);
  till = await openSalesTill({ tenders: [tender] });
  await till.openShift();
});
afterEach(async () => {
  tender.stop();
  await till.close();
  await kit.close();
});

const payByCard = (orderId: string, amount?: bigint, paymentId = ulid()) =>
  till.core.call(
    'payments.start',
    { orderId, paymentId, tender: 'card', ...(amount !== undefined ? { amount: amount.toString() } : {}) },
    till.cashier.session,
  );
const tap = (number = '4242424242424242') =>
  stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, { card_present: { number } });
const statusOf = async (paymentId: string) =>
  (await till.core.call('payments.get', { paymentId }, till.cashier.session)).payment.status;
const settled = (paymentId: string) =>
  expect.poll(() => statusOf(paymentId), { timeout: 20_000, interval: 10 }).not.toBe('pending');
const order = async (orderId: string) =>
  (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
const giftOrder = async (quantity = 1) => {
  const orderId = await till.newOrder();
  await till.add(orderId, till.gift, quantity);
  return orderId;
};

describe('a card payment on a Stripe Terminal reader', () => {
  it('is listed as Card, and not set up without a key or a reader', async () => {
    const tenders = async () => (await till.core.call('payments.tenders', {}, till.cashier.session)).tenders;
    expect((await tenders()).find((t) => t.kind === 'card')).toMatchObject({
      label: 'Card',
      state: 'ready',
      settlesAtOnce: false,
    });
    setup = { secretKey: testKey, readerId: null };
    expect((await tenders()).find((t) => t.kind === 'card')).toMatchObject({
      state: 'not_set_up',
      reason: expect.stringMatching(/reader/),
    });
    setup = null;
    const card = (await tenders()).find((t) => t.kind === 'card');
    expect(card).toMatchObject({ state: 'not_set_up', reason: expect.stringMatching(/secret key/) });
    await expectApiError(payByCard(await giftOrder()), 'unavailable');
    expect(kit.sim.store.all('payment_intent')).toHaveLength(0);
  });

  it('is approved on the reader, captured, and pays the order', async () => {
    const orderId = await giftOrder();
    const started = await payByCard(orderId);
    expect(started.payment).toMatchObject({ status: 'pending', externalId: expect.stringMatching(/^pi_/) });
    expect(started.payment.message).toMatch(/Present the card/);
    const piId = started.payment.externalId as string;
    expect(await stripe.paymentIntents.retrieve(piId)).toMatchObject({
      amount: 2500,
      currency: 'usd',
      capture_method: 'manual',
      status: 'requires_payment_method',
      metadata: { tillpoint_payment_id: started.payment.id, tillpoint_order_id: orderId },
    });
    expect(
      ((await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader).action,
    ).toMatchObject({
      status: 'in_progress',
      process_payment_intent: { payment_intent: piId },
    });
    await tap('4242424242424242');
    await settled(started.payment.id);
    expect(await statusOf(started.payment.id)).toBe('succeeded');
    expect(await order(orderId)).toMatchObject({ status: 'paid', paidMinor: '2500', amountDueMinor: '0' });
    expect(await stripe.paymentIntents.retrieve(piId)).toMatchObject({
      status: 'succeeded',
      amount_received: 2500,
      amount_capturable: 0,
    });
    const record = till.core.payments.get(started.payment.id);
    expect(record?.message).toBe('Visa •••• 4242');
    expect(record?.details).toMatchObject({
      paymentIntentId: piId,
      brand: 'visa',
      last4: '4242',
      readMethod: 'contactless_emv',
      receipt: {
        applicationPreferredName: expect.any(String),
        dedicatedFileName: expect.any(String),
        accountType: 'credit',
      },
    });
    expect(till.balance('card_clearing', 'stripe')).toBe(2500n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    const receipt = await till.core.call(
      'receipts.render',
      { orderId, format: 'html' },
      till.cashier.session,
    );
    expect(receipt.text).toContain('Visa •••• 4242');
    for (const shown of ['Contactless', 'Visa Credit', 'A0000000031010', 'Credit', '123456']) {
      expect(receipt.text).toContain(shown);
    }
    expect(till.ledger.checkInvariants().ok).toBe(true);
    // One PaymentIntent, captured once.
    expect(kit.sim.store.all('payment_intent')).toHaveLength(1);
    expect(kit.sim.requests.filter((r) => r.endsWith('/capture'))).toHaveLength(1);
  });

  it.each([
    ['4000000000009995', 'insufficient_funds'],
    ['4000000000000002', 'generic_decline'],
    ['4000000000000069', 'expired_card'],
  ])(
    'declined card %s fails with %s, releases the PaymentIntent, and the order can be paid again',
    async (number, code) => {
      const orderId = await giftOrder();
      const first = await payByCard(orderId);
      await tap(number);
      await settled(first.payment.id);
      const failed = (await order(orderId)).payments.find((p) => p.id === first.payment.id);
      expect(failed).toMatchObject({ status: 'failed', message: expect.stringContaining(code) });
      expect((await order(orderId)).amountDueMinor).toBe('2500');
      expect((await stripe.paymentIntents.retrieve(first.payment.externalId as string)).status).toBe(
        'canceled',
      );
      expect(till.balance('card_clearing', 'stripe')).toBe(0n);
      // Try again with another card.
      const second = await payByCard(orderId);
      await tap('5555555555554444');
      await settled(second.payment.id);
      expect(await order(orderId)).toMatchObject({ status: 'paid', paidMinor: '2500' });
    },
  );

  it('is declined by an amount ending the reader declines (10.05: generic_decline)', async () => {
    const orderId = await giftOrder();
    const started = await payByCard(orderId, 1005n);
    await tap();
    await settled(started.payment.id);
    expect(till.core.payments.get(started.payment.id)).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('generic_decline'),
      details: expect.objectContaining({ declineCode: 'generic_decline' }),
    });
  });

  it('is cancelled while the reader waits: the reader stops and the PaymentIntent is released', async () => {
    const orderId = await giftOrder();
    const started = await payByCard(orderId);
    const canceled = await till.core.call(
      'payments.cancel',
      { paymentId: started.payment.id },
      till.cashier.session,
    );
    expect(canceled.payment.status).toBe('canceled');
    expect(canceled.order).toMatchObject({ status: 'open', amountDueMinor: '2500' });
    expect(((await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader).action).toBeNull();
    expect((await stripe.paymentIntents.retrieve(started.payment.externalId as string)).status).toBe(
      'canceled',
    );
    // A tap now finds nothing to pay.
    await expect(tap()).rejects.toThrow(/no payment in progress/);
    expect(till.balance('card_clearing', 'stripe')).toBe(0n);
  });

  it('fails at once when the reader is offline, and the PaymentIntent is released', async () => {
    kit.sim.readers.setStatus(readerId, 'offline');
    const orderId = await giftOrder();
    const started = await payByCard(orderId);
    expect(started.payment).toMatchObject({ status: 'failed', message: expect.stringMatching(/offline/) });
    expect((await stripe.paymentIntents.retrieve(started.payment.externalId as string)).status).toBe(
      'canceled',
    );
  });

  it('fails at once when the reader is busy with another payment', async () => {
    const other = await stripe.paymentIntents.create({
      amount: 700,
      currency: 'usd',
      allowed_payment_method_types: ['card_present'],
      capture_method: 'manual',
    });
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: other.id });
    const started = await payByCard(await giftOrder());
    expect(started.payment).toMatchObject({ status: 'failed', message: expect.stringMatching(/busy/) });
  });

  it('fails with the reader’s words when the customer cancels on the reader', async () => {
    const started = await payByCard(await giftOrder());
    kit.sim.readers.customerCancels(readerId);
    await settled(started.payment.id);
    expect(till.core.payments.get(started.payment.id)).toMatchObject({
      status: 'failed',
      message: 'The customer cancelled on the reader.',
    });
    expect((await stripe.paymentIntents.retrieve(started.payment.externalId as string)).status).toBe(
      'canceled',
    );
  });

  it('keeps following through Stripe errors and a reader gone offline, and says so meanwhile', async () => {
    const started = await payByCard(await giftOrder());
    const seen: (string | null)[] = [];
    till.core.events.on('payment.updated', (event) => seen.push(event.message));
    kit.sim.addFault({
      method: 'GET',
      path: /^\/v1\/terminal\/readers\//,
      times: 6,
      fault: { kind: 'error500' },
    });
    kit.sim.readers.setStatus(readerId, 'offline');
    await expect
      .poll(() => seen.some((m) => m !== null && /offline/.test(m)), { timeout: 20_000, interval: 10 })
      .toBe(true);
    expect(till.core.payments.get(started.payment.id)?.status).toBe('pending');
    kit.sim.readers.setStatus(readerId, 'online');
    await tap();
    await settled(started.payment.id);
    expect(till.core.payments.get(started.payment.id)?.status).toBe('succeeded');
  });

  it('a network fault on create is retried with the same key: one PaymentIntent', async () => {
    kit.sim.addFault({ method: 'POST', path: '/v1/payment_intents', fault: { kind: 'drop', when: 'after' } });
    const orderId = await giftOrder();
    const started = await payByCard(orderId);
    expect(started.payment.status).toBe('pending');
    expect(kit.sim.requests.filter((r) => r === 'POST /v1/payment_intents')).toHaveLength(2);
    expect(kit.sim.store.all('payment_intent')).toHaveLength(1);
    await tap();
    await settled(started.payment.id);
    expect(await order(orderId)).toMatchObject({ status: 'paid' });
  });

  it('takes a tip the customer adds on the reader, and the order’s tip grows by it', async () => {
    setup = { secretKey: testKey, readerId, tipOnReader: true };
    const orderId = await giftOrder();
    const started = await payByCard(orderId);
    const action = ((await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader).action;
    expect(action?.process_payment_intent?.process_config).toMatchObject({
      tipping: { amount_eligible: 2500 },
    });
    await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, { amount_tip: 300 });
    await settled(started.payment.id);
    expect(till.core.payments.get(started.payment.id)).toMatchObject({
      status: 'succeeded',
      amountMinor: 2800n,
    });
    const paid = await order(orderId);
    expect(paid).toMatchObject({ status: 'paid', paidMinor: '2800', amountDueMinor: '0' });
    expect(paid.totals).toMatchObject({ tipMinor: '300', totalMinor: '2800' });
    expect(await stripe.paymentIntents.retrieve(started.payment.externalId as string)).toMatchObject({
      status: 'succeeded',
      amount_received: 2800,
    });
    expect(till.balance('card_clearing', 'stripe')).toBe(2800n);
    expect(till.balance('tips_payable')).toBe(-300n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
    // With the tip screen off the reader asks for none.
    setup = { secretKey: testKey, readerId, tipOnReader: false };
    const second = await payByCard(await giftOrder());
    await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, { amount_tip: 300 });
    await settled(second.payment.id);
    expect(till.core.payments.get(second.payment.id)).toMatchObject({
      status: 'succeeded',
      amountMinor: 2500n,
    });
  });

  it('is refunded in part and then in full through Stripe', async () => {
    const orderId = await giftOrder(2);
    const started = await payByCard(orderId);
    await tap();
    await settled(started.payment.id);
    const piId = started.payment.externalId as string;
    const lineId = (await order(orderId)).lines[0]?.id ?? '';
    const refund = async (quantity: number) =>
      till.core.call(
        'orders.refund',
        {
          orderId,
          lines: [{ lineId, quantity }],
          reason: 'returned',
          approval: await till.approve('refund', orderId),
        },
        till.cashier.session,
      );
    const partial = await refund(1);
    expect(partial.refund).toMatchObject({ status: 'succeeded', amountMinor: '2500', tender: 'card' });
    expect((await stripe.charges.list({ payment_intent: piId })).data[0]).toMatchObject({
      amount_refunded: 2500,
      refunded: false,
    });
    const rest = await refund(1);
    expect(rest.refund.status).toBe('succeeded');
    expect(rest.order.status).toBe('refunded');
    expect((await stripe.charges.list({ payment_intent: piId })).data[0]).toMatchObject({
      amount_refunded: 5000,
      refunded: true,
    });
    const refunds = await stripe.refunds.list({ payment_intent: piId });
    expect(refunds.data.map((r) => r.amount).sort()).toEqual([2500, 2500]);
    expect(till.balance('card_clearing', 'stripe')).toBe(0n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });
});
