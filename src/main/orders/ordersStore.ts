/**
 * The orders and order_lines tables: rows, reads and writes (refunds: refundsStore.ts). Only the orders domain writes
 * them. Amounts are TEXT decimal strings of minor units; discounts and tips are JSON with amounts as
 * strings. Callers run the writes inside their db.transaction.
 */
import { TillpointError } from '../../shared/api/errors';
import { type Db } from '../kernel';
import { type Discount, type TaxRate, type Tip } from '../sales/pricing';
import { type OrderStatus } from './lifecycle';

export interface OrderRecord {
  readonly id: string;
  readonly number: number;
  readonly status: OrderStatus;
  readonly shiftId: string;
  readonly createdBy: string;
  readonly currency: string;
  readonly discount: Discount | null;
  readonly discountApprovedBy: string | null;
  readonly tip: Tip | null;
  readonly note: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly paidAt: string | null;
  readonly paidShiftId: string | null;
  readonly voidedAt: string | null;
  readonly voidedBy: string | null;
  readonly voidedShiftId: string | null;
  readonly voidReason: string | null;
  /** The priced cart frozen when the order was paid (JSON, see frozenPricing.ts). */
  readonly pricing: string | null;
}

export interface OrderLineRecord {
  readonly id: string;
  readonly orderId: string;
  readonly variantId: string | null;
  readonly name: string;
  readonly sku: string;
  readonly unitPriceMinor: bigint;
  readonly quantity: number;
  readonly taxClassId: string | null;
  readonly taxRates: readonly TaxRate[];
  readonly trackStock: boolean;
  readonly discount: Discount | null;
  readonly sort: number;
}

/** JSON with bigint as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
}

type DiscountJson = { kind: 'amount'; amountMinor: string } | { kind: 'percent'; percent: string };
type TipJson =
  | { kind: 'amount'; amountMinor: string }
  | { kind: 'percent'; percent: string; base: 'pre_tax' | 'post_tax' };

export function discountFromJson(text: string | null): Discount | null {
  if (text === null) return null;
  const json = JSON.parse(text) as DiscountJson;
  return json.kind === 'amount' ? { kind: 'amount', amountMinor: BigInt(json.amountMinor) } : json;
}

export function tipFromJson(text: string | null): Tip | null {
  if (text === null) return null;
  const json = JSON.parse(text) as TipJson;
  return json.kind === 'amount' ? { kind: 'amount', amountMinor: BigInt(json.amountMinor) } : json;
}

interface OrderRow {
  id: string;
  number: number;
  status: OrderStatus;
  shift_id: string;
  created_by: string;
  currency: string;
  discount: string | null;
  discount_approved_by: string | null;
  tip: string | null;
  note: string;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  paid_shift_id: string | null;
  voided_at: string | null;
  voided_by: string | null;
  voided_shift_id: string | null;
  void_reason: string | null;
  pricing: string | null;
}

function orderFromRow(row: OrderRow): OrderRecord {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    shiftId: row.shift_id,
    createdBy: row.created_by,
    currency: row.currency,
    discount: discountFromJson(row.discount),
    discountApprovedBy: row.discount_approved_by,
    tip: tipFromJson(row.tip),
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at,
    paidShiftId: row.paid_shift_id,
    voidedAt: row.voided_at,
    voidedBy: row.voided_by,
    voidedShiftId: row.voided_shift_id,
    voidReason: row.void_reason,
    pricing: row.pricing,
  };
}

export function findOrder(db: Db, orderId: string): OrderRecord | null {
  const row = db.prepare('SELECT * FROM orders WHERE id = ?').get(orderId) as OrderRow | undefined;
  return row ? orderFromRow(row) : null;
}

export function getOrder(db: Db, orderId: string): OrderRecord {
  const order = findOrder(db, orderId);
  if (!order) throw new TillpointError('not_found', `No order with id ${orderId}.`, { orderId });
  return order;
}

/** The next order number of this till: 1001 for the first order, then one more than the highest. */
export function nextOrderNumber(db: Db): number {
  const highest = db.prepare('SELECT MAX(number) FROM orders').pluck().get() as number | null;
  return highest === null ? 1001 : highest + 1;
}

export function insertOrder(
  db: Db,
  order: {
    id: string;
    number: number;
    shiftId: string;
    createdBy: string;
    currency: string;
    note: string;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO orders (id, number, status, shift_id, created_by, currency, note, created_at, updated_at)
     VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
  ).run(
    order.id,
    order.number,
    order.shiftId,
    order.createdBy,
    order.currency,
    order.note,
    order.at,
    order.at,
  );
}

/**
 * Hands an emptied open order (no lines, no payments) to the sale that starts in it now: the shift
 * and the member ringing it up, and the time, are theirs, not those of whoever emptied it.
 */
export function restampOrder(
  db: Db,
  orderId: string,
  stamp: { shiftId: string; createdBy: string; at: string },
): void {
  db.prepare(
    'UPDATE orders SET shift_id = ?, created_by = ?, created_at = ?, updated_at = ? WHERE id = ?',
  ).run(stamp.shiftId, stamp.createdBy, stamp.at, stamp.at, orderId);
}

