/**
 * The payments flow at the counter: what a cashier waits for when the customer pays. On one real
 * core (SQLite in WAL, synchronous=FULL), many sales of two lines are rung up and paid:
 * - in cash: `payments.cash`, the pending transfer, its post and the sale's postings in one commit;
 * - with a tender that settles later: `payments.start` (one commit) and the tender's answer (a second).
 * Baseline, in the same run and on the same database: the sale's ledger group written straight to the
 * ledger in one commit, what the flow cannot be faster than. Target: a cash payment's p99 under 25 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { monotonicFactory } from 'ulid';
import { createCore } from '../src/main/core';
import { createLedger } from '../src/main/ledger';
import { createDeferredTender } from '../src/main/payments';
import { machineFacts, nowMs, percentile, report, round } from './lib';

const sales = Number(process.env.BENCH_PAYMENTS_SALES ?? 1_000);
const ulid = monotonicFactory();

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-bench-payments-'));
  const tender = createDeferredTender('later');
  const core = await createCore({
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
    tenders: [tender],
  });
  try {
    const { staff } = await core.call('staff.list', {});
    const manager = staff.find((member) => member.role === 'manager');
    if (!manager) throw new Error('the demo store has no manager');
    const { session } = await core.call('staff.login', { staffId: manager.staffId, pin: '1470' });
    await core.call('shifts.open', { float: { amount: '1000000' } }, session);
    const { products } = await core.call('catalog.products', { limit: 50 }, session);
    const variants = products.flatMap((product) => product.variants.map((variant) => variant.id));
    const ring = async (sale: number) => {
      const { order } = await core.call('orders.create', {}, session);
      for (let line = 0; line < 2; line += 1) {
        const variantId = variants[(sale * 7 + line * 3) % variants.length] as string;
        await core.call('orders.addLine', { orderId: order.id, variantId, quantity: 1 }, session);
      }
      return (await core.call('orders.get', { orderId: order.id }, session)).order;
    };

    const cashMs: number[] = [];
    const laterMs: number[] = [];
    for (let sale = 0; sale < sales; sale += 1) {
      const order = await ring(sale);
      if (sale % 2 === 0) {
        const start = nowMs();
        await core.call('payments.cash', { orderId: order.id, tendered: order.cashAmountDueMinor }, session);
        cashMs.push(nowMs() - start);
      } else {
        const paymentId = ulid();
        const start = nowMs();
        await core.call('payments.start', { orderId: order.id, paymentId, tender: 'later' }, session);
        tender.resolve(paymentId, 'succeeded');
        laterMs.push(nowMs() - start);
      }
    }

    // Baseline: a sale's ledger group (tender, revenue, tax) in one durable commit, straight to the ledger.
    const ledger = createLedger(core.db);
    const account = (code: string) => ledger.ensureAccount({ asset: 'USD', code: `bench_${code}` }).id;
    const [drawer, receivable, revenue, tax] = ['drawer', 'receivable', 'revenue', 'tax'].map(account);
    const baselineMs: number[] = [];
    for (let sale = 0; sale < sales / 2; sale += 1) {
      const start = nowMs();
      ledger.submitOne([
        {
          id: ulid(),
          debitAccountId: drawer as string,
          creditAccountId: receivable as string,
          amount: 800n,
          asset: 'USD',
          code: 'bench',
          ref: 'bench',
        },
        {
          id: ulid(),
          debitAccountId: receivable as string,
          creditAccountId: revenue as string,
          amount: 735n,
          asset: 'USD',
          code: 'bench',
          ref: 'bench',
        },
        {
          id: ulid(),
          debitAccountId: receivable as string,
          creditAccountId: tax as string,
          amount: 65n,
          asset: 'USD',
          code: 'bench',
          ref: 'bench',
        },
      ]);
      baselineMs.push(nowMs() - start);
    }
    const invariants = ledger.checkInvariants();
    if (!invariants.ok) throw new Error(`ledger invariants broken: ${invariants.problems.join('; ')}`);

    const cashP50 = round(percentile(cashMs, 50));
    const cashP99 = round(percentile(cashMs, 99));
    const baseP50 = round(percentile(baselineMs, 50));
    report({
      name: 'payments',
      figures: {
        salesPaid: sales,
        cashPaymentP50Ms: cashP50,
        cashPaymentP99Ms: cashP99,
        settlesLaterStartToPaidP50Ms: round(percentile(laterMs, 50)),
        settlesLaterStartToPaidP99Ms: round(percentile(laterMs, 99)),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      baseline: { ledgerSaleGroupP50Ms: baseP50, ledgerSaleGroupP99Ms: round(percentile(baselineMs, 99)) },
      ratio: round(cashP50 / baseP50, 2),
      ratioMeaning:
        'cash payment through the flow ÷ the same sale group straight to the ledger, p50 (lower is better)',
      target: { cashPaymentP99MsBelow: 25 },
      met: cashP99 < 25,
      machine: machineFacts(),
    });
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
