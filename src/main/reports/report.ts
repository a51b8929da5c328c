/** The whole report of a period (`reports.get`), and the paid orders of a day (`reports.dayOrders`). */
import { type ApiOutput } from '../../shared/api';
import { type ReportOutput } from '../../shared/api/reports';
import { type Db } from '../kernel';
import { dimensionTables } from './dimTables';
import { coinsTable, cryptoTable, shiftsTable, type CryptoRatesPort } from './otherTables';
import { salesReport, summaryOf, type ReportPeriod } from './salesReport';
import { previousPeriod, type StoreTime } from './storeTime';

export interface ReportContext {
  readonly db: Db;
  readonly time: StoreTime;
  readonly currency: string;
  readonly rates?: CryptoRatesPort | undefined;
}

export function tillsOf(db: Db): string[] {
  return (
    db.prepare('SELECT DISTINCT till_id FROM shifts ORDER BY till_id LIMIT 200').all() as {
      till_id: string;
    }[]
  ).map((r) => r.till_id);
}

export function buildReport(rc: ReportContext, period: ReportPeriod, compare: boolean): ReportOutput {
  const { db, time, currency } = rc;
  const sales = salesReport(db, time, period, currency);
  const previous = compare ? previousPeriod(period.from, period.to) : null;
  return {
    from: period.from,
    to: period.to,
    tillId: period.tillId ?? null,
    currency,
    timeZone: time.timeZone,
    previous,
    summary: sales.summary,
    previousSummary: previous
      ? summaryOf(db, time, { ...previous, tillId: period.tillId }, currency).summary
      : null,
    heatmap: sales.heatmap,
    tables: [
      ...sales.tables,
      ...dimensionTables(db, period, currency, sales.refunds),
      coinsTable(db, time, period, currency),
      cryptoTable(db, period, rc.rates),
      shiftsTable(db, time, period),
    ],
    tills: tillsOf(db),
  };
}

export function dayOrders(
  rc: ReportContext,
  day: string,
  tillId: string | undefined,
): ApiOutput<'reports.dayOrders'> {
  const { startIso, endIso } = rc.time.range(day, day);
  const limit = 500;
  const rows = rc.db
    .prepare(
      `SELECT o.id, o.number, o.paid_at, o.status, st.name AS staff, o.revenue, o.tax_total, o.total,
         (SELECT group_concat(kind, ', ') FROM (SELECT DISTINCT kind FROM payments p WHERE p.order_id = o.id
            AND p.status IN ('succeeded', 'partially_refunded', 'refunded'))) AS tenders
       FROM orders o LEFT JOIN staff st ON st.id = o.created_by LEFT JOIN shifts s ON s.id = COALESCE(o.paid_shift_id, o.shift_id)
       WHERE o.paid_at >= ? AND o.paid_at < ? AND o.status <> 'voided' AND o.currency = ? AND (? IS NULL OR s.till_id = ?)
       ORDER BY o.paid_at LIMIT ?`,
    )
    .all(startIso, endIso, rc.currency, tillId ?? null, tillId ?? null, limit + 1) as {
    id: string;
    number: number;
    paid_at: string;
    status: string;
    staff: string | null;
    revenue: string | null;
    tax_total: string | null;
    total: string | null;
    tenders: string | null;
  }[];
  return {
    day,
    currency: rc.currency,
    truncated: rows.length > limit,
    orders: rows.slice(0, limit).map((r) => ({
      orderId: r.id,
      number: r.number,
      paidAt: r.paid_at,
      status: r.status,
      staff: r.staff ?? 'A former member',
      tenders: r.tenders ?? '',
      netMinor: r.revenue ?? '0',
      taxMinor: r.tax_total ?? '0',
      totalMinor: r.total ?? '0',
    })),
  };
}
