/**
 * Reports on a big history: a database of 1,000,000 sales over 3 years (1–3 lines, cash / card by
 * brand / pay by phone / coins, tips, 1 % refunded), written with plain SQL in big transactions,
 * its rollups made by the same pure facts and accumulator as the rebuild (the bulk path of the
 * settle hook). Then the summary, by-day and by-product reports for a month and for a year, median
 * of 7 runs each, next to one hand-written SQL aggregate over the raw rows for the same question, in
 * the same run; the XLSX export of a month; peak RSS.
 *
 * Targets: every report under 50 ms; the year reports at least 10× faster than the raw aggregate;
 * the month's XLSX under 5 s. `REPORTS_BENCH_SALES=100000 npm run bench -- reports` for a quick run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monotonicFactory } from 'ulid';
import { applyMigrations, migrations, openDatabase, type Db } from '../src/main/kernel';
import {
  createRollupAccumulator,
  createStoreTime,
  dimRows,
  exportFiles,
  rebuildRefundRollups,
  refundsOfPeriod,
  saleFacts,
  byDayTable,
  summaryOf,
  writeMeta,
  type SaleRecord,
} from '../src/main/reports';
import { machineFacts, median, nowMs, report, round } from './lib';

const salesTotal = Number(process.env.REPORTS_BENCH_SALES ?? 1_000_000);
const timeZone = 'America/New_York';
const firstDayMs = Date.parse('2024-01-01T12:00:00Z');
const days = 3 * 365;
const products = 200;
const runs = 7;

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

function seedCatalog(db: Db): {
  staff: string[];
  variants: { id: string; name: string; category: string; categoryName: string }[];
} {
  const at = new Date(firstDayMs).toISOString();
  const staff = ['S1', 'S2', 'S3', 'S4', 'S5'];
  const insertStaff = db.prepare(
    "INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES (?, ?, 'cashier', 'x', ?, ?)",
  );
  staff.forEach((id, i) => insertStaff.run(id, `Cashier ${i + 1}`, at, at));
  db.prepare(
    "INSERT INTO catalog_tax_classes (id, name, created_at, updated_at) VALUES ('TC', 'Standard', ?, ?)",
  ).run(at, at);
  const categories = Array.from({ length: 10 }, (_, i) => ({ id: `CAT${i}`, name: `Category ${i}` }));
  const insertCategory = db.prepare(
    "INSERT INTO catalog_categories (id, name, color, sort_order, active, created_at, updated_at) VALUES (?, ?, '#888888', ?, 1, ?, ?)",
  );
  categories.forEach((c, i) => insertCategory.run(c.id, c.name, i, at, at));
  const insertProduct = db.prepare(
    "INSERT INTO catalog_products (id, name, description, category_id, tax_class_id, active, created_at, updated_at) VALUES (?, ?, '', ?, 'TC', 1, ?, ?)",
  );
  const insertVariant = db.prepare(
    'INSERT INTO catalog_variants (id, product_id, position, name, sku, track_stock, on_hand, active, created_at, updated_at) VALUES (?, ?, 0, ?, ?, 0, 0, 1, ?, ?)',
  );
  const variants = Array.from({ length: products }, (_, i) => {
    const category = categories[i % categories.length]!;
    insertProduct.run(`P${i}`, `Product ${i}`, category.id, at, at);
    insertVariant.run(`V${i}`, `P${i}`, 'Default', `SKU${i}`, at, at);
    return { id: `V${i}`, name: `Product ${i}`, category: category.id, categoryName: category.name };
  });
  const insertShift = db.prepare(
    "INSERT INTO shifts (id, till_id, number, status, currency, opened_by, opened_at, opening_float, closed_by, closed_at, z_report) VALUES (?, ?, ?, 'closed', 'USD', 'S1', ?, '0', 'S1', ?, '{}')",
  );
  insertShift.run('SH-A', 'till-a', 1, at, at);
  insertShift.run('SH-B', 'till-b', 1, at, at);
  return { staff, variants };
}

/** Raw rows and their rollups, in transactions of 20,000 sales. */
function generate(db: Db): void {
  const random = prng(20261207);
  // ULIDs from the bench's own PRNG: the same ids every run, and no system randomness per row.
  const ulid = monotonicFactory(random);
  const time = createStoreTime(timeZone);
  const { staff, variants } = seedCatalog(db);
  const insertOrder = db.prepare(
    `INSERT INTO orders (id, number, status, shift_id, created_by, currency, created_at, updated_at, paid_at, paid_shift_id,
       subtotal, discount_total, tax_total, tip_total, total, cash_rounding, revenue, pricing)
     VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, '0', ?, ?, ?, '0', ?, ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (id, order_id, variant_id, name, unit_price, quantity, tax_rates, sort, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
  );
  const insertPayment = db.prepare(
    `INSERT INTO payments (id, order_id, kind, status, currency, amount, request, details, created_by, shift_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'USD', ?, '{}', ?, ?, ?, ?, ?)`,
  );
  const insertRefund = db.prepare(
    `INSERT INTO refunds (id, order_id, lines, net, tax, tip, rounding, amount, complete, reason, created_by, shift_id, tender, tenders, created_at, status, purpose)
     VALUES (?, ?, ?, ?, ?, '0', '0', ?, 0, 'bench', ?, ?, ?, '[]', ?, 'succeeded', 'refund')`,
  );
  const insertShare = db.prepare(
    `INSERT INTO refund_shares (id, refund_id, payment_id, kind, amount, status, transfer_id, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'succeeded', 'bench', 0, ?, ?)`,
  );
  const acc = createRollupAccumulator();
  const spacingMs = (days * 86_400_000) / salesTotal;
  const brands = ['visa', 'mastercard', 'amex'];
  let number = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n += 1) {
      // Store hours: 07:00–21:00 New York, the sales spread evenly over the 3 years.
      const dayIndex = Math.floor((n * spacingMs) / 86_400_000);
      const withinDay = ((n * spacingMs) % 86_400_000) / 86_400_000;
      const paidMs =
        firstDayMs - 5 * 3_600_000 + dayIndex * 86_400_000 + Math.floor(withinDay * 14 * 3_600_000);
      const paidAt = new Date(paidMs).toISOString();
      const id = ulid(paidMs);
      const shift = random() < 0.7 ? 'SH-A' : 'SH-B';
      const staffId = staff[Math.floor(random() * staff.length)]!;
      const lineCount = 1 + Math.floor(random() * 3);
      const lines: {
        id: string;
        variant: (typeof variants)[number];
        quantity: number;
        unit: bigint;
        net: bigint;
        tax: bigint;
      }[] = [];
      for (let i = 0; i < lineCount; i += 1) {
        const variant = variants[Math.floor(random() ** 2 * variants.length)]!;
        const quantity = 1 + Math.floor(random() * 2);
        const unit = BigInt(100 + Math.floor(random() * 1900));
        const net = unit * BigInt(quantity);
        // 8.875 % tax, half up, in integers.
        const tax = (net * 8875n + 50_000n) / 100_000n;
        lines.push({ id: ulid(paidMs), variant, quantity, unit, net, tax });
      }
      const revenue = lines.reduce((s, l) => s + l.net, 0n);
      const tax = lines.reduce((s, l) => s + l.tax, 0n);
      const tip = random() < 0.2 ? BigInt(50 + Math.floor(random() * 300)) : 0n;
      const total = revenue + tax + tip;
      const pricing = JSON.stringify({
        taxMode: 'exclusive',
        result: {
          lines: lines.map((l) => ({
            lineId: l.id,
            quantity: l.quantity,
            totalMinor: String(l.net + l.tax),
            taxMinor: String(l.tax),
          })),
          taxes: [
            {
              taxId: 'sales_tax',
              name: 'Sales tax',
              ratePercent: '8.875',
              baseMinor: String(revenue),
              amountMinor: String(tax),
            },
          ],
        },
      });
      const refunded = random() < 0.01;
      insertOrder.run(
        id,
        (number += 1),
        refunded ? 'partially_refunded' : 'paid',
        shift,
        staffId,
        paidAt,
        paidAt,
        paidAt,
        shift,
        String(revenue),
        String(tax),
        String(tip),
        String(total),
        String(revenue),
        pricing,
      );
      lines.forEach((l, i) =>
        insertLine.run(l.id, id, l.variant.id, l.variant.name, String(l.unit), l.quantity, i, paidAt, paidAt),
      );
      const r = random();
      const kind = r < 0.5 ? 'cash' : r < 0.85 ? 'card' : r < 0.95 ? 'phone' : 'coins';
      const details = kind === 'card' ? JSON.stringify({ brand: brands[Math.floor(random() * 3)] }) : '{}';
      const paymentId = ulid(paidMs);
      insertPayment.run(
        paymentId,
        id,
        kind,
        refunded ? 'partially_refunded' : 'succeeded',
        String(total),
        details,
        staffId,
        shift,
        paidAt,
        paidAt,
      );
      if (refunded) {
        const line = lines[0]!;
        const unitTax = (line.unit * 8875n + 50_000n) / 100_000n;
        const refundId = ulid(paidMs + 3_600_000);
        const at = new Date(paidMs + 3_600_000).toISOString();
        const lineJson = JSON.stringify([
          {
            lineId: line.id,
            quantity: 1,
            netMinor: String(line.unit),
            taxes: [{ taxId: 'sales_tax', amountMinor: String(unitTax) }],
            amountMinor: String(line.unit + unitTax),
          },
        ]);
        insertRefund.run(
          refundId,
          id,
          lineJson,
          String(line.unit),
          String(unitTax),
          String(line.unit + unitTax),
          staffId,
          shift,
          kind,
          at,
        );
        insertShare.run(
          ulid(paidMs + 3_600_000),
          refundId,
          paymentId,
          kind,
          String(line.unit + unitTax),
          at,
          at,
        );
      }
      const sale: SaleRecord = {
        orderId: id,
        paidAt,
        tillId: shift === 'SH-A' ? 'till-a' : 'till-b',
        currency: 'USD',
        staffId,
        staffName: `Cashier ${staffId.slice(1)}`,
        revenueMinor: revenue,
        discountMinor: 0n,
        taxMinor: tax,
        tipMinor: tip,
        lines: lines.map((l) => ({
          productKey: l.variant.id,
          productLabel: l.variant.name,
          categoryKey: l.variant.category,
          categoryLabel: l.variant.categoryName,
          quantity: l.quantity,
          netMinor: l.net,
          taxMinor: l.tax,
        })),
        taxes: [{ taxId: 'sales_tax', label: 'Sales tax 8.875%', baseMinor: revenue, amountMinor: tax }],
        payments: [
          {
            kind,
            detail: kind === 'card' ? (JSON.parse(details) as { brand: string }).brand : '',
            amountMinor: total,
          },
        ],
        vendors: [],
      };
      acc.add(saleFacts(sale), { tillId: sale.tillId, currency: 'USD', at: time.local(paidAt) }, []);
    }
  });
  for (let from = 0; from < salesTotal; from += 20_000) batch(from, Math.min(salesTotal, from + 20_000));
  db.transaction(() => {
    acc.flush(db);
    writeMeta(db, 'time_zone', timeZone);
    writeMeta(db, 'stale', '0');
  })();
}

function timed(fn: () => unknown): number {
  const times: number[] = [];
  fn(); // warm: statements prepared, pages cached
  for (let i = 0; i < runs; i += 1) {
    const start = nowMs();
    fn();
    times.push(nowMs() - start);
  }
  return round(median(times), 2);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-bench-reports-'));
  const db = openDatabase(path.join(dir, 'reports'));
  try {
    applyMigrations(db, migrations, () => new Date());
    const generateStart = nowMs();
    generate(db);
    // The refunds were written with plain SQL: their rollups are made as a till's rebuild makes them.
    rebuildRefundRollups(db);
    const generateS = round((nowMs() - generateStart) / 1000, 1);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    const time = createStoreTime(timeZone);
    const periods = {
      month: { from: '2026-06-01', to: '2026-06-30' },
      year: { from: '2025-01-01', to: '2025-12-31' },
    };
    const figures: Record<string, number> = { sales: salesTotal, generateSeconds: generateS };
    const baseline: Record<string, number> = {};
    for (const [name, period] of Object.entries(periods)) {
      const { startIso, endIso } = time.range(period.from, period.to);
      figures[`${name}SummaryMs`] = timed(() => summaryOf(db, time, period, 'USD'));
      figures[`${name}ByDayMs`] = timed(() =>
        byDayTable(db, period, 'USD', refundsOfPeriod(db, time, period, 'USD')),
      );
      figures[`${name}ByProductMs`] = timed(() => {
        refundsOfPeriod(db, time, period, 'USD', { detail: true });
        return dimRows(db, 'product', period, 'USD');
      });
      baseline[`${name}SummaryRawMs`] = timed(() =>
        db
          .prepare(
            `SELECT COUNT(*), SUM(CAST(revenue AS INTEGER)), SUM(CAST(discount_total AS INTEGER)), SUM(CAST(tax_total AS INTEGER)),
               SUM(CAST(tip_total AS INTEGER)) FROM orders WHERE paid_at >= ? AND paid_at < ? AND status <> 'voided'`,
          )
          .get(startIso, endIso),
      );
      baseline[`${name}ByDayRawMs`] = timed(() =>
        db
          .prepare(
            `SELECT substr(paid_at, 1, 10) AS day, COUNT(*), SUM(CAST(revenue AS INTEGER)), SUM(CAST(tax_total AS INTEGER))
             FROM orders WHERE paid_at >= ? AND paid_at < ? AND status <> 'voided' GROUP BY day`,
          )
          .all(startIso, endIso),
      );
      baseline[`${name}ByProductRawMs`] = timed(() =>
        db
          .prepare(
            `SELECT l.variant_id, SUM(l.quantity), SUM(CAST(l.unit_price AS INTEGER) * l.quantity) FROM orders o
             JOIN order_lines l ON l.order_id = o.id WHERE o.paid_at >= ? AND o.paid_at < ? AND o.status <> 'voided' GROUP BY l.variant_id`,
          )
          .all(startIso, endIso),
      );
    }
    const exportStart = nowMs();
    const files = await exportFiles({ db, time, currency: 'USD' }, periods.month, 'xlsx');
    figures.monthXlsxExportMs = Math.round(nowMs() - exportStart);
    figures.monthXlsxBytes = files[0]!.bytes.length;
    figures.databaseMB = Math.round(
      fs.statSync(path.join(dir, 'reports', 'tillpoint.sqlite')).size / 2 ** 20,
    );
    figures.rollupRows = Number(
      db
        .prepare('SELECT (SELECT COUNT(*) FROM report_sales_hours) + (SELECT COUNT(*) FROM report_dims)')
        .pluck()
        .get(),
    );
    figures.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const speedups = ['Summary', 'ByDay', 'ByProduct'].map(
      (r) => (baseline[`year${r}RawMs`] ?? 0) / Math.max(0.01, figures[`year${r}Ms`] ?? 0),
    );
    const ratio = round(Math.min(...speedups), 1);
    const reportMs = Object.entries(figures)
      .filter(([k]) => /^(month|year)(Summary|ByDay|ByProduct)Ms$/.test(k))
      .map(([, v]) => v);
    const target = { eachReportMsBelow: 50, yearSpeedupAtLeast: 10, monthXlsxMsBelow: 5000 };
    report({
      name: 'reports',
      figures: {
        ...figures,
        yearSummarySpeedup: round(speedups[0]!, 1),
        yearByDaySpeedup: round(speedups[1]!, 1),
        yearByProductSpeedup: round(speedups[2]!, 1),
      },
      baseline,
      ratio,
      ratioMeaning: 'the smallest of the year reports’ raw-aggregate ms ÷ rollup ms (higher is better)',
      target,
      met:
        Math.max(...reportMs) < target.eachReportMsBelow &&
        ratio >= target.yearSpeedupAtLeast &&
        figures.monthXlsxExportMs < target.monthXlsxMsBelow,
      machine: machineFacts(),
    });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
