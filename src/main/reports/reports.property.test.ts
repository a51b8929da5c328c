/**
 * Reports equal a brute-force recomputation from the raw rows: random sales (random lines,
 * quantities, order discounts, tips, split cash payments) and random refunds on a real core, then the
 * summary and every table's totals against sums over the ledger's posted transfers and the orders;
 * the live rollups equal a rebuild from the raw rows; a change of time zone rebuilds them.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { buildReport, createStoreTime, rebuildRollups } from '.';

const tills: SalesTill[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
});

function ledgerSum(till: SalesTill, code: string): bigint {
  const rows = till.core.db
    .prepare("SELECT amount FROM ledger_transfers WHERE code = ? AND kind IN ('single', 'post_pending')")
    .all(code) as { amount: string }[];
  return rows.reduce((sum, r) => sum + BigInt(r.amount), 0n);
}

function rollupSnapshot(till: SalesTill): unknown {
  const db = till.core.db;
  return {
    hours: db.prepare('SELECT * FROM report_sales_hours ORDER BY day, hour, till_id, currency').all(),
    dims: db.prepare('SELECT * FROM report_dims ORDER BY dim, period, till_id, currency, key').all(),
    refunds: db.prepare('SELECT * FROM report_refunds ORDER BY refund_id').all(),
    refundDims: db.prepare('SELECT * FROM report_refund_dims ORDER BY refund_id, dim, key').all(),
  };
}

const saleArb = fc.record({
  lines: fc.array(
    fc.record({
      item: fc.constantFrom('coffee', 'muffin', 'gift'),
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  discountPercent: fc.option(fc.constantFrom('5', '10', '12.5'), { nil: undefined }),
  tipMinor: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  split: fc.boolean(),
  refund: fc.constantFrom('none', 'one', 'all'),
});

describe('reports', () => {
  it('equal a brute-force recomputation from the ledger and the orders, for random sales and refunds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(saleArb, { minLength: 1, maxLength: 7 }),
        fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata'),
        async (sales, zone) => {
          const till = await openSalesTill();
          tills.push(till);
          await till.core.call('settings.update', { timeZone: zone, tipsEnabled: true }, till.owner.session);
          await till.openShift();
          for (const sale of sales) {
            const orderId = await till.newOrder();
            let view;
            for (const line of sale.lines)
              view = await till.add(orderId, till[line.item as 'coffee'], line.quantity);
            if (sale.discountPercent) {
              const approval = await till.approve('discount_over_limit', orderId);
              view = (
                await till.core.call(
                  'orders.setDiscount',
                  { orderId, discount: { kind: 'percent', percent: sale.discountPercent }, approval },
                  till.cashier.session,
                )
              ).order;
            }
            if (sale.tipMinor) {
              view = (
                await till.core.call(
                  'orders.setTip',
                  { orderId, tip: { kind: 'amount', amount: String(sale.tipMinor) } },
                  till.cashier.session,
                )
              ).order;
            }
            const due = BigInt(view!.totals.totalMinor);
            if (sale.split && due > 100n) await till.payCash(orderId, 100n, 100n);
            const paid = await till.core.call('orders.get', { orderId }, till.cashier.session);
            await till.payCash(orderId, BigInt(paid.order.amountDueMinor) + 1000n);
            if (sale.refund !== 'none') {
              const order = (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
              const lines =
                sale.refund === 'all'
                  ? order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity }))
                  : [{ lineId: order.lines[0]!.id, quantity: 1 }];
              const approval = await till.approve('refund', orderId);
              await till.core.call(
                'orders.refund',
                { orderId, lines, reason: 'test', approval },
                till.cashier.session,
              );
            }
          }
          const today = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
          const rc = { db: till.core.db, time: createStoreTime(zone), currency: 'USD' };
          const report = buildReport(rc, { from: '2020-01-01', to: today }, false);
          const s = report.summary;
          const saleNet = ledgerSum(till, 'sale');
          const returns = ledgerSum(till, 'sales_return');
          expect(BigInt(s.refundsMinor)).toBe(returns);
          expect(BigInt(s.netMinor)).toBe(saleNet - returns);
          expect(BigInt(s.taxMinor)).toBe(ledgerSum(till, 'tax') - ledgerSum(till, 'tax_return'));
          expect(BigInt(s.tipsMinor)).toBe(ledgerSum(till, 'tip') - ledgerSum(till, 'tip_return'));
          const paidOrders = till.core.db
            .prepare("SELECT COUNT(*) FROM orders WHERE paid_at IS NOT NULL AND status <> 'voided'")
            .pluck()
            .get();
          expect(s.orders).toBe(paidOrders);
          const discounts = (
            till.core.db.prepare('SELECT discount_total FROM orders WHERE paid_at IS NOT NULL').all() as {
              discount_total: string;
            }[]
          ).reduce((sum, r) => sum + BigInt(r.discount_total), 0n);
          expect(BigInt(s.discountsMinor)).toBe(discounts);
          expect(BigInt(s.grossMinor)).toBe(saleNet + discounts);
          const taken = (
            till.core.db
              .prepare(
                "SELECT amount FROM payments WHERE status IN ('succeeded', 'partially_refunded', 'refunded')",
              )
              .all() as { amount: string }[]
          ).reduce((sum, r) => sum + BigInt(r.amount), 0n);
          const back = (
            till.core.db.prepare("SELECT amount FROM refund_shares WHERE status = 'succeeded'").all() as {
              amount: string;
            }[]
          ).reduce((sum, r) => sum + BigInt(r.amount), 0n);
          expect(BigInt(s.collectedMinor)).toBe(taken - back);
          // Every table's totals equal the summary.
          const totalOf = (id: string, key: string) => report.tables.find((t) => t.id === id)?.totals?.[key];
          for (const id of [
            'by_day',
            'by_hour',
            'by_weekday',
            'by_product',
            'by_category',
            'by_staff',
            'by_vendor',
          ]) {
            expect(totalOf(id, 'net'), id).toBe(s.netMinor);
          }
          expect(totalOf('by_day', 'orders')).toBe(s.orders);
          expect(totalOf('by_tender', 'net')).toBe(s.collectedMinor);
          expect(totalOf('tax_by_rate', 'net')).toBe(s.taxMinor);
          expect(totalOf('by_staff', 'tax')).toBe(s.taxMinor);
          expect(totalOf('by_product', 'tax')).toBe(s.taxMinor);
          // A period of one store day per sale day adds up to the whole.
          const byDay = report.tables.find((t) => t.id === 'by_day')!;
          let net = 0n;
          for (const row of byDay.rows) {
            const day = String(row.day);
            net += BigInt(buildReport(rc, { from: day, to: day }, false).summary.netMinor);
          }
          expect(net).toBe(BigInt(s.netMinor));
          // Each tender's net is what its payments took less what went back through them.
          const db = till.core.db;
          const byKind = new Map<string, bigint>();
          for (const p of db
            .prepare(
              "SELECT kind, amount FROM payments WHERE status IN ('succeeded', 'partially_refunded', 'refunded')",
            )
            .all() as { kind: string; amount: string }[]) {
            byKind.set(p.kind, (byKind.get(p.kind) ?? 0n) + BigInt(p.amount));
          }
          for (const r of db
            .prepare("SELECT kind, amount FROM refund_shares WHERE status = 'succeeded'")
            .all() as { kind: string; amount: string }[]) {
            byKind.set(r.kind, (byKind.get(r.kind) ?? 0n) - BigInt(r.amount));
          }
          const tenderRows = report.tables.find((t) => t.id === 'by_tender')!.rows;
          expect(tenderRows.find((r) => r.tender === 'Cash')?.net ?? '0').toBe(
            (byKind.get('cash') ?? 0n).toString(),
          );
          // Each product's quantity sold is the sum of its paid lines; refunded units likewise.
          const sold = new Map<string, number>();
          for (const l of db
            .prepare(
              'SELECT l.name, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.paid_at IS NOT NULL',
            )
            .all() as { name: string; quantity: number }[]) {
            sold.set(l.name, (sold.get(l.name) ?? 0) + l.quantity);
          }
          for (const row of report.tables.find((t) => t.id === 'by_product')!.rows) {
            expect(row.quantity, String(row.product)).toBe(sold.get(String(row.product)));
          }
          // The heat map holds every order once.
          expect(report.heatmap.reduce((sum, c) => sum + c.orders, 0)).toBe(s.orders);
          // The live rollups equal a rebuild from the raw rows.
          const live = rollupSnapshot(till);
          rebuildRollups(till.core.db, createStoreTime(zone));
          expect(rollupSnapshot(till)).toEqual(live);
        },
      ),
      { numRuns: 6 },
    );
  }, 240_000);
});
