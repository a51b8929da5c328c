/**
 * The refunds table: rows, reads and writes. Only the orders domain writes it; amounts are TEXT
 * decimal strings of minor units, and the JSON columns carry amounts as strings too.
 */
import { type Db } from '../core/db';
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
  readonly tenders: readonly { paymentId: string; kind: TenderKind; amountMinor: bigint }[];
  readonly createdAt: string;
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
}

type RefundLineJson = {
  lineId: string;
  quantity: number;
  netMinor: string;
  taxes: { taxId: string; amountMinor: string }[];
  amountMinor: string;
};

function refundFromRow(row: RefundRow): RefundRecord {
  const lines = (JSON.parse(row.lines) as RefundLineJson[]).map((line) => ({
    lineId: line.lineId,
    quantity: line.quantity,
    netMinor: BigInt(line.netMinor),
    taxes: line.taxes.map((tax) => ({ taxId: tax.taxId, amountMinor: BigInt(tax.amountMinor) })),
    amountMinor: BigInt(line.amountMinor),
  }));
  const tenders = (
    JSON.parse(row.tenders) as { paymentId: string; kind: TenderKind; amountMinor: string }[]
  ).map((share) => ({ ...share, amountMinor: BigInt(share.amountMinor) }));
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
  };
}

export function orderRefunds(db: Db, orderId: string): RefundRecord[] {
  const rows = db
    .prepare('SELECT * FROM refunds WHERE order_id = ? ORDER BY created_at, id')
    .all(orderId) as RefundRow[];
  return rows.map(refundFromRow);
}

export function shiftRefunds(db: Db, shiftId: string): RefundRecord[] {
  const rows = db
    .prepare('SELECT * FROM refunds WHERE shift_id = ? ORDER BY created_at, id')
    .all(shiftId) as RefundRow[];
  return rows.map(refundFromRow);
}

export function insertRefund(db: Db, refund: RefundRecord): void {
  db.prepare(
    `INSERT INTO refunds (id, order_id, lines, net, tax, tip, rounding, amount, complete, reason, approved_by, created_by,
       shift_id, tender, tenders, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
  );
}
