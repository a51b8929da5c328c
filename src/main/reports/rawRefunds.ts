/**
 * Refunds of a period, read from the refund rollups (refundRollups.ts: one row per counted refund,
 * its facts per dimension, written when the refund finished), grouped by store day and hour; with
 * `detail`, also by product, category, staff, tender, tax and vendor. A refund counts when its sale
 * reversal is posted: status succeeded or partially_failed, dated when it was recorded. Two queries
 * whatever the number of refunds; never the raw refunds nor the order lines.
 */
import { type Db } from '../kernel';
import { type StoreTime } from './storeTime';

export interface RefundFigures {
  count: number;
  net: bigint;
  tax: bigint;
  tip: bigint;
  /** What went back through the tenders (succeeded shares). */
  paidBack: bigint;
}

export interface RefundDimRow {
  label: string;
  quantity: number;
  net: bigint;
  tax: bigint;
  amount: bigint;
}

export interface RefundsOfPeriod {
  readonly total: RefundFigures;
  /** By "day|hour". */
  readonly byHour: Map<string, RefundFigures>;
  /** By dimension then key (with `detail` only): quantity, net, tax; tender: paid back; vendor: their part. */
  readonly dims: Map<string, Map<string, RefundDimRow>>;
}

function zero(): RefundFigures {
  return { count: 0, net: 0n, tax: 0n, tip: 0n, paidBack: 0n };
}

const inPeriod = `x.created_at >= ? AND x.created_at < ? AND x.currency = ? AND (? IS NULL OR x.till_id = ?)`;

export function refundsOfPeriod(
  db: Db,
  time: StoreTime,
  period: { from: string; to: string; tillId?: string | undefined },
  currency: string,
  options: { detail?: boolean } = {},
): RefundsOfPeriod {
  const { startIso, endIso } = time.range(period.from, period.to);
  const params = [startIso, endIso, currency, period.tillId ?? null, period.tillId ?? null];
  const total = zero();
  const byHour = new Map<string, RefundFigures>();
  const dims = new Map<string, Map<string, RefundDimRow>>();

  const rows = db
    .prepare(`SELECT x.created_at, x.net, x.tax, x.tip, x.paid_back FROM report_refunds x WHERE ${inPeriod}`)
    .all(...params) as { created_at: string; net: number; tax: number; tip: number; paid_back: number }[];
  for (const row of rows) {
    const at = time.local(row.created_at);
    const hourKey = `${at.day}|${at.hour}`;
    const figures = byHour.get(hourKey) ?? zero();
    const net = BigInt(row.net);
    const tax = BigInt(row.tax);
    const tip = BigInt(row.tip);
    const paidBack = BigInt(row.paid_back);
    for (const f of [figures, total]) {
      f.count += 1;
      f.net += net;
      f.tax += tax;
      f.tip += tip;
      f.paidBack += paidBack;
    }
    byHour.set(hourKey, figures);
  }
  if (!options.detail || rows.length === 0) return { total, byHour, dims };

  const facts = db
    .prepare(
      `SELECT d.dim, d.key, MAX(d.label) AS label, SUM(d.quantity) AS quantity, SUM(d.net) AS net,
         SUM(d.tax) AS tax, SUM(d.amount) AS amount
       FROM report_refunds x CROSS JOIN report_refund_dims d ON d.refund_id = x.refund_id
       WHERE ${inPeriod} GROUP BY d.dim, d.key`,
    )
    .all(...params) as {
    dim: string;
    key: string;
    label: string;
    quantity: number;
    net: number;
    tax: number;
    amount: number;
  }[];
  for (const f of facts) {
    let map = dims.get(f.dim);
    if (!map) dims.set(f.dim, (map = new Map()));
    map.set(f.key, {
      label: f.label,
      quantity: f.quantity,
      net: BigInt(f.net),
      tax: BigInt(f.tax),
      amount: BigInt(f.amount),
    });
  }
  return { total, byHour, dims };
}
