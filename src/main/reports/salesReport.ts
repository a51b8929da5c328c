/**
 * The sales report of a period from the rollups (and the period's refunds): the summary, by day,
 * hour and weekday, the heat map, and the dimension tables. Every table's totals equal the summary.
 */
import { type ReportTable, type SalesSummary } from '../../shared/api/reports';
import { type Db } from '../kernel';
import { type ReportDim } from './facts';
import { refundsOfPeriod, type RefundFigures, type RefundsOfPeriod } from './rawRefunds';
import { splitPeriod, weekdayNames, weekdayOf, type StoreTime } from './storeTime';
import { col, moneyCell } from './table';

export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
  readonly tillId?: string | undefined;
}

export interface DimRow {
  key: string;
  label: string;
  count: number;
  quantity: number;
  net: bigint;
  tax: bigint;
  amount: bigint;
}

interface TimeRow {
  key: string | number | null;
  hour: number | null;
  orders: number;
  gross: number;
  discounts: number;
  net: number;
  tax: number;
  tips: number;
  collected: number;
}

/** How the hour rows of a period are summed: all together, by day, by hour, or by weekday (0 Monday) and hour. */
export type TimeGrouping = 'total' | 'day' | 'hour' | 'weekdayHour';

const groupings: Record<TimeGrouping, { key: string; hour: string; group: string }> = {
  total: { key: 'NULL', hour: 'NULL', group: '' },
  day: { key: 'day', hour: 'NULL', group: 'GROUP BY day' },
  hour: { key: 'hour', hour: 'hour', group: 'GROUP BY hour' },
  // strftime %w: 0 Sunday … 6 Saturday, turned to 0 Monday … 6 Sunday.
  weekdayHour: {
    key: "(CAST(strftime('%w', day) AS INTEGER) + 6) % 7",
    hour: 'hour',
    group: 'GROUP BY 1, 2',
  },
};

/** The period's sales from the hour rollups, summed in SQL (a year is a few thousand rows read, a few returned). */
export function timeRows(db: Db, period: ReportPeriod, currency: string, grouping: TimeGrouping): TimeRow[] {
  const g = groupings[grouping];
  return db
    .prepare(
      `SELECT ${g.key} AS key, ${g.hour} AS hour, COALESCE(SUM(orders), 0) AS orders, COALESCE(SUM(gross), 0) AS gross,
         COALESCE(SUM(discounts), 0) AS discounts, COALESCE(SUM(net), 0) AS net, COALESCE(SUM(tax), 0) AS tax,
         COALESCE(SUM(tips), 0) AS tips, COALESCE(SUM(collected), 0) AS collected
       FROM report_sales_hours WHERE day >= ? AND day <= ? AND currency = ? AND (? IS NULL OR till_id = ?) ${g.group}`,
    )
    .all(period.from, period.to, currency, period.tillId ?? null, period.tillId ?? null) as TimeRow[];
}

/** One dimension's rows over the period: month rows for whole months, day rows for the rest. */
export function dimRows(db: Db, dim: ReportDim, period: ReportPeriod, currency: string): Map<string, DimRow> {
  const { months, dayRanges } = splitPeriod(period.from, period.to);
  const till = period.tillId ?? null;
  const out = new Map<string, DimRow>();
  const merge = (
    rows: {
      key: string;
      label: string;
      count: number;
      quantity: number;
      net: number;
      tax: number;
      amount: number;
    }[],
  ) => {
    for (const r of rows) {
      const found = out.get(r.key);
      if (!found) {
        out.set(r.key, {
          key: r.key,
          label: r.label,
          count: r.count,
          quantity: r.quantity,
          net: BigInt(r.net),
          tax: BigInt(r.tax),
          amount: BigInt(r.amount),
        });
      } else {
        found.count += r.count;
        found.quantity += r.quantity;
        found.net += BigInt(r.net);
        found.tax += BigInt(r.tax);
        found.amount += BigInt(r.amount);
      }
    }
  };
  const select = `SELECT key, MAX(label) AS label, SUM(count) AS count, SUM(quantity) AS quantity, SUM(net) AS net,
    SUM(tax) AS tax, SUM(amount) AS amount FROM report_dims`;
  const tillClause = '(? IS NULL OR till_id = ?)';
  for (let i = 0; i < months.length; i += 200) {
    const part = months.slice(i, i + 200);
    merge(
      db
        .prepare(
          `${select} WHERE dim = ? AND period IN (${part.map(() => '?').join(',')}) AND currency = ? AND ${tillClause} GROUP BY key`,
        )
        .all(dim, ...part, currency, till, till) as never[],
    );
  }
  for (const [from, to] of dayRanges) {
    merge(
      db
        .prepare(
          `${select} WHERE dim = ? AND period >= ? AND period <= ? AND length(period) = 10 AND currency = ? AND ${tillClause} GROUP BY key`,
        )
        .all(dim, from, to, currency, till, till) as never[],
    );
  }
  return out;
}

