/**
 * The coin rule: a customer's coins spent at two tills while both are offline never take the balance
 * below zero. Each till spends only what the central database leased to it; the leases together never
 * exceed the balance; a spend beyond the allowance is refused in its own transaction.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { addTill, createSyncWorker, decideCoinSpend, pgClientConfig } from '../../src/main/sync';
import { leaseRequestUnits, recordGrant } from '../../src/main/sync/coinRule';
import { confirm, confirmedSeq, newestSeq, readBatch, setCoinRule } from '../../src/main/sync/outboxStore';
import { pushBatch } from '../../src/main/sync/push';
import { createCentralDb, runStoreId, type CentralDb } from './centralDb';
import { openLocalTill, type LocalTill } from './localTill';

let central: CentralDb;
beforeAll(async () => {
  central = await createCentralDb();
}, 60_000);
afterAll(async () => {
  await central?.close();
});

describe('decideCoinSpend', () => {
  it.each([
    { ruleOn: false, spend: 500n, granted: 0n, spent: 0n, allowed: true },
    { ruleOn: true, spend: 10n, granted: 10n, spent: 0n, allowed: true },
    { ruleOn: true, spend: 11n, granted: 10n, spent: 0n, allowed: false },
    { ruleOn: true, spend: 5n, granted: 10n, spent: 6n, allowed: false },
    { ruleOn: true, spend: 4n, granted: 10n, spent: 6n, allowed: true },
  ])(
    'rule $ruleOn, spend $spend of $granted − $spent → $allowed',
    ({ ruleOn, spend, granted, spent, allowed }) => {
      expect(
        decideCoinSpend({ ruleOn, spendUnits: spend, grantedUnits: granted, spentUnits: spent }).allowed,
      ).toBe(allowed);
    },
  );
  it.each([
    { target: 100n, granted: 0n, spent: 0n, ask: 100n },
    { target: 100n, granted: 100n, spent: 30n, ask: 30n },
    { target: 100n, granted: 150n, spent: 10n, ask: 0n },
  ])('tops $granted − $spent up to $target: asks $ask', ({ target, granted, spent, ask }) => {
    expect(leaseRequestUnits(target, granted, spent)).toBe(ask);
  });
});

async function push(till: LocalTill, storeId: string, tillId: string) {
  const admin = await central.admin();
  const rows = readBatch(till.db, confirmedSeq(till.db), 100_000);
  if (rows.length > 0) {
    const head = await pushBatch(admin, { storeId, tillId }, rows);
    confirm(till.db, head, new Date().toISOString());
  }
  await admin.end();
}

async function lease(storeId: string, tillId: string, customer: string, wanted: bigint): Promise<bigint> {
  const admin = await central.admin();
  const result = await admin.query<{ total: string }>(
    'SELECT tillpoint.lease_coins($1, $2, $3, $4) AS total',
    [storeId, tillId, customer, wanted.toString()],
  );
  await admin.end();
  return BigInt(result.rows[0]?.total ?? '0');
}

async function centralBalance(storeId: string, customer: string): Promise<bigint> {
  const admin = await central.admin();
  const result = await admin.query<{ b: string }>('SELECT tillpoint.coin_balance($1, $2)::text AS b', [
    storeId,
    customer,
  ]);
  await admin.end();
  return BigInt(result.rows[0]?.b ?? '0');
}

describe('the coin rule across two offline tills', () => {
  it('refuses a spend beyond the allowance in its own transaction, and logs the allowance after the spend', async () => {
    const till = openLocalTill();
    try {
      till.topUp('cust-1', 100n);
      setCoinRule(till.db, true);
      const before = till.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get();
      expect(() => till.spend('cust-1', 5n)).toThrow(/coin_allowance_short/);
      expect(till.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(before);
      recordGrant(till.db, 'cust-1', 20n, new Date().toISOString());
      till.spend('cust-1', 15n);
      expect(() => till.spend('cust-1', 6n)).toThrow(/coin_allowance_short/);
      till.spend('cust-1', 5n);
      const tail = till.db
        .prepare('SELECT table_name FROM sync_outbox ORDER BY seq DESC LIMIT 2')
        .pluck()
        .all()
        .reverse();
      expect(tail).toEqual(['ledger_transfers', 'sync_coin_allowances']);
      expect(
        till.db
          .prepare("SELECT spent_units FROM sync_coin_allowances WHERE customer_id = 'cust-1'")
          .pluck()
          .get(),
      ).toBe(20);
    } finally {
      till.close();
    }
  });

  it('never lets two tills spend more than the balance, whatever they try offline', async () => {
    const storeId = runStoreId(central, 'coins');
    const admin = pgClientConfig({ databaseUrl: central.url });
    await addTill(admin, { storeId, tillId: 'a' });
    await addTill(admin, { storeId, tillId: 'b' });
    const a = openLocalTill();
    const b = openLocalTill();
    const tills = [
      { till: a, id: 'a' },
      { till: b, id: 'b' },
    ];
    try {
      // The customer bought 100 coins at till a. Till b was told the balance (a mirror the central
      // database already knows, not a new top-up), so each till alone would let all 100 go.
      a.topUp('cust', 100n);
      b.ensureCustomer('cust');
      for (const { till, id } of tills) {
        setCoinRule(till.db, true);
        await push(till, storeId, id);
      }
      setCoinRule(b.db, false);
      b.topUp('cust', 100n);
      setCoinRule(b.db, true);
      const mirrored = newestSeq(b.db);
      confirm(b.db, mirrored, new Date().toISOString());
      const adminClient = await central.admin();
      await adminClient.query(
        "UPDATE tillpoint.tills SET last_seq = $1 WHERE store_id = $2 AND till_id = 'b'",
        [mirrored, storeId],
      );
      await adminClient.end();
      expect(await centralBalance(storeId, 'cust')).toBe(100n);
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              at: fc.constantFrom(0, 1),
              coins: fc.integer({ min: 1, max: 40 }),
              lease: fc.boolean(),
            }),
            {
              minLength: 1,
              maxLength: 30,
            },
          ),
          async (steps) => {
            for (const step of steps) {
              const { till, id } = tills[step.at] as (typeof tills)[number];
              if (step.lease) {
                // Online for a moment: push, then top the allowance up to 50.
                await push(till, storeId, id);
                const row = till.db
                  .prepare(
                    "SELECT granted_units AS g, spent_units AS s FROM sync_coin_allowances WHERE customer_id = 'cust'",
                  )
                  .get() as { g: number; s: number } | undefined;
                const wanted = leaseRequestUnits(50n, BigInt(row?.g ?? 0), BigInt(row?.s ?? 0));
                if (wanted > 0n)
                  recordGrant(
                    till.db,
                    'cust',
                    await lease(storeId, id, 'cust', wanted),
                    new Date().toISOString(),
                  );
              } else {
                // Offline: spend if the rule (and the till's own balance) allow it.
                try {
                  till.spend('cust', BigInt(step.coins));
                } catch (error) {
                  expect((error as Error).message).toMatch(/coin_allowance_short|insufficient|exceed/i);
                }
              }
            }
            // Spent at both tills together never beyond what the customer had.
            const spent = tills.reduce(
              (sum, { till }) =>
                sum +
                BigInt(
                  till.db
                    .prepare(
                      "SELECT COALESCE(sum(CAST(amount AS INTEGER)), 0) FROM ledger_transfers WHERE code = 'coins_spent'",
                    )
                    .pluck()
                    .get() as number,
                ),
              0n,
            );
            expect(spent).toBeLessThanOrEqual(100n);
          },
        ),
        { numRuns: 15 },
      );
      for (const { till, id } of tills) await push(till, storeId, id);
      expect(await centralBalance(storeId, 'cust')).toBeGreaterThanOrEqual(0n);
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);

  it('the workers lease allowances by themselves, never more between them than the balance', async () => {
    const storeId = runStoreId(central, 'lease');
    const admin = pgClientConfig({ databaseUrl: central.url });
    const roleA = await addTill(admin, { storeId, tillId: 'a' });
    const roleB = await addTill(admin, { storeId, tillId: 'b' });
    const a = openLocalTill();
    const b = openLocalTill();
    const workerFor = (till: LocalTill, tillId: string, role: string, coinLeaseUnits: number) =>
      createSyncWorker({
        db: till.db,
        logger: pino({ level: 'silent' }),
        now: () => new Date(),
        config: { databaseUrl: central.urlAs(role), storeId, tillId, coinLeaseUnits, pollMs: 20 },
        leaseEveryMs: 0,
      });
    const granted = (till: LocalTill) =>
      till.db
        .prepare("SELECT granted_units FROM sync_coin_allowances WHERE customer_id = 'cust'")
        .pluck()
        .get();
    const workers = [workerFor(a, 'a', roleA.role, 30), workerFor(b, 'b', roleB.role, 100)];
    try {
      a.topUp('cust', 100n);
      b.ensureCustomer('cust');
      await workers[0]?.start();
      await expect.poll(() => granted(a), { timeout: 10_000 }).toBe(30);
      await workers[1]?.start();
      await expect.poll(() => granted(b), { timeout: 10_000 }).toBe(70);
      // Till a spends 20 of its 30; once that is pushed, a tops up again from what b left: nothing.
      a.spend('cust', 20n);
      expect(await workers[0]?.drained(10_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(granted(a)).toBe(30);
      expect(await centralBalance(storeId, 'cust')).toBe(80n);
    } finally {
      for (const worker of workers) await worker?.stop();
      a.close();
      b.close();
    }
  }, 60_000);
});
