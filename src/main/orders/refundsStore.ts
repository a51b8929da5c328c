/**
 * The refunds table: rows, reads and writes. Only the orders domain writes it; amounts are TEXT
 * decimal strings of minor units, and the JSON columns carry amounts as strings too.
 */
import { type Db } from '../kernel';
import { type TenderKind } from '../payments';
import { toJson } from './ordersStore';

export interface RefundLineRecord {
  readonly lineId: string;
  readonly quantity: number;
  readonly netMinor: bigint;
  readonly taxes: readonly { taxId: string; amountMinor: bigint }[];
  /** net + taxes: what the units were worth. */
  readonly amountMinor: bigint;
}

export interface RefundRecord {
  readonly id: string;
  readonly orderId: string;
  readonly lines: readonly RefundLineRecord[];
  readonly netMinor: bigint;
  readonly taxMinor: bigint;
  readonly tipMinor: bigint;
  readonly roundingMinor: bigint;
  /** The money given back. */
  readonly amountMinor: bigint;
  readonly complete: boolean;
  readonly reason: string;
  readonly approvedBy: string | null;
  readonly createdBy: string;
  readonly shiftId: string;
  readonly tender: TenderKind;
  /** Where the money went back: the shares that succeeded (all planned shares while pending). */
  readonly tenders: readonly { paymentId: string; kind: TenderKind; amountMinor: bigint }[];
  readonly createdAt: string;
  /** Pending until every share has its tender's answer. */
  readonly status: RefundStatus;
  /** A refund of a paid order, or the money handed back by a void of an open one. */
  readonly purpose: 'refund' | 'void';
  /** What a tender could not give back (partially_failed, failed): owed to the customer. */
  readonly failedMinor: bigint;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed' | 'partially_failed';

interface ShareSummaryRow {
  payment_id: string;
  kind: string;
  amount: string;
  status: 'pending' | 'succeeded' | 'failed';
}

interface RefundRow {
  id: string;
  order_id: string;
  lines: string;
  net: string;
  tax: string;
  tip: string;
  rounding: string;
  amount: string;
  complete: number;
  reason: string;
  approved_by: string | null;
  created_by: string;
  shift_id: string;
  tender: TenderKind;
  tenders: string;
  created_at: string;
  status: RefundStatus;
  purpose: 'refund' | 'void';
}

type RefundLineJson = {
  lineId: string;
  quantity: number;
  netMinor: string;
  taxes: { taxId: string; amountMinor: string }[];
  amountMinor: string;
};

function refundFromRow(db: Db, row: RefundRow): RefundRecord {
  const lines = (JSON.parse(row.lines) as RefundLineJson[]).map((line) => ({
    lineId: line.lineId,
    quantity: line.quantity,
    netMinor: BigInt(line.netMinor),
    taxes: line.taxes.map((tax) => ({ taxId: tax.taxId, amountMinor: BigInt(tax.amountMinor) })),
    amountMinor: BigInt(line.amountMinor),
  }));
  const shareRows = db
    .prepare(
      'SELECT payment_id, kind, amount, status FROM refund_shares WHERE refund_id = ? ORDER BY position',
    )
    .all(row.id) as ShareSummaryRow[];
  const planned = (
    JSON.parse(row.tenders) as { paymentId: string; kind: TenderKind; amountMinor: string }[]
  ).map((share) => ({ ...share, amountMinor: BigInt(share.amountMinor) }));
  // Refunds made before shares had rows of their own keep their tenders in the JSON column.
  const tenders =
    shareRows.length === 0
      ? planned
      : shareRows
          .filter((share) => share.status !== 'failed')
          .map((share) => ({
            paymentId: share.payment_id,
            kind: share.kind,
            amountMinor: BigInt(share.amount),
          }));
  const failedMinor = shareRows
    .filter((share) => share.status === 'failed')
    .reduce((sum, share) => sum + BigInt(share.amount), 0n);
  return {
    id: row.id,
    orderId: row.order_id,
    lines,
    netMinor: BigInt(row.net),
    taxMinor: BigInt(row.tax),
    tipMinor: BigInt(row.tip),
    roundingMinor: BigInt(row.rounding),
    amountMinor: BigInt(row.amount),
    complete: row.complete === 1,
    reason: row.reason,
    approvedBy: row.approved_by,
    createdBy: row.created_by,
    shiftId: row.shift_id,
    tender: row.tender,
    tenders,
    createdAt: row.created_at,
    status: row.status,
    purpose: row.purpose,
    failedMinor,
  };
}

/** The refunds of an order that count (pending or done; not the failed ones, not a void's give-back). */
export function orderRefunds(db: Db, orderId: string): RefundRecord[] {
  const rows = db
    .prepare(
      "SELECT * FROM refunds WHERE order_id = ? AND purpose = 'refund' AND status != 'failed' ORDER BY created_at, id",
    )
    .all(orderId) as RefundRow[];
  return rows.map((row) => refundFromRow(db, row));
}

/** Every refund or void give-back of an order, whatever its status. */
export function allGiveBacksOfOrder(db: Db, orderId: string): RefundRecord[] {
  const rows = db
    .prepare('SELECT * FROM refunds WHERE order_id = ? ORDER BY created_at, id')
    .all(orderId) as RefundRow[];
  return rows.map((row) => refundFromRow(db, row));
}

export function getRefund(db: Db, refundId: string): RefundRecord {
  const row = db.prepare('SELECT * FROM refunds WHERE id = ?').get(refundId) as RefundRow | undefined;
  if (!row) throw new Error(`No refund ${refundId}.`);
  return refundFromRow(db, row);
}

/** The refunds made in a shift that gave money back (done, or partly done). */
export function shiftRefunds(db: Db, shiftId: string): RefundRecord[] {
  const rows = db
    .prepare(
      "SELECT * FROM refunds WHERE shift_id = ? AND purpose = 'refund' AND status IN ('succeeded', 'partially_failed') ORDER BY created_at, id",
    )
    .all(shiftId) as RefundRow[];
  return rows.map((row) => refundFromRow(db, row));
}

export function setRefundStatus(db: Db, refundId: string, status: RefundStatus, at: string): void {
  db.prepare('UPDATE refunds SET status = ?, updated_at = ? WHERE id = ?').run(status, at, refundId);
}

export function insertRefund(db: Db, refund: RefundRecord): void {
  db.prepare(
    `INSERT INTO refunds (id, order_id, lines, net, tax, tip, rounding, amount, complete, reason, approved_by, created_by,
       shift_id, tender, tenders, created_at, status, purpose, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    refund.id,
    refund.orderId,
    toJson(refund.lines),
    refund.netMinor.toString(),
    refund.taxMinor.toString(),
    refund.tipMinor.toString(),
    refund.roundingMinor.toString(),
    refund.amountMinor.toString(),
    refund.complete ? 1 : 0,
    refund.reason,
    refund.approvedBy,
    refund.createdBy,
    refund.shiftId,
    refund.tender,
    toJson(refund.tenders),
    refund.createdAt,
    refund.status,
    refund.purpose,
    refund.createdAt,
  );
}