export interface SalesReport {
  readonly summary: SalesSummary;
  readonly heatmap: { weekday: number; hour: number; orders: number; netMinor: string }[];
  readonly tables: ReportTable[];
  readonly refunds: RefundsOfPeriod;
}

function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) return 0n;
  const sign = numerator < 0n ? -1n : 1n;
  const n = numerator * sign;
  // half up, away from zero: (2n + d) / 2d
  return (sign * (2n * n + denominator)) / (2n * denominator);
}

export function summaryOf(
  db: Db,
  time: StoreTime,
  period: ReportPeriod,
  currency: string,
  detail = false,
): { summary: SalesSummary; refunds: RefundsOfPeriod } {
  const [sold] = timeRows(db, period, currency, 'total');
  const refunds = refundsOfPeriod(db, time, period, currency, { detail });
  const orders = sold?.orders ?? 0;
  const net = BigInt(sold?.net ?? 0);
  const r = refunds.total;
  const netAfter = net - r.net;
  return {
    refunds,
    summary: {
      orders,
      refunds: r.count,
      grossMinor: BigInt(sold?.gross ?? 0).toString(),
      discountsMinor: BigInt(sold?.discounts ?? 0).toString(),
      refundsMinor: r.net.toString(),
      netMinor: netAfter.toString(),
      taxMinor: (BigInt(sold?.tax ?? 0) - r.tax).toString(),
      tipsMinor: (BigInt(sold?.tips ?? 0) - r.tip).toString(),
      collectedMinor: (BigInt(sold?.collected ?? 0) - r.paidBack).toString(),
      averageOrderMinor: divideHalfUp(netAfter, BigInt(orders)).toString(),
    },
  };
}

interface TimeBucket {
  orders: number;
  gross: bigint;
  discounts: bigint;
  refunds: bigint;
  net: bigint;
  tax: bigint;
  tips: bigint;
  collected: bigint;
}

function bucket(): TimeBucket {
  return { orders: 0, gross: 0n, discounts: 0n, refunds: 0n, net: 0n, tax: 0n, tips: 0n, collected: 0n };
}

const timeColumns = [
  col('orders', 'Orders', 'count'),
  col('gross', 'Gross', 'money'),
  col('discounts', 'Discounts', 'money'),
  col('refunds', 'Refunds', 'money'),
  col('net', 'Net sales', 'money'),
  col('tax', 'Tax', 'money'),
  col('tips', 'Tips', 'money'),
  col('collected', 'Collected', 'money'),
];

function timeCells(b: TimeBucket) {
  return {
    orders: b.orders,
    gross: moneyCell(b.gross),
    discounts: moneyCell(b.discounts),
    refunds: moneyCell(b.refunds),
    net: moneyCell(b.net),
    tax: moneyCell(b.tax),
    tips: moneyCell(b.tips),
    collected: moneyCell(b.collected),
  };
}

function bucketOf(row: TimeRow): TimeBucket {
  return {
    orders: row.orders,
    gross: BigInt(row.gross),
    discounts: BigInt(row.discounts),
    refunds: 0n,
    net: BigInt(row.net),
    tax: BigInt(row.tax),
    tips: BigInt(row.tips),
    collected: BigInt(row.collected),
  };
}

function addTo(b: TimeBucket, d: Partial<TimeBucket>): void {
  b.orders += d.orders ?? 0;
  b.gross += d.gross ?? 0n;
  b.discounts += d.discounts ?? 0n;
  b.refunds += d.refunds ?? 0n;
  b.net += d.net ?? 0n;
  b.tax += d.tax ?? 0n;
  b.tips += d.tips ?? 0n;
  b.collected += d.collected ?? 0n;
}

