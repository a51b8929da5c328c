/**
 * The ledger's write path against plain better-sqlite3, in the same run, on file databases in a
 * temp folder (WAL, synchronous=FULL, as the till runs).
 *
 * 1. Bulk: 200,000 sales, each a linked group of 4 to 6 transfers (revenue, tax, maybe a tip, one
 *    or two tenders), 1,000 sales per `submit` call (one commit). Baseline: the same rows inserted
 *    with plain prepared statements into the same tables in another database, with each row's two
 *    account balance updates, one transaction per batch. Batches alternate between the two so
 *    both see the same machine.
 * 2. Single sale: after the WAL is checkpointed and 100 warm-up sales, 2,000 sales each
 *    submitted alone, in its own commit: p50 / p99 latency (auto-checkpoints included), next to
 *    the same sale written by the baseline in its own commit (the disk's floor at that moment).
 *
 * Target: ledger rows/s at least half the baseline's, single-sale p99 under 2 ms.
 *
 * 3. Long run (opt-in, several minutes: `LEDGER_BENCH_LONG=10000000 npm run bench -- ledger`, or
 *    `-- ledger --long`): that many transfers (sales as in 1.) into a fresh ledger, the throughput of
 *    each million printed as it goes, then a single sale's p99 on the big ledger. Target: the last
 *    million at least 0.9× the first (a big history must not slow the till).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monotonicFactory } from 'ulid';
import { openDatabase, type Db, applyMigrations, migrations } from '../src/main/kernel';
import { createLedger, type Ledger, type NewTransferInput } from '../src/main/ledger';
import { machineFacts, measureFsyncMs, nowMs, percentile, report, round } from './lib';

const salesTotal = Number(process.env.LEDGER_BENCH_SALES ?? 200_000);
const salesPerBatch = 1_000;
const singleSales = 2_000;
const warmUpSales = 100;

/** A small deterministic PRNG (mulberry32) so every run rings the same sales. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SaleAccounts {
  receivable: string;
  revenue: string;
  tax: string;
  tips: string;
  cash: string;
  card: string;
}

const accountCodes: Record<keyof SaleAccounts, string> = {
  receivable: 'orders_receivable',
  revenue: 'sales_revenue',
  tax: 'tax_payable',
  tips: 'tips_payable',
  cash: 'cash_drawer',
  card: 'stripe_clearing',
};

/** One sale as a linked group: 4 to 6 transfers through the order's receivable. */
function makeSale(
  random: () => number,
  newId: () => string,
  accounts: SaleAccounts,
  orderNo: number,
): NewTransferInput[] {
  const ref = `order:${orderNo}`;
  const subtotal = BigInt(100 + Math.floor(random() * 50_000));
  // Tax 8.25%, rounded half-up to the cent: (subtotal × 825 + 5000) / 10000 in integers.
  const tax = (subtotal * 825n + 5_000n) / 10_000n;
  const tip = random() < 0.3 ? BigInt(50 + Math.floor(random() * 1_000)) : 0n;
  const total = subtotal + tax + tip;
  const base = { asset: 'USD', ref, staffId: 'bench-cashier' };
  const group: NewTransferInput[] = [
    {
      ...base,
      id: newId(),
      debitAccountId: accounts.receivable,
      creditAccountId: accounts.revenue,
      amount: subtotal,
      code: 'sale',
    },
    {
      ...base,
      id: newId(),
      debitAccountId: accounts.receivable,
      creditAccountId: accounts.tax,
      amount: tax,
      code: 'tax',
    },
  ];
  if (tip > 0n) {
    group.push({
      ...base,
      id: newId(),
      debitAccountId: accounts.receivable,
      creditAccountId: accounts.tips,
      amount: tip,
      code: 'tip',
    });
  }
  const split = random() < 0.3 && total > 1n;
  const first = split ? total / 2n : total;
  const firstTender = random() < 0.5 ? accounts.cash : accounts.card;
  group.push({
    ...base,
    id: newId(),
    debitAccountId: firstTender,
    creditAccountId: accounts.receivable,
    amount: first,
    code: 'tender',
  });
  if (split) {
    const other = firstTender === accounts.cash ? accounts.card : accounts.cash;
    group.push({
      ...base,
      id: newId(),
      debitAccountId: other,
      creditAccountId: accounts.receivable,
      amount: total - first,
      code: 'tender',
    });
  }
  return group;
}

function openBenchDb(dir: string, name: string): Db {
  const db = openDatabase(path.join(dir, name));
  applyMigrations(db, migrations, () => new Date());
  return db;
}

