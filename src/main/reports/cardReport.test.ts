/**
 * Card fees and payouts against the Stripe simulator reached by the real `stripe` package: charges and
 * a refund with their fees, a payout of exactly their net, and a charge after it, left for the next.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSimKit, simulatedReader, type SimKit } from '../../../test/stripe-sim/simKit';
import { applyMigrations, migrations, openDatabase, type Db } from '../kernel';
import { cardTables } from './cardReport';
import { createStoreTime } from './storeTime';

let kit: SimKit;
let db: Db;
let dir: string;

async function charge(readerId: string, amount: number): Promise<string> {
  const pi = await kit.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    allowed_payment_method_types: ['card_present'],
    capture_method: 'manual',
  });
  await kit.stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
  await kit.stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {});
  await kit.stripe.paymentIntents.capture(pi.id);
  return pi.id;
}

beforeAll(async () => {
  kit = await openSimKit();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-card-report-'));
  db = openDatabase(dir);
  applyMigrations(db, migrations, () => new Date());
});
afterAll(async () => {
  db.close();
  await kit.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('card fees and payouts', () => {
  it('lists each charge and refund with its fee, and a payout with the transactions it paid out', async () => {
    const { readerId } = await simulatedReader(kit.stripe);
    const first = await charge(readerId, 2500);
    await charge(readerId, 1000);
    await kit.stripe.refunds.create({ payment_intent: first, amount: 500 });
    const nets = (await kit.stripe.balanceTransactions.list({ limit: 100 })).data.reduce(
      (sum, t) => sum + t.net,
      0,
    );
    const payout = await kit.stripe.payouts.create({ amount: nets, currency: 'usd' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await charge(readerId, 700);
    const day = new Date().toISOString().slice(0, 10);
    const [fees, payouts] = await cardTables(db, createStoreTime('UTC'), { from: day, to: day }, kit.stripe);
    const charges = fees!.rows.filter((r) => r.type === 'charge');
    expect(charges.map((r) => r.amount).sort()).toEqual(['1000', '2500', '700']);
    for (const row of charges)
      expect(row.fee).toBe(String(Math.floor((Number(row.amount) * 27 + 500) / 1000) + 5));
    expect(fees!.rows.filter((r) => r.type === 'refund')).toHaveLength(1);
    expect(charges.find((r) => r.amount === '700')?.payout).toBe('');
    expect(charges.find((r) => r.amount === '2500')?.payout).toBe(payout.id);
    expect(payouts!.rows).toEqual([
      expect.objectContaining({
        payout: payout.id,
        transactions: 3,
        paidOut: String(nets),
        balanceNet: String(nets),
        difference: '0',
      }),
    ]);
  });

  it('says Stripe is not set up when there is no key', async () => {
    const day = new Date().toISOString().slice(0, 10);
    await expect(cardTables(db, createStoreTime('UTC'), { from: day, to: day }, null)).rejects.toThrow(
      /not set up/,
    );
  });
});
