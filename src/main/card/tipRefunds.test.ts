/**
 * Refunds of card sales with a tip the customer added on the reader: the tip goes back with the
 * refund that completes the order (the orders domain's rule), through Stripe with the rest, and the
 * tip's liability (`tips_payable`) is reversed; a partial refund before it keeps the tip; split with
 * cash, each tender gives back no more than it kept. Against the Stripe simulator through the real
 * `stripe` package.
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

beforeEach(async () => {
  kit = await openSimKit();
  stripe = kit.stripe;
  ({ readerId } = await simulatedReader(stripe));
  tender = createCardTender({
    setup: () => ({ secretKey: testKey, readerId, tipOnReader: true }),
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

/** Gift cards ($25, no tax) paid by card with `tipMinor` added on the reader (after `cashMinor` in cash). */
async function tippedSale(quantity: number, tipMinor: number, cashMinor = 0n) {
  const orderId = await till.newOrder();
  await till.add(orderId, till.gift, quantity);
  if (cashMinor > 0n) await till.payCash(orderId, cashMinor, cashMinor);
  const started = await till.core.call(
    'payments.start',
    { orderId, paymentId: ulid(), tender: 'card' },
    till.cashier.session,
  );
  await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, { amount_tip: tipMinor });
  await expect
    .poll(async () => (await order(orderId)).status, { timeout: 20_000, interval: 10 })
    .toBe('paid');
  const paid = await order(orderId);
  expect(paid.totals.tipMinor).toBe(String(tipMinor));
  return { orderId, lineId: paid.lines[0]?.id ?? '', piId: started.payment.externalId as string };
}

const refund = async (orderId: string, lineId: string, quantity: number, tender?: string) =>
  till.core.call(
    'orders.refund',
    {
      orderId,
      lines: [{ lineId, quantity }],
      reason: 'returned',
      ...(tender ? { tender } : {}),
      approval: await till.approve('refund', orderId),
    },
    till.cashier.session,
  );

const stripeRefunded = async (piId: string) =>
  (await stripe.charges.list({ payment_intent: piId })).data[0]?.amount_refunded;

describe('refunding a card sale with a tip added on the reader', () => {
  it('a full refund gives back the tip through Stripe and reverses tips_payable', async () => {
    const { orderId, lineId, piId } = await tippedSale(1, 300);
    expect(till.balance('tips_payable')).toBe(-300n);
    const quote = await till.core.call(
      'orders.refundQuote',
      { orderId, lines: [{ lineId, quantity: 1 }] },
      till.cashier.session,
    );
    expect(quote).toMatchObject({ amountMinor: '2800', tipMinor: '300' });

    const done = await refund(orderId, lineId, 1);
    expect(done.refund).toMatchObject({
      status: 'succeeded',
      amountMinor: '2800',
      tipMinor: '300',
      tender: 'card',
    });
    expect(done.order.status).toBe('refunded');
    expect(await stripeRefunded(piId)).toBe(2800);
    expect(till.balance('tips_payable')).toBe(0n);
    expect(till.balance('card_clearing', 'stripe')).toBe(0n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('a partial refund keeps the tip; the refund that completes the order gives it back', async () => {
    const { orderId, lineId, piId } = await tippedSale(2, 450);
    const first = await refund(orderId, lineId, 1);
    expect(first.refund).toMatchObject({ status: 'succeeded', amountMinor: '2500', tipMinor: '0' });
    expect(till.balance('tips_payable')).toBe(-450n);
    expect(await stripeRefunded(piId)).toBe(2500);

    const rest = await refund(orderId, lineId, 1);
    expect(rest.refund).toMatchObject({ status: 'succeeded', amountMinor: '2950', tipMinor: '450' });
    expect(rest.order).toMatchObject({ status: 'refunded', refundedMinor: '5450' });
    expect(await stripeRefunded(piId)).toBe(5450);
    expect(till.balance('tips_payable')).toBe(0n);
    expect(till.balance('card_clearing', 'stripe')).toBe(0n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('split with cash: each tender gives back what it kept, the tip with the card', async () => {
    // $50 of gift cards: $20 in cash, $30 by card with a $3 tip on the reader (the card takes $33).
    const { orderId, lineId, piId } = await tippedSale(2, 300, 2000n);
    const paid = await order(orderId);
    expect(paid.payments.map((p) => [p.kind, p.amountMinor]).sort()).toEqual([
      ['card', '3300'],
      ['cash', '2000'],
    ]);
    const done = await refund(orderId, lineId, 2, 'card');
    expect(done.refund).toMatchObject({ status: 'succeeded', amountMinor: '5300', tipMinor: '300' });
    const byKind = Object.fromEntries(done.refund.shares.map((s) => [s.kind, s.amountMinor]));
    expect(byKind).toEqual({ card: '3300', cash: '2000' });
    expect(await stripeRefunded(piId)).toBe(3300);
    expect(till.balance('tips_payable')).toBe(0n);
    expect(till.balance('card_clearing', 'stripe')).toBe(0n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('a tip set at the till and one added on the reader both go back with the full refund', async () => {
    await till.core.call('settings.update', { tipsEnabled: true }, till.owner.session);
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift, 1);
    await till.core.call(
      'orders.setTip',
      { orderId, tip: { kind: 'amount', amount: '100' } },
      till.cashier.session,
    );
    const started = await till.core.call(
      'payments.start',
      { orderId, paymentId: ulid(), tender: 'card' },
      till.cashier.session,
    );
    await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, { amount_tip: 200 });
    await expect
      .poll(async () => (await order(orderId)).status, { timeout: 20_000, interval: 10 })
      .toBe('paid');
    const paid = await order(orderId);
    expect(paid.totals).toMatchObject({ tipMinor: '300', totalMinor: '2800' });
    expect(till.balance('tips_payable')).toBe(-300n);
    const done = await refund(orderId, paid.lines[0]?.id ?? '', 1);
    expect(done.refund).toMatchObject({ status: 'succeeded', amountMinor: '2800', tipMinor: '300' });
    expect(await stripeRefunded(started.payment.externalId as string)).toBe(2800);
    expect(till.balance('tips_payable')).toBe(0n);
    expect(till.balance('card_clearing', 'stripe')).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });
});
