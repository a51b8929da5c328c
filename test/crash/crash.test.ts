/**
 * Crash test: a child process rings cash sales in a loop and is killed with SIGKILL at random
 * moments, many times, on the same data folder. After each kill the till is reopened and checked:
 * every sale acknowledged to the cashier is there and paid, nothing is half-written (a succeeded
 * payment always has its ledger transfers, a paid order its sale postings), and the ledger's
 * invariants hold. Randomness is seeded so a failure can be replayed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { createLedger } from '../../src/main/ledger';

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

async function checkTill(acknowledged: ReadonlyMap<string, string>): Promise<{ paidOrders: number }> {
  const core = await createCore({ dataDir, logger: pino({ level: 'silent' }), config: { mode: 'demo' } });
  try {
    const ledger = createLedger(core.db);
    const invariants = ledger.checkInvariants();
    expect(invariants.problems).toEqual([]);

    const orderStatus = core.db.prepare('SELECT status FROM orders WHERE id = ?').pluck();
    for (const [orderId, paymentId] of acknowledged) {
      expect(orderStatus.get(orderId), `acknowledged order ${orderId}`).toBe('paid');
      expect(ledger.transfersByRef(`payment:${paymentId}`).length, `tender of ${paymentId}`).toBeGreaterThan(
        0,
      );
    }

    // Nothing half-written: every succeeded payment has its tender transfer, every paid order its sale
    // postings, and every open order has no succeeded payment (each worker sale is paid in one go).
    const payments = core.db
      .prepare("SELECT id, order_id AS orderId FROM payments WHERE status = 'succeeded'")
      .all() as {
      id: string;
      orderId: string;
    }[];
    for (const payment of payments) {
      expect(ledger.transfersByRef(`payment:${payment.id}`).length, `payment ${payment.id}`).toBeGreaterThan(
        0,
      );
      expect(orderStatus.get(payment.orderId)).toBe('paid');
    }
    const paid = core.db.prepare("SELECT id FROM orders WHERE status = 'paid'").pluck().all() as string[];
    for (const orderId of paid) {
      const postings = ledger.transfersByRef(`order:${orderId}`);
      expect(
        postings.some((t) => t.code === 'sale'),
        `sale postings of ${orderId}`,
      ).toBe(true);
    }
    return { paidOrders: paid.length };
  } finally {
    await core.close();
  }
}

describe('crash safety', () => {
  it(`survives ${kills} SIGKILLs mid-sale with nothing lost or half-written`, async () => {
    const next = random(seed);
    const acknowledged = new Map<string, string>();
    let lastPaid = 0;
    for (let round = 0; round < kills; round += 1) {
      const delayMs = 150 + Math.floor(next() * 900);
      const { acked } = await runAndKill(delayMs);
      for (const sale of acked) acknowledged.set(sale.orderId, sale.paymentId);
      const { paidOrders } = await checkTill(acknowledged);
      expect(paidOrders).toBeGreaterThanOrEqual(lastPaid);
      lastPaid = paidOrders;
    }
    // The test is only worth something if sales were really in flight when the kills landed.
    expect(acknowledged.size).toBeGreaterThan(kills);
  }, 240_000);
});
