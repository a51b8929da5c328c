/**
 * Random interleavings of sales paid with cash and with a tender whose payments resolve later
 * (succeed, fail, cancel, time out) at random moments, while cart edits, second tenders, voids,
 * refunds (whose tender answers now or later) and shift closes are attempted in between. A fresh
 * till per run. After every run, once every tender has answered: no order is paid beyond its total,
 * a paid order was paid only by payments that succeeded, every pending ledger transfer ended posted or
 * voided, each refund share moved its money once, and the ledger's invariants hold.
 */
import fc from 'fast-check';
import { monotonicFactory } from 'ulid';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createDeferredTender, type DeferredTender } from './testTender';

const outcomeArb = fc.constantFrom('succeeded', 'failed', 'canceled', 'expired', 'cancel_call' as const);

const stepArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('sale' as const), items: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      order: fc.nat(),
      deferred: fc.boolean(),
      perMille: fc.oneof(fc.constant(1000), fc.integer({ min: 100, max: 1000 })),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat(), outcome: outcomeArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), order: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), order: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      order: fc.nat(),
      answer: fc.constantFrom('succeeded', 'failed', 'pending' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('refundAnswer' as const), pick: fc.nat(), ok: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), carry: fc.boolean() }) },
);

type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

const ulid = monotonicFactory();
/** What the runs did, printed at the end so a reader sees that the interleavings reached each case. */
const seen = new Map<string, number>();
const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

async function allowed<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiCallError)) throw error;
    if (!['insufficient_funds', 'conflict', 'bad_input', 'unavailable'].includes(error.code)) throw error;
    return null;
  }
}

