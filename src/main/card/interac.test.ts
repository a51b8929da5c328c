/**
 * Interac debit in Canadian dollars on the simulated reader: captured at once (manual_preferred),
 * and refunded in person on the reader, found again by the share id after a restart.
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
let setup: { secretKey: string; readerId: string | null; tipOnReader?: boolean } | null;

function cardTenderFor(
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

describe('Interac on a Stripe Terminal reader', () => {
  it('takes Interac in Canadian dollars, captured at once (manual_preferred)', async () => {
    const reports: string[] = [];
    const stop = tender.onUpdate((update) => {
      if ('payment' in update) reports.push(update.payment.status);
    });
    const request = {
      paymentId: ulid(),
      orderId: ulid(),
      currency: 'CAD',
      dueMinor: 1500n,
      staffId: till.cashier.staffId,
      shiftId: 'shift',
    };
    const first = await tender.start(request, tender.plan(request));
    expect(first.status).toBe('pending');
    await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
      card_present: { number: '4506445006931933' },
    });
    await expect.poll(() => reports.at(-1), { timeout: 20_000, interval: 10 }).toBe('succeeded');
    expect(kit.sim.requests.filter((r) => r.endsWith('/capture'))).toHaveLength(0);

    // Interac is refunded in person: the reader waits for the card, then Stripe makes the refund.
    const refunds: string[] = [];
    const stopRefunds = tender.onUpdate((update) => {
      if ('refund' in update) refunds.push(update.refund.status);
    });
    const share = {
      shareId: ulid(),
      refundId: ulid(),
      paymentId: request.paymentId,
      orderId: request.orderId,
      currency: 'CAD',
      amountMinor: 500n,
      externalId: first.externalId ?? null,
      staffId: request.staffId,
      shiftId: 'shift',
    };
    const asked = await tender.refund(share);
    expect(asked).toMatchObject({
      status: 'pending',
      message: expect.stringMatching(/tap their Interac card/),
    });
    expect(
      ((await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader).action,
    ).toMatchObject({
      type: 'refund_payment',
      status: 'in_progress',
    });
    await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
      card_present: { number: '4506445006931933' },
    });
    await expect.poll(() => refunds.at(-1), { timeout: 20_000, interval: 10 }).toBe('succeeded');
    expect(
      (await stripe.refunds.list({ payment_intent: first.externalId as string })).data.map((r) => r.amount),
    ).toEqual([500]);
    // After a restart it is found again by the share id (no second refund).
    const restarted = cardTenderFor(
      kit.sim,
      () => setup,
      () => first.externalId ?? null,
    );
    const again = await restarted.refundStatus({
      shareId: share.shareId,
      refundId: share.refundId,
      paymentId: share.paymentId,
      amountMinor: share.amountMinor,
      externalId: null,
    });
    restarted.stop();
    expect(again.status).toBe('succeeded');
    expect(kit.sim.store.all('refund')).toHaveLength(1);
    stopRefunds();
    stop();
    expect(await stripe.paymentIntents.retrieve(first.externalId as string)).toMatchObject({
      status: 'succeeded',
      currency: 'cad',
      amount_received: 1500,
    });
  });
});
