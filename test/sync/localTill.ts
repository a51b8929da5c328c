/** A till's database without a core: migrations and the ledger, for sync tests at the database level. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monotonicFactory } from 'ulid';
import { applyMigrations, migrations, openDatabase, type Db } from '../../src/main/kernel';
import { createLedger } from '../../src/main/ledger';

const ulid = monotonicFactory();

export interface LocalTill {
  readonly db: Db;
  readonly dir: string;
  /** Writes `count` sales (cash → revenue), one transfer each, in one transaction. */
  sales(count: number, amountMinor?: bigint): void;
  /** Puts coins on a customer's account (issued → customer, `coins_bought`). */
  topUp(customerId: string, coins: bigint): void;
  /** Opens the customer's coin account. */
  ensureCustomer(customerId: string): void;
  /** Spends a customer's coins (customer → issued, `coins_spent`); throws when refused. */
  spend(customerId: string, coins: bigint): void;
  close(): void;
}

export function openLocalTill(): LocalTill {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-sync-db-'));
  const db = openDatabase(dir);
  applyMigrations(db, migrations, () => new Date());
  const ledger = createLedger(db);
  const cash = ledger.ensureAccount({ asset: 'USD', code: 'cash_drawer', ref: 'bench' }).id;
  const revenue = ledger.ensureAccount({ asset: 'USD', code: 'sales_revenue' }).id;
  const issued = () => ledger.ensureAccount({ asset: 'COIN', code: 'coins_issued' }).id;
  const customer = (id: string) =>
    ledger.ensureAccount({
      asset: 'COIN',
      code: 'coins_customer',
      ref: id,
      flags: { debitsMustNotExceedCredits: true },
    }).id;
  return {
    db,
    dir,
    sales(count, amountMinor = 1250n) {
      for (let done = 0; done < count; done += 1000) {
        const groups = [];
        for (let i = done; i < Math.min(count, done + 1000); i += 1) {
          groups.push([
            {
              id: ulid(),
              debitAccountId: cash,
              creditAccountId: revenue,
              amount: amountMinor,
              asset: 'USD',
              code: 'sale',
              ref: `order:${i}`,
            },
          ]);
        }
        ledger.submit(groups);
      }
    },
    ensureCustomer(customerId) {
      customer(customerId);
    },
    topUp(customerId, coins) {
      ledger.submitOne([
        {
          id: ulid(),
          debitAccountId: issued(),
          creditAccountId: customer(customerId),
          amount: coins,
          asset: 'COIN',
          code: 'coins_bought',
          ref: `customer:${customerId}`,
        },
      ]);
    },
    spend(customerId, coins) {
      ledger.submitOne([
        {
          id: ulid(),
          debitAccountId: customer(customerId),
          creditAccountId: issued(),
          amount: coins,
          asset: 'COIN',
          code: 'coins_spent',
          ref: `customer:${customerId}`,
        },
      ]);
    },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
