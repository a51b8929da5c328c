/**
 * Crash test: a child process rings sales (cash, and a tender that settles later), refunds and
 * shift closes in a loop and is killed with SIGKILL at random moments, many times, on the same data
 * folder, so kills land during pending payments, refunds and closes. After each kill the till is
 * reopened and checked: every payment and refund left pending is reconciled with its tender, every
 * sale acknowledged to the cashier is there and paid, nothing is half-written (a succeeded payment
 * always has its ledger transfers, a paid order its sale postings, a closed shift an empty drawer),
 * and the ledger's invariants hold. Randomness is seeded so a failure can be replayed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { createLedger } from '../../src/main/ledger';
import { createCrashTender } from './crashTender';
import { testPinHashParams } from '../../src/main/staff';

const kills = Number(process.env.CRASH_KILLS ?? 12);
const seed = Number(process.env.CRASH_SEED ?? 20261121);
const worker = path.join(import.meta.dirname, 'saleWorker.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-crash-'));

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A small deterministic generator (mulberry32) for the kill delays. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the worker until a random moment after it is ready, kills it, returns the acknowledged sales. */
function runAndKill(
  delayMs: number,
): Promise<{ acked: { orderId: string; paymentId: string }[]; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && output.includes('READY')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': the child's stdout and stderr are fully read by then (an ACK written just
    // before the kill is not lost).
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`worker ended by itself (${code}):\n${output}`));
      const acked = [...output.matchAll(/^ACK (\S+) (\S+)$/gm)].map((m) => ({
        orderId: m[1] as string,
        paymentId: m[2] as string,
      }));
      resolve({ acked, output });
    });
  });
}

const paidStatuses = ['paid', 'partially_refunded', 'refunded'];

async function checkTill(
  acknowledged: ReadonlyMap<string, string>,
): Promise<{ paidOrders: number; later: number; refunds: number; closedShifts: number }> {
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
    tenders: [createCrashTender()],
  });
  try {
    const ledger = createLedger(core.db);
    expect(ledger.checkInvariants().problems).toEqual([]);
    // At start-up every payment and refund left in flight is handed to its tender and settled.
    await core.payments.reconcileNow();
    const count = (sql: string) => core.db.prepare(sql).pluck().get() as number;
    expect(count("SELECT COUNT(*) FROM payments WHERE status = 'pending'")).toBe(0);
    expect(count("SELECT COUNT(*) FROM refund_shares WHERE status = 'pending'")).toBe(0);
    expect(count("SELECT COUNT(*) FROM refunds WHERE status = 'pending'")).toBe(0);
    expect(
      count(`SELECT COUNT(*) FROM ledger_transfers t WHERE t.kind = 'pending'
               AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = t.id)`),
    ).toBe(0);
    expect(ledger.checkInvariants().problems).toEqual([]);

    const orderStatus = core.db.prepare('SELECT status FROM orders WHERE id = ?').pluck();
    for (const [orderId, paymentId] of acknowledged) {
      expect(paidStatuses, `acknowledged order ${orderId}`).toContain(orderStatus.get(orderId));
      expect(ledger.transfersByRef(`payment:${paymentId}`).length, `tender of ${paymentId}`).toBeGreaterThan(
        0,
      );
    }

    // Nothing half-written: every succeeded payment has its tender transfer, every paid order its sale
    // postings, and every open order has no succeeded payment (each worker sale is paid in one go).
    const payments = core.db
      .prepare(
        "SELECT id, order_id AS orderId FROM payments WHERE status IN ('succeeded', 'partially_refunded', 'refunded')",
      )
      .all() as {
      id: string;
      orderId: string;
    }[];
    for (const payment of payments) {
      expect(ledger.transfersByRef(`payment:${payment.id}`).length, `payment ${payment.id}`).toBeGreaterThan(
        0,
      );
      expect(paidStatuses).toContain(orderStatus.get(payment.orderId));
    }
    // A closed shift's drawer ends at zero: the close was written whole or not at all.
    const closed = core.db.prepare("SELECT id FROM shifts WHERE status = 'closed'").pluck().all() as string[];
    for (const shiftId of closed) {
      const drawer = ledger
        .listAccounts()
        .find((a) => a.code === 'cash_drawer' && a.ref === `shift:${shiftId}`);
      if (drawer) expect(ledger.balance(drawer.id).net, `drawer of closed shift ${shiftId}`).toBe(0n);
    }
    const paid = core.db
      .prepare("SELECT id FROM orders WHERE status IN ('paid', 'partially_refunded', 'refunded')")
      .pluck()
      .all() as string[];
    for (const orderId of paid) {
      const postings = ledger.transfersByRef(`order:${orderId}`);
      expect(
        postings.some((t) => t.code === 'sale'),
        `sale postings of ${orderId}`,
      ).toBe(true);
    }
    return {
      paidOrders: paid.length,
      later: count("SELECT COUNT(*) FROM payments WHERE kind = 'later'"),
      refunds: count('SELECT COUNT(*) FROM refunds'),
      closedShifts: closed.length,
    };
  } finally {
    await core.close();
  }
}

describe('crash safety', () => {
  it(`survives ${kills} SIGKILLs mid-sale with nothing lost or half-written`, async () => {
    const next = random(seed);
    const acknowledged = new Map<string, string>();
    let lastPaid = 0;
    let last = { later: 0, refunds: 0, closedShifts: 0 };
    for (let round = 0; round < kills; round += 1) {
      const delayMs = 150 + Math.floor(next() * 900);
      const { acked } = await runAndKill(delayMs);
      for (const sale of acked) acknowledged.set(sale.orderId, sale.paymentId);
      const { paidOrders, ...rest } = await checkTill(acknowledged);
      last = rest;
      expect(paidOrders).toBeGreaterThanOrEqual(lastPaid);
      lastPaid = paidOrders;
    }
    // The test is only worth something if sales were really in flight when the kills landed.
    expect(acknowledged.size).toBeGreaterThan(kills);
    // ... and the kills found payments that settle later, refunds and shift closes to land in.
    expect(last.later).toBeGreaterThan(0);
    expect(last.refunds).toBeGreaterThan(0);
    expect(last.closedShifts).toBeGreaterThan(0);
  }, 240_000);
});
