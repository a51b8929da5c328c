/**
 * Refunds of a period, read from the raw rows (they are few beside sales: the refunds table is
 * indexed by time), grouped by store day and hour; with `detail`, also by product, category, staff,
 * tender, tax and vendor. A refund counts when its sale reversal is posted: status succeeded or
 * partially_failed, dated when it was recorded. Three queries whatever the number of refunds.
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

const counted = `r.created_at >= ? AND r.created_at < ? AND r.purpose = 'refund'
  AND r.status IN ('succeeded', 'partially_failed') AND o.currency = ? AND (? IS NULL OR s.till_id = ?)`;
const from = `FROM refunds r JOIN orders o ON o.id = r.order_id LEFT JOIN shifts s ON s.id = r.shift_id`;

function zero(): RefundFigures {
  return { count: 0, net: 0n, tax: 0n, tip: 0n, paidBack: 0n };
}

function big(value: unknown): bigint {
  try {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
      ? BigInt(value)
      : 0n;
  } catch {
    return 0n;
  }
}

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
  const add = (dim: string, key: string, label: string, d: Partial<Omit<RefundDimRow, 'label'>>) => {
    let map = dims.get(dim);
    if (!map) dims.set(dim, (map = new Map()));
    const row = map.get(key) ?? { label, quantity: 0, net: 0n, tax: 0n, amount: 0n };
    row.quantity += d.quantity ?? 0;
    row.net += d.net ?? 0n;
    row.tax += d.tax ?? 0n;
    row.amount += d.amount ?? 0n;
    map.set(key, row);
  };

  // The summary and the time tables read the refunds table alone (small, indexed by time): the
  // store sells in one currency, so no order is read; what went back is one grouped read of the
  // shares. Only `detail` reads each refund's order (its seller) and lines.
  const rows = db
    .prepare(
      `SELECT r.id, r.order_id, r.net, r.tax, r.tip, r.created_at FROM refunds r
       LEFT JOIN shifts s ON s.id = r.shift_id
       WHERE r.created_at >= ? AND r.created_at < ? AND r.purpose = 'refund'
         AND r.status IN ('succeeded', 'partially_failed') AND (? IS NULL OR s.till_id = ?)`,
    )
    .all(startIso, endIso, period.tillId ?? null, period.tillId ?? null) as {
    id: string;
    order_id: string;
    net: string;
    tax: string;
    tip: string;
    created_at: string;
  }[];
  const paidBackOf = new Map<string, bigint>();
  if (rows.length > 0) {
    const shares = db
      .prepare(
        `SELECT sh.refund_id, SUM(CAST(sh.amount AS INTEGER)) AS amount FROM refund_shares sh
         WHERE sh.status = 'succeeded' AND sh.refund_id IN (SELECT r.id FROM refunds r
           WHERE r.created_at >= ? AND r.created_at < ? AND r.purpose = 'refund')
         GROUP BY sh.refund_id`,
      )
      .all(startIso, endIso) as { refund_id: string; amount: number }[];
    for (const share of shares) paidBackOf.set(share.refund_id, BigInt(share.amount));
  }
  const sellers = options.detail
    ? db.prepare(
        'SELECT o.created_by AS staff_id, st.name AS staff_name FROM orders o LEFT JOIN staff st ON st.id = o.created_by WHERE o.id = ?',
      )
    : null;
  for (const row of rows) {
    const at = time.local(row.created_at);
    const hourKey = `${at.day}|${at.hour}`;
    const figures = byHour.get(hourKey) ?? zero();
    const net = big(row.net);
    const tax = big(row.tax);
    const tip = big(row.tip);
    const paidBack = paidBackOf.get(row.id) ?? 0n;
    for (const f of [figures, total]) {
      f.count += 1;
      f.net += net;
      f.tax += tax;
      f.tip += tip;
      f.paidBack += paidBack;
    }
    byHour.set(hourKey, figures);
    const seller = sellers?.get(row.order_id) as { staff_id: string; staff_name: string | null } | undefined;
    if (seller)
      add('staff', seller.staff_id, seller.staff_name ?? 'A former member', { net, tax, amount: tip });
  }
  if (!options.detail || rows.length === 0) return { total, byHour, dims };

  const shares = db
    .prepare(
      `SELECT p.kind, p.details, sh.amount ${from} JOIN refund_shares sh ON sh.refund_id = r.id AND sh.status = 'succeeded'
       JOIN payments p ON p.id = sh.payment_id WHERE ${counted}`,
    )
    .all(...params) as { kind: string; details: string; amount: string }[];
  for (const share of shares) {
    let details: Record<string, unknown> = {};
    try {
      details = JSON.parse(share.details) as Record<string, unknown>;
    } catch {
      /* no details */
    }
    const detail = tenderDetailOf(share.kind, details);
    add('tender', tenderKey(share.kind, detail), detail || share.kind, { amount: big(share.amount) });
  }

  const lines = db
    .prepare(
      `SELECT json_extract(j.value, '$.quantity') AS quantity, json_extract(j.value, '$.netMinor') AS net,
         json_extract(j.value, '$.taxes') AS taxes, l.variant_id, l.name, p.category_id, c.name AS category,
         vs.vendor_id, v.name AS vendor, vr.vendor_part
       ${from} JOIN json_each(r.lines) j
       LEFT JOIN order_lines l ON l.id = json_extract(j.value, '$.lineId')
       LEFT JOIN catalog_variants cv ON cv.id = l.variant_id LEFT JOIN catalog_products p ON p.id = cv.product_id
       LEFT JOIN catalog_categories c ON c.id = p.category_id
       LEFT JOIN vendor_refunds vr ON vr.refund_id = r.id AND vr.line_id = l.id
       LEFT JOIN vendor_sales vs ON vs.line_id = vr.line_id LEFT JOIN vendors v ON v.id = vs.vendor_id
       WHERE ${counted}`,
    )
    .all(...params) as {
    quantity: number;
    net: string | number;
    taxes: string | null;
    variant_id: string | null;
    name: string | null;
    category_id: string | null;
    category: string | null;
    vendor_id: string | null;
    vendor: string | null;
    vendor_part: string | null;
  }[];
  for (const line of lines) {
    const name = line.name ?? 'Item';
    const net = big(line.net);
    let taxes: { taxId: string; amountMinor: string }[] = [];
    try {
      taxes = line.taxes ? (JSON.parse(line.taxes) as typeof taxes) : [];
    } catch {
      taxes = [];
    }
    const tax = taxes.reduce((sum, t) => sum + big(t.amountMinor), 0n);
    const quantity = Number(line.quantity) || 0;
    add('product', line.variant_id ?? `custom:${name}`, name, { quantity, net, tax });
    add(
      'category',
      line.variant_id ? (line.category_id ?? '') : '',
      line.variant_id ? (line.category ?? 'Uncategorised') : 'Custom items',
      { quantity, net, tax },
    );
    for (const t of taxes) add('tax', t.taxId, t.taxId, { tax: big(t.amountMinor) });
    if (line.vendor_id)
      add('vendor', line.vendor_id, line.vendor ?? line.vendor_id, {
        quantity,
        net,
        amount: big(line.vendor_part),
      });
  }
  return { total, byHour, dims };
}