/** The baseline: the same rows with plain statements, each row updating its two accounts' balances. */
function createBaseline(db: Db, accounts: SaleAccounts) {
  const insertAccount = db.prepare(
    "INSERT INTO ledger_accounts (seq, id, asset, code, ref, flags, created_at) VALUES (?, ?, 'USD', ?, '', 0, ?)",
  );
  const seqOf = new Map<string, number>();
  for (const key of Object.keys(accounts) as (keyof SaleAccounts)[]) {
    seqOf.set(accounts[key], seqOf.size + 1);
    insertAccount.run(seqOf.size, accounts[key], accountCodes[key], new Date().toISOString());
  }
  const insert = db.prepare(
    `INSERT INTO ledger_transfers (id, kind, debit_account, credit_account, amount, asset, code, ref,
       external_key, staff_id, memo, pending_id, pending_amount, timeout_ms, expires_at, reverses_id, timestamp)
     VALUES (?, 'single', ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?)`,
  );
  const debit = db.prepare('UPDATE ledger_accounts SET debits_posted = ? WHERE seq = ?');
  const credit = db.prepare('UPDATE ledger_accounts SET credits_posted = ? WHERE seq = ?');
  const debits = new Map<number, bigint>();
  const credits = new Map<number, bigint>();
  return db.transaction((groups: NewTransferInput[][]) => {
    const timestamp = new Date().toISOString();
    for (const group of groups) {
      for (const t of group) {
        const debitSeq = seqOf.get(t.debitAccountId) as number;
        const creditSeq = seqOf.get(t.creditAccountId) as number;
        insert.run(
          t.id,
          debitSeq,
          creditSeq,
          t.amount.toString(),
          t.asset,
          t.code,
          t.ref,
          t.staffId ?? null,
          timestamp,
        );
        const debited = (debits.get(debitSeq) ?? 0n) + t.amount;
        debits.set(debitSeq, debited);
        debit.run(debited.toString(), debitSeq);
        const credited = (credits.get(creditSeq) ?? 0n) + t.amount;
        credits.set(creditSeq, credited);
        credit.run(credited.toString(), creditSeq);
      }
    }
  });
}

