/**
 * Refunds of a period, read from the raw rows (they are few beside sales: the refunds table is
 * indexed by time), grouped by store day and hour, product, category, staff, tender, tax and vendor.
 * A refund counts when its sale reversal is posted: status succeeded or partially_failed, dated
 * when it was recorded.
 */
import { type Db } from '../kernel';
import { tenderKey } from './facts';
import { tenderDetailOf } from './saleReader';
import { type StoreTime } from './storeTime';

export interface RefundFigures {
  count: number;
  net: bigint;
  tax: bigint;
  tip: bigint;
  /** What went back through the tenders (succeeded shares). */
  paidBack: bigint;
}

export interface RefundsOfPeriod {
  readonly total: RefundFigures;
  /** By "day|hour". */
  readonly byHour: Map<string, RefundFigures>;
  /** By dimension then key: quantity and net (tax for `tax`, amount paid back for `tender`, vendor part for `vendor`). */
  readonly dims: Map<
    string,
    Map<string, { label: string; quantity: number; net: bigint; tax: bigint; amount: bigint }>
  >;
}

interface RefundRow {
  id: string;
  order_id: string;
  lines: string;
  net: string;
  tax: string;
  tip: string;
  created_at: string;
  staff_id: string;
  staff_name: string | null;
}

function zero(): RefundFigures {
  return { count: 0, net: 0n, tax: 0n, tip: 0n, paidBack: 0n };
}

function big(value: unknown): bigint {
  try {
    return typeof value === 'string' || typeof value === 'number' ? BigInt(value) : 0n;
  } catch {
    return 0n;
  }
}

export function refundsOfPeriod(
  db: Db,
  time: StoreTime,
  period: { from: string; to: string; tillId?: string | undefined },
  currency: string,
): RefundsOfPeriod {
  const { startIso, endIso } = time.range(period.from, period.to);
  const rows = db
    .prepare(
      `SELECT r.id, r.order_id, r.lines, r.net, r.tax, r.tip, r.created_at, o.created_by AS staff_id, st.name AS staff_name
       FROM refunds r JOIN orders o ON o.id = r.order_id LEFT JOIN shifts s ON s.id = r.shift_id
       LEFT JOIN staff st ON st.id = o.created_by
       WHERE r.created_at >= ? AND r.created_at < ? AND r.purpose = 'refund'
         AND r.status IN ('succeeded', 'partially_failed') AND o.currency = ? AND (? IS NULL OR s.till_id = ?)
       ORDER BY r.created_at`,
    )
    .all(startIso, endIso, currency, period.tillId ?? null, period.tillId ?? null) as RefundRow[];
  const total = zero();
  const byHour = new Map<string, RefundFigures>();
  const dims = new Map<
    string,
    Map<string, { label: string; quantity: number; net: bigint; tax: bigint; amount: bigint }>
  >();
  const add = (
    dim: string,
    key: string,
    label: string,
    d: { quantity?: number; net?: bigint; tax?: bigint; amount?: bigint },
  ) => {
    let map = dims.get(dim);
    if (!map) dims.set(dim, (map = new Map()));
    const row = map.get(key) ?? { label, quantity: 0, net: 0n, tax: 0n, amount: 0n };
    row.quantity += d.quantity ?? 0;
    row.net += d.net ?? 0n;
    row.tax += d.tax ?? 0n;
    row.amount += d.amount ?? 0n;
    map.set(key, row);
  };
  if (rows.length === 0) return { total, byHour, dims };
  const lineOf = db.prepare(
    `SELECT l.variant_id, l.name, p.category_id, c.name AS category FROM order_lines l
     LEFT JOIN catalog_variants v ON v.id = l.variant_id LEFT JOIN catalog_products p ON p.id = v.product_id
     LEFT JOIN catalog_categories c ON c.id = p.category_id WHERE l.id = ?`,
  );
  const sharesOf = db.prepare(
    `SELECT s.amount, p.kind, p.details FROM refund_shares s JOIN payments p ON p.id = s.payment_id
     WHERE s.refund_id = ? AND s.status = 'succeeded'`,
  );
  const vendorOf = db.prepare(
    `SELECT vs.vendor_id, v.name, vr.vendor_part FROM vendor_refunds vr JOIN vendor_sales vs ON vs.line_id = vr.line_id
     LEFT JOIN vendors v ON v.id = vs.vendor_id WHERE vr.refund_id = ? AND vr.line_id = ?`,
  );
  for (const row of rows) {
    const at = time.local(row.created_at);
    const hourKey = `${at.day}|${at.hour}`;
    const figures = byHour.get(hourKey) ?? zero();
    const net = big(row.net);
    const tax = big(row.tax);
    const tip = big(row.tip);
    let paidBack = 0n;
    for (const share of sharesOf.all(row.id) as { amount: string; kind: string; details: string }[]) {
      const amount = big(share.amount);
      paidBack += amount;
      let details: Record<string, unknown> = {};
      try {
        details = JSON.parse(share.details) as Record<string, unknown>;
      } catch {
        /* no details */
      }
      const detail = tenderDetailOf(share.kind, details);
      add('tender', tenderKey(share.kind, detail), detail || share.kind, { amount });
    }
    for (const f of [figures, total]) {
      f.count += 1;
      f.net += net;
      f.tax += tax;
      f.tip += tip;
      f.paidBack += paidBack;
    }
    byHour.set(hourKey, figures);
    add('staff', row.staff_id, row.staff_name ?? 'A former member', { net, tax, amount: tip });
    let lines: {
      lineId: string;
      quantity: number;
      netMinor: string;
      taxes?: { taxId: string; amountMinor: string }[];
    }[] = [];
    try {
      lines = JSON.parse(row.lines) as typeof lines;
    } catch {
      lines = [];
    }
    for (const line of lines) {
      const info = lineOf.get(line.lineId) as
        | { variant_id: string | null; name: string; category_id: string | null; category: string | null }
        | undefined;
      const name = info?.name ?? 'Item';
      const lineNet = big(line.netMinor);
      const lineTax = (line.taxes ?? []).reduce((sum, t) => sum + big(t.amountMinor), 0n);
      add('product', info?.variant_id ?? `custom:${name}`, name, {
        quantity: line.quantity,
        net: lineNet,
        tax: lineTax,
      });
      const categoryKey = info?.variant_id ? (info.category_id ?? '') : '';
      const categoryLabel = info?.variant_id ? (info.category ?? 'Uncategorised') : 'Custom items';
      add('category', categoryKey, categoryLabel, { quantity: line.quantity, net: lineNet, tax: lineTax });
      for (const t of line.taxes ?? []) add('tax', t.taxId, t.taxId, { tax: big(t.amountMinor) });
      const vendor = vendorOf.get(row.id, line.lineId) as
        { vendor_id: string; name: string | null; vendor_part: string } | undefined;
      if (vendor) {
        add('vendor', vendor.vendor_id, vendor.name ?? vendor.vendor_id, {
          quantity: line.quantity,
          net: lineNet,
          amount: big(vendor.vendor_part),
        });
      }
    }
  }
  return { total, byHour, dims };
}
