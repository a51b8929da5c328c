/**
 * Top-ups paid by a tender that settles later (a card reader, a chain): the coins post only when the
 * payment succeeds, never when it fails; a void of a sale paid partly with coins gives them back.
 */
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeferredTender, type DeferredTender } from '../payments';
import { openCoinsTill, type CoinsTill } from './coinsTestKit';

let till: CoinsTill;
let tender: DeferredTender;
beforeEach(async () => {
  tender = createDeferredTender('deferred');
  till = await openCoinsTill({ tenders: [tender] });
  await till.openShift();
});
afterEach(() => till.close());

async function topUpOrder(customerId: string): Promise<string> {
  const orderId = await till.newOrder();
  await till.core.call(
    'coins.addTopUp',
    { orderId, packageId: await till.packageId('Reader'), customerId },
    till.cashier.session,
  );
  return orderId;
}

const startDeferred = (orderId: string, paymentId: string) =>
  till.core.call('payments.start', { orderId, paymentId, tender: 'deferred' }, till.cashier.session);

describe('a top-up paid by a tender that settles later', () => {
  it('posts its coins only when the payment succeeds', async () => {
    const ann = await till.customer('Ann');
    const orderId = await topUpOrder(ann);
    const paymentId = ulid();
    const started = await startDeferred(orderId, paymentId);
    expect(started.payment.status).toBe('pending');
    expect((await till.coins(ann)).balance).toBe('0');
    tender.resolve(paymentId, 'succeeded');
    await expect.poll(async () => (await till.coins(ann)).balance).toBe('525');
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('credits nothing when the payment fails, and the top-up can be paid again', async () => {
    const ann = await till.customer('Ann');
    const orderId = await topUpOrder(ann);
    const failed = ulid();
    await startDeferred(orderId, failed);
    tender.resolve(failed, 'failed', 'Declined');
    await expect
      .poll(
        async () =>
          (await till.core.call('payments.get', { paymentId: failed }, till.cashier.session)).payment.status,
      )
      .toBe('failed');
    expect((await till.coins(ann)).balance).toBe('0');
    await till.payCash(orderId, 499n);
    expect((await till.coins(ann)).balance).toBe('525');
  });
});

describe('a void of a sale paid partly with coins', () => {
  it('gives the coins back', async () => {
    const ann = await till.customer('Ann');
    await till.topUp(ann, 'Reader');
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee);
    await till.core.call('orders.setCustomer', { orderId, customerId: ann }, till.cashier.session);
    await till.core.call('payments.start', { orderId, tender: 'coins', amount: '100' }, till.cashier.session);
    expect((await till.coins(ann)).balance).toBe('425');
    await till.core.call('orders.void', { orderId, reason: 'customer left' }, till.manager.session);
    expect((await till.coins(ann)).balance).toBe('525');
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });
});
