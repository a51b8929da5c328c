/**
 * Keeping the refund rollups: one row per counted refund (status succeeded or partially_failed,
 * purpose refund) and its facts per dimension, computed once from the raw rows (the refund, its
 * shares, its order's lines) so a report never reads them again. `recordRefund` runs in the
 * transaction that finishes a refund (the `onRefundDone` hook); a change of status afterwards drops
 * the refund's rows (triggers of the migration) and `catchUpRefunds` records them again before a
 * report; `rebuildRefundRollups` recomputes them all (the stale mark, the property test).
 */
import { type Db } from '../kernel';
import { tenderKey } from './facts';
import { tenderDetailOf } from './saleReader';

const countedWhere = `r.purpose = 'refund' AND r.status IN ('succeeded', 'partially_failed')`;

function big(value: unknown): bigint {
  try {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
      ? BigInt(value)
      : 0n;
  } catch {
    return 0n;
  }
}

interface DimFact {
  key: string;
  label: string;
  quantity: number;
  net: bigint;
  tax: bigint;
  amount: bigint;
}

/** The refund's rows from the raw rows (replacing any it had); nothing when it does not count. */
export function recordRefund(db: Db, refundId: string): void {
  db.prepare('DELETE FROM report_refund_dims WHERE refund_id = ?').run(refundId);
  db.prepare('DELETE FROM report_refunds WHERE refund_id = ?').run(refundId);
  const refund = db
    .prepare(
      `SELECT r.id, r.net, r.tax, r.tip, r.created_at, s.till_id, o.currency, o.created_by AS staff_id,
         st.name AS staff_name
       FROM refunds r JOIN orders o ON o.id = r.order_id LEFT JOIN shifts s ON s.id = r.shift_id
       LEFT JOIN staff st ON st.id = o.created_by
       WHERE r.id = ? AND ${countedWhere}`,
    )
    .get(refundId) as
    | {
        id: string;
        net: string;
        tax: string;
        tip: string;
        created_at: string;
        till_id: string | null;
        currency: string;
        staff_id: string;
        staff_name: string | null;
      }
    | undefined;
  if (!refund) return;
  const dims = new Map<string, Map<string, DimFact>>();
  const add = (dim: string, key: string, label: string, d: Partial<Omit<DimFact, 'key' | 'label'>>) => {
    let map = dims.get(dim);
    if (!map) dims.set(dim, (map = new Map()));
    const row = map.get(key) ?? { key, label, quantity: 0, net: 0n, tax: 0n, amount: 0n };
    row.quantity += d.quantity ?? 0;
    row.net += d.net ?? 0n;
    row.tax += d.tax ?? 0n;
    row.amount += d.amount ?? 0n;
    map.set(key, row);
  };
  const net = big(refund.net);
  const tax = big(refund.tax);
  const tip = big(refund.tip);
  add('staff', refund.staff_id, refund.staff_name ?? 'A former member', { net, tax, amount: tip });

  const shares = db
    .prepare(
      `SELECT p.kind, p.details, sh.amount FROM refund_shares sh JOIN payments p ON p.id = sh.payment_id
       WHERE sh.refund_id = ? AND sh.status = 'succeeded'`,
    )
    .all(refundId) as { kind: string; details: string; amount: string }[];
  let paidBack = 0n;
  for (const share of shares) {
    let details: Record<string, unknown> = {};
    try {
      details = JSON.parse(share.details) as Record<string, unknown>;
    } catch {
      /* no details */
    }
    const detail = tenderDetailOf(share.kind, details);
    const amount = big(share.amount);
    paidBack += amount;
    add('tender', tenderKey(share.kind, detail), detail || share.kind, { amount });
  }

  const lines = db
    .prepare(
      `SELECT json_extract(j.value, '$.quantity') AS quantity, json_extract(j.value, '$.netMinor') AS net,
         json_extract(j.value, '$.taxes') AS taxes, l.variant_id, l.name, p.category_id, c.name AS category,
         vs.vendor_id, v.name AS vendor, vr.vendor_part
       FROM refunds r JOIN json_each(r.lines) j
       LEFT JOIN order_lines l ON l.id = json_extract(j.value, '$.lineId')
       LEFT JOIN catalog_variants cv ON cv.id = l.variant_id LEFT JOIN catalog_products p ON p.id = cv.product_id
       LEFT JOIN catalog_categories c ON c.id = p.category_id
       LEFT JOIN vendor_refunds vr ON vr.refund_id = r.id AND vr.line_id = l.id
       LEFT JOIN vendor_sales vs ON vs.line_id = vr.line_id LEFT JOIN vendors v ON v.id = vs.vendor_id
       WHERE r.id = ?`,
    )
    .all(refundId) as {
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
    const lineNet = big(line.net);
    let taxes: { taxId: string; amountMinor: string }[] = [];
    try {
      taxes = line.taxes ? (JSON.parse(line.taxes) as typeof taxes) : [];
    } catch {
      taxes = [];
    }
    const lineTax = taxes.reduce((sum, t) => sum + big(t.amountMinor), 0n);
    const quantity = Number(line.quantity) || 0;
    add('product', line.variant_id ?? `custom:${name}`, name, { quantity, net: lineNet, tax: lineTax });
    add(
      'category',
      line.variant_id ? (line.category_id ?? '') : '',
      line.variant_id ? (line.category ?? 'Uncategorised') : 'Custom items',
      { quantity, net: lineNet, tax: lineTax },
    );
    for (const t of taxes) add('tax', t.taxId, t.taxId, { tax: big(t.amountMinor) });
    if (line.vendor_id)
      add('vendor', line.vendor_id, line.vendor ?? line.vendor_id, {
        quantity,
        net: lineNet,
        amount: big(line.vendor_part),
      });
  }

  db.prepare(
    `INSERT INTO report_refunds (refund_id, created_at, till_id, currency, net, tax, tip, paid_back)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(refundId, refund.created_at, refund.till_id ?? '', refund.currency, net, tax, tip, paidBack);
  const insert = db.prepare(
    `INSERT INTO report_refund_dims (refund_id, dim, key, label, quantity, net, tax, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [dim, map] of dims) {
    for (const d of map.values())
      insert.run(refundId, dim, d.key, d.label, d.quantity, d.net, d.tax, d.amount);
  }
}

/** Records every counted refund that has no rows (new, or dropped by a change of status). */
export function catchUpRefunds(db: Db): number {
  const missing = db
    .prepare(
      `SELECT r.id FROM refunds r WHERE ${countedWhere}
         AND NOT EXISTS (SELECT 1 FROM report_refunds x WHERE x.refund_id = r.id)`,
    )
    .all() as { id: string }[];
  if (missing.length === 0) return 0;
  db.transaction(() => {
    for (const { id } of missing) recordRefund(db, id);
  })();
  return missing.length;
}

/** Every refund rollup recomputed from the raw rows (call inside or outside a transaction). */
export function rebuildRefundRollups(db: Db): { refunds: number } {
  let refunds = 0;
  db.transaction(() => {
    db.exec('DELETE FROM report_refund_dims; DELETE FROM report_refunds;');
    refunds = catchUpRefunds(db);
  })();
  return { refunds };
}
