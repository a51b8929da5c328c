/**
 * Card refunds that Stripe processes later: the refund comes back `pending` (as live card refunds
 * often do), the order shows it on its way, the card tender follows it, and once Stripe says
 * `succeeded` the refund is finished, the order says so and `order.updated` tells the screens.
 * The simulator's clock is moved by hand: no waiting on real time.
 */
import type Stripe from 'stripe';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSimKit, simulatedReader, testKey, type SimKit } from '../../../test/stripe-sim/simKit';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createCardTender, type CardTender } from './cardTender';

let kit: SimKit;
let stripe: Stripe;
let readerId: string;
let tender: CardTender;
let till: SalesTill;
let clockMs = Date.UTC(2026, 11, 7, 5, 0, 0);

beforeEach(async () => {
  kit = await openSimKit({ now: () => clockMs, refundPendingMs: 60_000 });
  stripe = kit.stripe;
  ({ readerId } = await simulatedReader(stripe));
  tender = createCardTender({
    setup: () => ({ secretKey: testKey, readerId }),
    api: kit.sim.clientOptions,
    pollMs: 5,
  });
  till = await openSalesTill({ tenders: [tender] });
  await till.openShift();
});
afterEach(async () => {
  tender.stop();
  await till.close();
  await kit.close();
});

const order = async (orderId: string) =>
  (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;

async function paidByCard(quantity: number): Promise<{ orderId: string; lineId: string; piId: string }> {
  const orderId = await till.newOrder();
  await till.add(orderId, till.gift, quantity);
  const started = await till.core.call(
    'payments.start',
    { orderId, paymentId: ulid(), tender: 'card' },
    till.cashier.session,
  );
  await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
    card_present: { number: '4242424242424242' },
  });
  await expect
    .poll(async () => (await order(orderId)).status, { timeout: 20_000, interval: 10 })
    .toBe('paid');
  return {
    orderId,
    lineId: (await order(orderId)).lines[0]?.id ?? '',
    piId: started.payment.externalId as string,
  };
}

describe('a card refund Stripe processes later', () => {
  it('is pending on the order until Stripe says succeeded, then finished, with order.updated', async () => {
    const { orderId, lineId, piId } = await paidByCard(2);
    const updates: string[] = [];
    const stop = till.core.events.on('order.updated', (payload) => updates.push(payload.orderId));
    const result = await till.core.call(
      'orders.refund',
      {
        orderId,
        lines: [{ lineId, quantity: 1 }],
        reason: 'returned',
        approval: await till.approve('refund', orderId),
      },
      till.cashier.session,
    );
    expect(result.refund).toMatchObject({ status: 'pending', tender: 'card', amountMinor: '2500' });
    expect(result.refund.shares[0]).toMatchObject({ status: 'pending', kind: 'card' });
    expect((await order(orderId)).refunds[0]?.status).toBe('pending');
    const made = await stripe.refunds.list({ payment_intent: piId });
    expect(made.data.map((r) => r.status)).toEqual(['pending']);

    clockMs += 61_000; // Stripe finishes it.
    await expect
      .poll(async () => (await order(orderId)).refunds[0]?.status, { timeout: 20_000, interval: 10 })
      .toBe('succeeded');
    const after = await order(orderId);
    expect(after.refunds[0]?.shares[0]).toMatchObject({ status: 'succeeded' });
    expect(after).toMatchObject({ status: 'partially_refunded', refundedMinor: '2500' });
    expect(updates.filter((id) => id === orderId).length).toBeGreaterThan(0);
    expect((await stripe.refunds.list({ payment_intent: piId })).data[0]?.status).toBe('succeeded');
    expect(till.balance('card_clearing', 'stripe')).toBe(2500n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
    stop();
  });
});