function ledgerAccounts(ledger: Ledger): SaleAccounts {
  const ensure = (code: string) => ledger.ensureAccount({ asset: 'USD', code }).id;
  return {
    receivable: ensure(accountCodes.receivable),
    revenue: ensure(accountCodes.revenue),
    tax: ensure(accountCodes.tax),
    tips: ensure(accountCodes.tips),
    cash: ensure(accountCodes.cash),
    card: ensure(accountCodes.card),
  };
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-bench-ledger-'));
  const ledgerDb = openBenchDb(dir, 'ledger');
  const baselineDb = openBenchDb(dir, 'baseline');
  try {
    const ledger = createLedger(ledgerDb);
    const accounts = ledgerAccounts(ledger);
    const baseline = createBaseline(baselineDb, accounts);
    const random = prng(20261121);
    const newId = monotonicFactory();

    let ledgerMs = 0;
    let baselineMs = 0;
    let transfers = 0;
    let order = 0;
    for (let done = 0; done < salesTotal; done += salesPerBatch) {
      const groups: NewTransferInput[][] = [];
      for (let i = 0; i < salesPerBatch && done + i < salesTotal; i += 1) {
        order += 1;
        groups.push(makeSale(random, newId, accounts, order));
      }
      for (const group of groups) transfers += group.length;
      const ledgerFirst = done % (2 * salesPerBatch) === 0;
      const runLedger = () => {
        const start = nowMs();
        const results = ledger.submit(groups);
        ledgerMs += nowMs() - start;
        const refused = results.find((result) => result.status !== 'ok');
        if (refused) throw new Error(`a bench sale was refused: ${JSON.stringify(refused)}`);
      };
      const runBaseline = () => {
        const start = nowMs();
        baseline(groups);
        baselineMs += nowMs() - start;
      };
      if (ledgerFirst) {
        runLedger();
        runBaseline();
      } else {
        runBaseline();
        runLedger();
      }
    }

    // Settle before measuring latency: flush the bulk phase's WAL into the database files, so its
    // write-back does not land on the first single sales, then warm the statements up.
    baselineDb.pragma('wal_checkpoint(TRUNCATE)');
    ledgerDb.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < warmUpSales; i += 1) {
      order += 1;
      const group = makeSale(random, newId, accounts, order);
      ledger.submitOne(group);
      baseline([group]);
    }
    // Each sale alone in its own commit, into the ledger and (same rows) into the baseline, in
    // alternating order, so the disk's fsync latency of the moment weighs on both alike.
    const latencies: number[] = [];
    const baselineLatencies: number[] = [];
    for (let i = 0; i < singleSales; i += 1) {
      order += 1;
      const group = makeSale(random, newId, accounts, order);
      const timeLedger = () => {
        const start = nowMs();
        ledger.submitOne(group);
        latencies.push(nowMs() - start);
      };
      const timeBaseline = () => {
        const start = nowMs();
        baseline([group]);
        baselineLatencies.push(nowMs() - start);
      };
      if (i % 2 === 0) {
        timeLedger();
        timeBaseline();
      } else {
        timeBaseline();
        timeLedger();
      }
    }

    // The disk's own fsync tail, measured now on the same folder: the floor under any durable commit.
    const fsync = measureFsyncMs(dir);

    const invariantsStart = nowMs();
    const invariants = ledger.checkInvariants();
    const invariantsMs = nowMs() - invariantsStart;
    if (!invariants.ok)
      throw new Error(`ledger invariants broken: ${invariants.problems.slice(0, 5).join('; ')}`);

    const ledgerRowsPerSec = transfers / (ledgerMs / 1000);
    const baselineRowsPerSec = transfers / (baselineMs / 1000);
    const ratio = round(ledgerRowsPerSec / baselineRowsPerSec, 3);
    const p50 = round(percentile(latencies, 50), 3);
    const p99 = round(percentile(latencies, 99), 3);
    const target = { ratioAtLeast: 0.5, singleSaleP99MsBelow: 2 };
    report({
      name: 'ledger',
      figures: {
        sales: salesTotal,
        transfers,
        salesPerSec: Math.round(salesTotal / (ledgerMs / 1000)),
        transfersPerSec: Math.round(ledgerRowsPerSec),
        singleSaleP50Ms: p50,
        singleSaleP99Ms: p99,
        singleSaleP99RatioToBaseline: round(p99 / percentile(baselineLatencies, 99), 2),
        singleSales,
        checkInvariantsMs: Math.round(invariantsMs),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      baseline: {
        diskFsyncP50Ms: fsync.p50,
        diskFsyncP99Ms: fsync.p99,
        rowsPerSec: Math.round(baselineRowsPerSec),
        singleSaleP50Ms: round(percentile(baselineLatencies, 50), 3),
        singleSaleP99Ms: round(percentile(baselineLatencies, 99), 3),
      },
      ratio,
      ratioMeaning: 'ledger transfers/s ÷ plain better-sqlite3 rows/s (higher is better)',
      target,
      met: ratio >= target.ratioAtLeast && p99 < target.singleSaleP99MsBelow,
      machine: machineFacts(),
    });
  } finally {
    ledgerDb.close();
    baselineDb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The long run: throughput per million transfers into one growing ledger, then a sale's p99 on it. */
function longRun(transfersTotal: number): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-bench-ledger-long-'));
  const db = openBenchDb(dir, 'long');
  try {
    const ledger = createLedger(db);
    const accounts = ledgerAccounts(ledger);
    const random = prng(20261207);
    const newId = monotonicFactory();
    const perMillion: number[] = [];
    let transfers = 0;
    let order = 0;
    let millionStart = nowMs();
    let nextMark = 1_000_000;
    console.log(`\n== ledger long run: ${transfersTotal.toLocaleString('en-US')} transfers ==`);
    while (transfers < transfersTotal) {
      const groups: NewTransferInput[][] = [];
      for (let i = 0; i < salesPerBatch; i += 1) groups.push(makeSale(random, newId, accounts, (order += 1)));
      ledger.submit(groups);
      for (const group of groups) transfers += group.length;
      if (transfers >= nextMark) {
        const rate = Math.round((transfers - (nextMark - 1_000_000)) / ((nowMs() - millionStart) / 1000));
        perMillion.push(rate);
        console.log(`  million ${perMillion.length}: ${rate.toLocaleString('en-US')} transfers/s`);
        millionStart = nowMs();
        nextMark += 1_000_000;
      }
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const latencies: number[] = [];
    for (let i = 0; i < warmUpSales + singleSales; i += 1) {
      const group = makeSale(random, newId, accounts, (order += 1));
      const start = nowMs();
      ledger.submitOne(group);
      if (i >= warmUpSales) latencies.push(nowMs() - start);
    }
    const first = perMillion[0] ?? 0;
    const last = perMillion.at(-1) ?? 0;
    const ratio = round(last / first, 3);
    const p99 = round(percentile(latencies, 99), 3);
    report({
      name: 'ledger-long',
      figures: {
        transfers,
        ...Object.fromEntries(perMillion.map((rate, i) => [`million${i + 1}TransfersPerSec`, rate])),
        singleSaleP50Ms: round(percentile(latencies, 50), 3),
        singleSaleP99Ms: p99,
        databaseMB: Math.round(fs.statSync(path.join(dir, 'long', 'tillpoint.sqlite')).size / 2 ** 20),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      baseline: { firstMillionTransfersPerSec: first },
      ratio,
      ratioMeaning: 'last million transfers/s ÷ first million (higher is better)',
      target: { lastToFirstAtLeast: 0.9, singleSaleP99MsBelow: 2 },
      met: ratio >= 0.9 && p99 < 2,
      machine: machineFacts(),
    });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const longTransfers = process.argv.includes('--long')
  ? 10_000_000
  : Number(process.env.LEDGER_BENCH_LONG ?? 0);

main();
if (longTransfers > 0) longRun(longTransfers);
console.log(`  (${Object.keys(accountCodes).length} accounts, ${salesPerBatch} sales per commit)`);
