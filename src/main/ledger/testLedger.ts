/**
 * For tests (the ledger's and other domains'): a ledger on a real SQLite file in a fresh temp
 * folder, with the core's migrations applied and a clock the test moves by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db, applyMigrations, migrations } from '../kernel';
import { createLedger } from './ledger';
import { type Ledger } from './types';

export interface ManualClock {
  now(): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string = '2026-11-21T12:00:00.000Z'): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface TestLedger {
  db: Db;
  ledger: Ledger;
  clock: ManualClock;
  dir: string;
  /** Closes the database and removes the folder. */
  close(): void;
}

export function openTestLedger(clock: ManualClock = manualClock()): TestLedger {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-ledger-'));
  const db = openDatabase(dir);
  applyMigrations(db, migrations, clock.now);
  const ledger = createLedger(db, { now: clock.now });
  return {
    db,
    ledger,
    clock,
    dir,
    close() {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small chart of accounts for tests: a USD till, a customer's coins, a BTC wallet. */
export interface SampleAccounts {
  cash: string;
  card: string;
  revenue: string;
  tax: string;
  tips: string;
  /** USD, creditsMustNotExceedDebits: an advance to a vendor, never credited past what was debited. */
  vendorAdvance: string;
  /** COINS, debitsMustNotExceedCredits: customer c1's coin balance. */
  customerCoins: string;
  coinsLiability: string;
  btcWallet: string;
  btcClearing: string;
}

export function sampleAccounts(ledger: Ledger): SampleAccounts {
  const usd = (code: string, ref = '') => ledger.ensureAccount({ asset: 'USD', code, ref }).id;
  return {
    cash: usd('cash_drawer'),
    card: usd('stripe_clearing'),
    revenue: usd('sales_revenue'),
    tax: usd('tax_payable'),
    tips: usd('tips_payable'),
    vendorAdvance: ledger.ensureAccount({
      asset: 'USD',
      code: 'vendor_advance',
      ref: 'v1',
      flags: { creditsMustNotExceedDebits: true },
    }).id,
    customerCoins: ledger.ensureAccount({
      asset: 'COINS',
      code: 'customer_coins',
      ref: 'c1',
      flags: { debitsMustNotExceedCredits: true },
    }).id,
    coinsLiability: ledger.ensureAccount({ asset: 'COINS', code: 'coins_liability' }).id,
    btcWallet: ledger.ensureAccount({ asset: 'BTC', code: 'btc_wallet' }).id,
    btcClearing: ledger.ensureAccount({ asset: 'BTC', code: 'btc_clearing' }).id,
  };
}
