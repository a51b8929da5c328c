/**
 * The sales report of a period from the rollups (and the period's refunds): the summary, by day,
 * hour and weekday, the heat map, and the dimension tables. Every table's totals equal the summary.
 */
import { type ReportTable, type SalesSummary } from '../../shared/api/reports';
import { type Db } from '../kernel';
import { type ReportDim } from './facts';
import { refundsOfPeriod, type RefundsOfPeriod } from './rawRefunds';
import { splitPeriod, weekdayNames, weekdayOf, type StoreTime } from './storeTime';
import { col, moneyCell } from './table';

export interface ReportPeriod {
  readonly from: string;
  readonly to: string;
  readonly tillId?: string | undefined;
}

interface HourRow {
  day: string;
  hour: number;
  orders: number;
  gross: number;
  discounts: number;
  net: number;
  tax: number;
  tips: number;
  collected: number;
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

export function hourRows(db: Db, period: ReportPeriod, currency: string): HourRow[] {
  return db
    .prepare(
      `SELECT day, hour, SUM(orders) AS orders, SUM(gross) AS gross, SUM(discounts) AS discounts, SUM(net) AS net,
         SUM(tax) AS tax, SUM(tips) AS tips, SUM(collected) AS collected
       FROM report_sales_hours WHERE day >= ? AND day <= ? AND currency = ? AND (? IS NULL OR till_id = ?)
       GROUP BY day, hour ORDER BY day, hour`,
    )
    .all(period.from, period.to, currency, period.tillId ?? null, period.tillId ?? null) as HourRow[];
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
): { summary: SalesSummary; hours: HourRow[]; refunds: RefundsOfPeriod } {
  const hours = hourRows(db, period, currency);
  const refunds = refundsOfPeriod(db, time, period, currency, { detail });
  let orders = 0;
  let gross = 0n;
  let discounts = 0n;
  let net = 0n;
  let tax = 0n;
  let tips = 0n;
  let collected = 0n;
  for (const h of hours) {
    orders += h.orders;
    gross += BigInt(h.gross);
    discounts += BigInt(h.discounts);
    net += BigInt(h.net);
    tax += BigInt(h.tax);
    tips += BigInt(h.tips);
    collected += BigInt(h.collected);
  }
  const r = refunds.total;
  const netAfter = net - r.net;
  return {
    hours,
    refunds,
    summary: {
      orders,
      refunds: r.count,
      grossMinor: gross.toString(),
      discountsMinor: discounts.toString(),
      refundsMinor: r.net.toString(),
      netMinor: netAfter.toString(),
      taxMinor: (tax - r.tax).toString(),
      tipsMinor: (tips - r.tip).toString(),
      collectedMinor: (collected - r.paidBack).toString(),
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

/** The summary and the tables by time; `detail` also reads the refunds' lines for the dimension tables. */
export function salesReport(
  db: Db,
  time: StoreTime,
  period: ReportPeriod,
  currency: string,
  detail = true,
): SalesReport {
  const { summary, hours, refunds } = summaryOf(db, time, period, currency, detail);
  const byDay = new Map<string, TimeBucket>();
  const byHour = new Map<number, TimeBucket>();
  const byWeekday = new Map<number, TimeBucket>();
  const heat = new Map<string, { weekday: number; hour: number; orders: number; net: bigint }>();
  const into = (map: Map<string | number, TimeBucket>, key: string | number) => {
    let b = map.get(key);
    if (!b) map.set(key, (b = bucket()));
    return b;
  };
  const addTo = (b: TimeBucket, d: Partial<TimeBucket>) => {
    b.orders += d.orders ?? 0;
    b.gross += d.gross ?? 0n;
    b.discounts += d.discounts ?? 0n;
    b.refunds += d.refunds ?? 0n;
    b.net += d.net ?? 0n;
    b.tax += d.tax ?? 0n;
    b.tips += d.tips ?? 0n;
    b.collected += d.collected ?? 0n;
  };
  const touch = (day: string, hour: number, d: Partial<TimeBucket>) => {
    const weekday = weekdayOf(day);
    addTo(into(byDay as Map<string | number, TimeBucket>, day), d);
    addTo(into(byHour as Map<string | number, TimeBucket>, hour), d);
    addTo(into(byWeekday as Map<string | number, TimeBucket>, weekday), d);
    const heatKey = `${weekday}|${hour}`;
    const cell = heat.get(heatKey) ?? { weekday, hour, orders: 0, net: 0n };
    cell.orders += d.orders ?? 0;
    cell.net += d.net ?? 0n;
    heat.set(heatKey, cell);
  };
  for (const h of hours) {
    touch(h.day, h.hour, {
      orders: h.orders,
      gross: BigInt(h.gross),
      discounts: BigInt(h.discounts),
      net: BigInt(h.net),
      tax: BigInt(h.tax),
      tips: BigInt(h.tips),
      collected: BigInt(h.collected),
    });
  }
  for (const [key, r] of refunds.byHour) {
    const [day, hour] = key.split('|') as [string, string];
    touch(day, Number(hour), {
      refunds: r.net,
      net: -r.net,
      tax: -r.tax,
      tips: -r.tip,
      collected: -r.paidBack,
    });
  }
  const total = bucket();
  for (const b of byDay.values()) addTo(total, b);
  const tables: ReportTable[] = [
    {
      id: 'by_day',
      title: 'Sales by day',
      columns: [col('day', 'Day', 'day'), col('weekday', 'Weekday', 'text'), ...timeColumns],
      rows: [...byDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, b]) => ({ day, weekday: weekdayNames[weekdayOf(day)] ?? '', ...timeCells(b) })),
      totals: { day: 'Total', weekday: null, ...timeCells(total) },
    },
    {
      id: 'by_hour',
      title: 'Sales by hour of day',
      columns: [col('hour', 'Hour', 'text'), ...timeColumns],
      rows: [...byHour.entries()]
        .sort(([a], [b]) => a - b)
        .map(([hour, b]) => ({ hour: `${String(hour).padStart(2, '0')}:00`, ...timeCells(b) })),
      totals: { hour: 'Total', ...timeCells(total) },
    },
    {
      id: 'by_weekday',
      title: 'Sales by weekday',
      columns: [col('weekday', 'Weekday', 'text'), ...timeColumns],
      rows: [...byWeekday.entries()]
        .sort(([a], [b]) => a - b)
        .map(([weekday, b]) => ({ weekday: weekdayNames[weekday] ?? '', ...timeCells(b) })),
      totals: { weekday: 'Total', ...timeCells(total) },
    },
  ];
  return {
    summary,
    refunds,
    heatmap: [...heat.values()].map((c) => ({
      weekday: c.weekday,
      hour: c.hour,
      orders: c.orders,
      netMinor: c.net.toString(),
    })),
    tables,
  };
}