export function touchOrder(db: Db, orderId: string, at: string): void {
  db.prepare('UPDATE orders SET updated_at = ? WHERE id = ?').run(at, orderId);
}

export function setOrderDiscount(
  db: Db,
  orderId: string,
  discount: Discount | null,
  approvedBy: string | null,
  at: string,
): void {
  db.prepare('UPDATE orders SET discount = ?, discount_approved_by = ?, updated_at = ? WHERE id = ?').run(
    discount === null ? null : toJson(discount),
    approvedBy,
    at,
    orderId,
  );
}

export function setOrderTip(db: Db, orderId: string, tip: Tip | null, at: string): void {
  db.prepare('UPDATE orders SET tip = ?, updated_at = ? WHERE id = ?').run(
    tip === null ? null : toJson(tip),
    at,
    orderId,
  );
}

export interface FrozenTotals {
  subtotalMinor: bigint;
  discountTotalMinor: bigint;
  taxTotalMinor: bigint;
  tipMinor: bigint;
  totalMinor: bigint;
  cashRoundingMinor: bigint;
  revenueMinor: bigint;
}

export function markOrderPaid(
  db: Db,
  orderId: string,
  paid: { at: string; shiftId: string; totals: FrozenTotals; pricingJson: string },
): void {
  const { totals } = paid;
  db.prepare(
    `UPDATE orders SET status = 'paid', paid_at = ?, paid_shift_id = ?, updated_at = ?, subtotal = ?, discount_total = ?,
       tax_total = ?, tip_total = ?, total = ?, cash_rounding = ?, revenue = ?, pricing = ?
     WHERE id = ? AND status = 'open'`,
  ).run(
    paid.at,
    paid.shiftId,
    paid.at,
    totals.subtotalMinor.toString(),
    totals.discountTotalMinor.toString(),
    totals.taxTotalMinor.toString(),
    totals.tipMinor.toString(),
    totals.totalMinor.toString(),
    totals.cashRoundingMinor.toString(),
    totals.revenueMinor.toString(),
    paid.pricingJson,
    orderId,
  );
}

export function markOrderVoided(
  db: Db,
  orderId: string,
  voided: { at: string; staffId: string; shiftId: string; reason: string; approvedBy: string | null },
): void {
  db.prepare(
    `UPDATE orders SET status = 'voided', voided_at = ?, voided_by = ?, voided_shift_id = ?, void_reason = ?,
       void_approved_by = ?, updated_at = ?
     WHERE id = ? AND status = 'open'`,
  ).run(voided.at, voided.staffId, voided.shiftId, voided.reason, voided.approvedBy, voided.at, orderId);
}

export function setOrderStatus(db: Db, orderId: string, status: OrderStatus, at: string): void {
  db.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, at, orderId);
}

interface LineRow {
  id: string;
  order_id: string;
  variant_id: string | null;
  name: string;
  sku: string;
  unit_price: string;
  quantity: number;
  tax_class_id: string | null;
  tax_rates: string;
  track_stock: number;
  discount: string | null;
  sort: number;
}

function lineFromRow(row: LineRow): OrderLineRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    variantId: row.variant_id,
    name: row.name,
    sku: row.sku,
    unitPriceMinor: BigInt(row.unit_price),
    quantity: row.quantity,
    taxClassId: row.tax_class_id,
    taxRates: JSON.parse(row.tax_rates) as TaxRate[],
    trackStock: row.track_stock === 1,
    discount: discountFromJson(row.discount),
    sort: row.sort,
  };
}

export function orderLines(db: Db, orderId: string): OrderLineRecord[] {
  const rows = db
    .prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY sort, id')
    .all(orderId) as LineRow[];
  return rows.map(lineFromRow);
}

export function insertOrderLine(db: Db, line: OrderLineRecord, at: string): void {
  db.prepare(
    `INSERT INTO order_lines (id, order_id, variant_id, name, sku, unit_price, quantity, tax_class_id, tax_rates,
       track_stock, discount, sort, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    line.id,
    line.orderId,
    line.variantId,
    line.name,
    line.sku,
    line.unitPriceMinor.toString(),
    line.quantity,
    line.taxClassId,
    JSON.stringify(line.taxRates),
    line.trackStock ? 1 : 0,
    line.discount === null ? null : toJson(line.discount),
    line.sort,
    at,
    at,
  );
}

export function updateOrderLine(
  db: Db,
  lineId: string,
  change: { quantity: number; discount: Discount | null; discountApprovedBy: string | null },
  at: string,
): void {
  db.prepare(
    'UPDATE order_lines SET quantity = ?, discount = ?, discount_approved_by = ?, updated_at = ? WHERE id = ?',
  ).run(
    change.quantity,
    change.discount === null ? null : toJson(change.discount),
    change.discountApprovedBy,
    at,
    lineId,
  );
}

export function deleteOrderLine(db: Db, lineId: string): void {
  db.prepare('DELETE FROM order_lines WHERE id = ?').run(lineId);
}