async function run(steps: Step[]): Promise<void> {
  const tender: DeferredTender = createDeferredTender('deferred');
  const till: SalesTill = await openSalesTill({ tenders: [tender] });
  try {
    const session = till.manager.session;
    const orders: string[] = [];
    await till.openShift(50000n);
    const pick = <T>(list: readonly T[], n: number): T | undefined =>
      list.length === 0 ? undefined : list[n % list.length];
    const pendingPayments = () =>
      till.core.db
        .prepare("SELECT id FROM payments WHERE status = 'pending' ORDER BY id")
        .pluck()
        .all() as string[];
    const pendingShares = () =>
      till.core.db
        .prepare("SELECT id FROM refund_shares WHERE status = 'pending' ORDER BY id")
        .pluck()
        .all() as string[];
    const ensureShift = async () => {
      const current = (await till.core.call('shifts.current', {}, session)).shift;
      if (!current) await till.openShift(50000n);
    };

    for (const step of steps) {
      switch (step.kind) {
        case 'sale': {
          await ensureShift();
          const orderId = await allowed(till.newOrder(session));
          if (!orderId) break;
          orders.push(orderId);
          for (let i = 0; i < step.items; i += 1)
            await allowed(till.add(orderId, i % 2 ? till.gift : till.muffin, 1, session));
          break;
        }
        case 'pay': {
          const orderId = pick(orders, step.order);
          if (!orderId) break;
          const view = (await till.core.call('orders.get', { orderId }, session)).order;
          const due = BigInt(view.amountDueMinor);
          const amount = (due * BigInt(step.perMille)) / 1000n;
          if (step.deferred) {
            await allowed(
              till.core.call(
                'payments.start',
                {
                  orderId,
                  paymentId: ulid(),
                  tender: 'deferred',
                  ...(amount > 0n && amount < due ? { amount: amount.toString() } : {}),
                },
                session,
              ),
            );
          } else {
            await allowed(
              till.payCash(orderId, due + 1000n, amount > 0n && amount < due ? amount : undefined, session),
            );
          }
          break;
        }
        case 'resolve': {
          const paymentId = pick(pendingPayments(), step.pick);
          if (!paymentId) break;
          if (step.outcome === 'cancel_call')
            await allowed(till.core.call('payments.cancel', { paymentId }, session));
          else tender.resolve(paymentId, step.outcome);
          break;
        }
        case 'edit': {
          const orderId = pick(orders, step.order);
          if (orderId) await allowed(till.add(orderId, till.coffee, 1, session));
          break;
        }
        case 'void': {
          const orderId = pick(orders, step.order);
          if (orderId) await allowed(till.core.call('orders.void', { orderId, reason: 'random' }, session));
          break;
        }
        case 'refund': {
          const orderId = pick(orders, step.order);
          if (!orderId) break;
          await ensureShift();
          const view = (await till.core.call('orders.get', { orderId }, session)).order;
          const line = view.lines.find((l) => l.refundableQuantity > 0);
          if (!line) break;
          tender.refundAnswer = step.answer;
          await allowed(
            till.core.call(
              'orders.refund',
              { orderId, lines: [{ lineId: line.id, quantity: 1 }], reason: 'random' },
              session,
            ),
          );
          break;
        }
        case 'refundAnswer': {
          const shareId = pick(pendingShares(), step.pick);
          if (shareId) tender.resolveRefund(shareId, step.ok ? 'succeeded' : 'failed');
          break;
        }
        case 'close': {
          const current = (await till.core.call('shifts.current', {}, session)).shift;
          if (!current) break;
          if (step.carry) await allowed(till.core.call('shifts.carryPayments', {}, session));
          if (current.status === 'closing') await allowed(till.core.call('shifts.cancelClose', {}, session));
          const closed = await allowed(till.closeShift());
          count(closed ? 'shift closed' : 'shift close refused');
          if (!closed) await allowed(till.core.call('shifts.cancelClose', {}, session));
          break;
        }
      }
      expect(till.ledger.checkInvariants().problems).toEqual([]);
    }

    // Every tender answers in the end.
    await ensureShift();
    for (const paymentId of pendingPayments()) tender.resolve(paymentId, 'succeeded');
    for (const shareId of pendingShares()) tender.resolveRefund(shareId, 'succeeded');
    expect(pendingPayments()).toEqual([]);
    expect(pendingShares()).toEqual([]);

    const db = till.core.db;
    // Every pending ledger transfer ended posted or voided.
    expect(
      db
        .prepare(
          `SELECT COUNT(*) FROM ledger_transfers t WHERE t.kind = 'pending'
             AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = t.id)`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    for (const orderId of orders) {
      const order = (await till.core.call('orders.get', { orderId }, session)).order;
      const total = BigInt(order.totals.totalMinor);
      const took = order.payments
        .filter((p) => ['succeeded', 'partially_refunded', 'refunded'].includes(p.status))
        .reduce((sum, p) => sum + BigInt(p.amountMinor) - BigInt(p.roundingMinor), 0n);
      // No order paid beyond its total; a paid order was paid in full by payments that succeeded.
      if (order.status !== 'voided') expect(took <= total).toBe(true);
      if (order.status === 'paid' || order.status === 'partially_refunded' || order.status === 'refunded') {
        expect(took).toBe(total);
        expect(till.receivableOfOrder(orderId)).toBe(0n);
      }
      // A payment that did not succeed left nothing posted.
      for (const payment of order.payments.filter((p) =>
        ['failed', 'canceled', 'expired'].includes(p.status),
      )) {
        const posts = db
          .prepare(
            "SELECT COUNT(*) FROM ledger_transfers WHERE kind = 'post_pending' AND pending_id = (SELECT transfer_id FROM payments WHERE id = ?)",
          )
          .pluck()
          .get(payment.id);
        expect(posts).toBe(0);
      }
    }
    // Each refund share moved its money once: what a payment gave back is the sum of its succeeded shares.
    const mismatches = db
      .prepare(
        `SELECT p.id FROM payments p
           WHERE CAST(p.refunded AS INTEGER) != COALESCE((SELECT SUM(CAST(s.amount AS INTEGER)) FROM refund_shares s
             WHERE s.payment_id = p.id AND s.status = 'succeeded'), 0)`,
      )
      .all();
    expect(mismatches).toEqual([]);
    expect(till.ledger.checkInvariants().problems).toEqual([]);
    for (const row of db.prepare('SELECT status, COUNT(*) AS n FROM payments GROUP BY status').all() as {
      status: string;
      n: number;
    }[])
      seen.set(`payment ${row.status}`, (seen.get(`payment ${row.status}`) ?? 0) + row.n);
    for (const row of db.prepare('SELECT status, COUNT(*) AS n FROM refunds GROUP BY status').all() as {
      status: string;
      n: number;
    }[])
      seen.set(`refund ${row.status}`, (seen.get(`refund ${row.status}`) ?? 0) + row.n);
    for (const row of db.prepare('SELECT status, COUNT(*) AS n FROM orders GROUP BY status').all() as {
      status: string;
      n: number;
    }[])
      seen.set(`order ${row.status}`, (seen.get(`order ${row.status}`) ?? 0) + row.n);
    count('run');
  } finally {
    await till.close();
  }
}

describe('payments that settle later, interleaved at random', () => {
  it('keep every order, refund and ledger transfer right', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 40 }), (steps) => run(steps)),
      { numRuns: 15 },
    );
    console.log('interleavings:', Object.fromEntries([...seen].sort()));
    expect(seen.get('payment succeeded') ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