function refundDelta(r: RefundFigures): Partial<TimeBucket> {
  return { refunds: r.net, net: -r.net, tax: -r.tax, tips: -r.tip, collected: -r.paidBack };
}

function into<K>(map: Map<K, TimeBucket>, key: K): TimeBucket {
  let b = map.get(key);
  if (!b) map.set(key, (b = bucket()));
  return b;
}

/** Sales by store day, refunds taken off the day they were made. */
export function byDayTable(
  db: Db,
  period: ReportPeriod,
  currency: string,
  refunds: RefundsOfPeriod,
): ReportTable {
  const days = new Map<string, TimeBucket>();
  for (const row of timeRows(db, period, currency, 'day')) days.set(String(row.key), bucketOf(row));
  for (const [key, r] of refunds.byHour) addTo(into(days, key.slice(0, 10)), refundDelta(r));
  const total = bucket();
  for (const b of days.values()) addTo(total, b);
  return {
    id: 'by_day',
    title: 'Sales by day',
    columns: [col('day', 'Day', 'day'), col('weekday', 'Weekday', 'text'), ...timeColumns],
    rows: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, b]) => ({ day, weekday: weekdayNames[weekdayOf(day)] ?? '', ...timeCells(b) })),
    totals: { day: 'Total', weekday: null, ...timeCells(total) },
  };
}

/** The summary and the tables by time; `detail` also reads the refunds' lines for the dimension tables. */
export function salesReport(
  db: Db,
  time: StoreTime,
  period: ReportPeriod,
  currency: string,
  detail = true,
): SalesReport {
  const { summary, refunds } = summaryOf(db, time, period, currency, detail);
  const byHour = new Map<number, TimeBucket>();
  for (const row of timeRows(db, period, currency, 'hour')) byHour.set(Number(row.hour), bucketOf(row));
  const byWeekday = new Map<number, TimeBucket>();
  const heat = new Map<string, { weekday: number; hour: number; orders: number; net: bigint }>();
  const heatCell = (weekday: number, hour: number) => {
    const key = `${weekday}|${hour}`;
    let cell = heat.get(key);
    if (!cell) heat.set(key, (cell = { weekday, hour, orders: 0, net: 0n }));
    return cell;
  };
  for (const row of timeRows(db, period, currency, 'weekdayHour')) {
    const weekday = Number(row.key);
    addTo(into(byWeekday, weekday), bucketOf(row));
    const cell = heatCell(weekday, Number(row.hour));
    cell.orders += row.orders;
    cell.net += BigInt(row.net);
  }
  for (const [key, r] of refunds.byHour) {
    const day = key.slice(0, 10);
    const hour = Number(key.slice(11));
    const delta = refundDelta(r);
    addTo(into(byHour, hour), delta);
    addTo(into(byWeekday, weekdayOf(day)), delta);
    heatCell(weekdayOf(day), hour).net -= r.net;
  }
  const dayTable = byDayTable(db, period, currency, refunds);
  const totalOf = (map: Map<number, TimeBucket>) => {
    const total = bucket();
    for (const b of map.values()) addTo(total, b);
    return timeCells(total);
  };
  return {
    summary,
    refunds,
    heatmap: [...heat.values()].map((c) => ({
      weekday: c.weekday,
      hour: c.hour,
      orders: c.orders,
      netMinor: c.net.toString(),
    })),
    tables: [
      dayTable,
      {
        id: 'by_hour',
        title: 'Sales by hour of day',
        columns: [col('hour', 'Hour', 'text'), ...timeColumns],
        rows: [...byHour.entries()]
          .sort(([a], [b]) => a - b)
          .map(([hour, b]) => ({ hour: `${String(hour).padStart(2, '0')}:00`, ...timeCells(b) })),
        totals: { hour: 'Total', ...totalOf(byHour) },
      },
      {
        id: 'by_weekday',
        title: 'Sales by weekday',
        columns: [col('weekday', 'Weekday', 'text'), ...timeColumns],
        rows: [...byWeekday.entries()]
          .sort(([a], [b]) => a - b)
          .map(([weekday, b]) => ({ weekday: weekdayNames[weekday] ?? '', ...timeCells(b) })),
        totals: { weekday: 'Total', ...totalOf(byWeekday) },
      },
    ],
  };
}
