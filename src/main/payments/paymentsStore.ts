/**
 * The payments table: one row per tender attempt. Only the payments service writes it; amounts are
 * TEXT decimal strings of minor units, read back as bigint.
 */
import { type Db } from '../kernel';
import { type TenderKind } from './tender';
import { type PaymentStatus } from './transitions';

export interface PaymentRecord {
  readonly id: string;
  readonly orderId: string;
  readonly kind: TenderKind;
  readonly status: PaymentStatus;
  readonly currency: string;
  /** What it paid of the order (tendered − change for cash). */
  readonly amountMinor: bigint;
  readonly tenderedMinor: bigint | null;
  readonly changeMinor: bigint | null;
  /** The cash rounding this payment settled the order with (signed), else 0. */
  readonly roundingMinor: bigint;
  /** Whether this payment left nothing due on the order. */
  readonly settles: boolean;
  /** What went back to the customer through this payment (refunds, a void). */
  readonly refundedMinor: bigint;
  readonly externalId: string | null;
  /** The pending ledger transfer written with the payment (null for a payment of 0). */
  readonly transferId: string | null;
  /** The transfer that posted or voided it. */
  readonly postTransferId: string | null;
  readonly voidTransferId: string | null;
  /** The tender's own facts (JSON). */
  readonly details: Readonly<Record<string, unknown>>;
  /** The shift that was current when it was decided. */
  readonly settledShiftId: string | null;
  /** A manager let its shift close while it was in flight. */
  readonly carried: boolean;
  /** When the payments service stops waiting for it (asks its tender to cancel it). */
  readonly expiresAt: string | null;
  /** The JSON of the call that made it, compared on a retry with the same id. */
  readonly request: string;
  readonly message: string | null;
  readonly createdBy: string;
  readonly shiftId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly voidedAt: string | null;
  readonly voidedShiftId: string | null;
}

interface PaymentRow {
  id: string;
  order_id: string;
  kind: TenderKind;
  status: PaymentStatus;
  currency: string;
  amount: string;
  tendered: string | null;
  change: string | null;
  rounding: string;
  settles: number;
  refunded: string;
  external_id: string | null;
  transfer_id: string | null;
  post_transfer_id: string | null;
  void_transfer_id: string | null;
  details: string;
  settled_shift_id: string | null;
  carried: number;
  expires_at: string | null;
  request: string;
  message: string | null;
  created_by: string;
  shift_id: string;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  voided_shift_id: string | null;
}

function fromRow(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    kind: row.kind,
    status: row.status,
    currency: row.currency,
    amountMinor: BigInt(row.amount),
    tenderedMinor: row.tendered === null ? null : BigInt(row.tendered),
    changeMinor: row.change === null ? null : BigInt(row.change),
    roundingMinor: BigInt(row.rounding),
    settles: row.settles === 1,
    refundedMinor: BigInt(row.refunded),
    externalId: row.external_id,
    transferId: row.transfer_id,
    postTransferId: row.post_transfer_id,
    voidTransferId: row.void_transfer_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    settledShiftId: row.settled_shift_id,
    carried: row.carried === 1,
    expiresAt: row.expires_at,
    request: row.request,
    message: row.message,
    createdBy: row.created_by,
    shiftId: row.shift_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    voidedAt: row.voided_at,
    voidedShiftId: row.voided_shift_id,
  };
}

export function getPaymentRow(db: Db, paymentId: string): PaymentRecord | null {
  const row = db.prepare('SELECT * FROM payments WHERE id = ?').get(paymentId) as PaymentRow | undefined;
  return row ? fromRow(row) : null;
}

export function paymentsOfOrder(db: Db, orderId: string): PaymentRecord[] {
  const rows = db
    .prepare('SELECT * FROM payments WHERE order_id = ? ORDER BY created_at, id')
    .all(orderId) as PaymentRow[];
  return rows.map(fromRow);
}

/**
 * The payments of a shift: those decided in it (a payment carried from the shift that took it counts
 * where it settled; one not yet decided, where it was taken), and those a void in it handed back.
 */
export function paymentsOfShift(db: Db, shiftId: string): PaymentRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM payments WHERE COALESCE(settled_shift_id, shift_id) = ? OR voided_shift_id = ?
       ORDER BY created_at, id`,
    )
    .all(shiftId, shiftId) as PaymentRow[];
  return rows.map(fromRow);
}

export function insertPaymentRow(db: Db, record: PaymentRecord): void {
  db.prepare(
    `INSERT INTO payments (id, order_id, kind, status, currency, amount, tendered, change, rounding, settles, refunded,
       external_id, transfer_id, request, details, message, created_by, shift_id, expires_at, created_at, updated_at)
     VALUES (@id, @order_id, @kind, @status, @currency, @amount, @tendered, @change, @rounding, @settles, @refunded,
       @external_id, @transfer_id, @request, @details, @message, @created_by, @shift_id, @expires_at, @created_at,
       @updated_at)`,
  ).run({
    id: record.id,
    order_id: record.orderId,
    kind: record.kind,
    status: record.status,
    currency: record.currency,
    amount: record.amountMinor.toString(),
    tendered: record.tenderedMinor === null ? null : record.tenderedMinor.toString(),
    change: record.changeMinor === null ? null : record.changeMinor.toString(),
    rounding: record.roundingMinor.toString(),
    settles: record.settles ? 1 : 0,
    refunded: record.refundedMinor.toString(),
    external_id: record.externalId,
    transfer_id: record.transferId,
    request: record.request,
    details: JSON.stringify(record.details),
    expires_at: record.expiresAt,
    message: record.message,
    created_by: record.createdBy,
    shift_id: record.shiftId,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  });
}

/** Money went back through a payment: its refunded total grows and its status follows. */
export function markPaymentRefunded(
  db: Db,
  payment: PaymentRecord,
  refundedMinor: bigint,
  at: string,
  voided?: { shiftId: string },
): void {
  const total = payment.refundedMinor + refundedMinor;
  const status: PaymentStatus = total >= payment.amountMinor ? 'refunded' : 'partially_refunded';
  db.prepare(
    `UPDATE payments SET refunded = ?, status = ?, updated_at = ?,
       voided_at = COALESCE(?, voided_at), voided_shift_id = COALESCE(?, voided_shift_id)
     WHERE id = ?`,
  ).run(total.toString(), status, at, voided ? at : null, voided ? voided.shiftId : null, payment.id);
}

/** Payments still waiting for their tender, oldest first (all of them, or those taken in a shift). */
export function pendingPayments(db: Db, shiftId?: string): PaymentRecord[] {
  const rows = (
    shiftId === undefined
      ? db.prepare("SELECT * FROM payments WHERE status = 'pending' ORDER BY created_at, id").all()
      : db
          .prepare("SELECT * FROM payments WHERE status = 'pending' AND shift_id = ? ORDER BY created_at, id")
          .all(shiftId)
  ) as PaymentRow[];
  return rows.map(fromRow);
}

/** A pending payment was decided (or learned more): its status, the resolving transfer, the tender's words. */
export function resolvePaymentRow(
  db: Db,
  paymentId: string,
  change: {
    status: PaymentStatus;
    at: string;
    postTransferId?: string | null;
    voidTransferId?: string | null;
    settles?: boolean;
    settledShiftId?: string | null;
    externalId?: string | null;
    message?: string | null;
    details?: Readonly<Record<string, unknown>>;
  },
): void {
  db.prepare(
    `UPDATE payments SET status = @status, updated_at = @at,
       post_transfer_id = COALESCE(@post, post_transfer_id), void_transfer_id = COALESCE(@void, void_transfer_id),
       settles = COALESCE(@settles, settles), settled_shift_id = COALESCE(@shift, settled_shift_id),
       external_id = COALESCE(@external, external_id), message = COALESCE(@message, message),
       details = COALESCE(@details, details)
     WHERE id = @id`,
  ).run({
    id: paymentId,
    status: change.status,
    at: change.at,
    post: change.postTransferId ?? null,
    void: change.voidTransferId ?? null,
    settles: change.settles === undefined ? null : change.settles ? 1 : 0,
    shift: change.settledShiftId ?? null,
    external: change.externalId ?? null,
    message: change.message ?? null,
    details: change.details === undefined ? null : JSON.stringify(change.details),
  });
}

/** A tip added on the reader: the payment took more than it was started for. */
export function addToPaymentAmount(db: Db, paymentId: string, extraMinor: bigint, at: string): void {
  const row = db.prepare('SELECT amount FROM payments WHERE id = ?').get(paymentId) as
    { amount: string } | undefined;
  if (!row) throw new Error(`No payment ${paymentId}.`);
  db.prepare('UPDATE payments SET amount = ?, updated_at = ? WHERE id = ?').run(
    (BigInt(row.amount) + extraMinor).toString(),
    at,
    paymentId,
  );
}

/** A manager let the shift close without waiting for these payments. */
export function markPaymentsCarried(db: Db, paymentIds: readonly string[], at: string): void {
  const statement = db.prepare(
    "UPDATE payments SET carried = 1, updated_at = ? WHERE id = ? AND status = 'pending'",
  );
  for (const id of paymentIds) statement.run(at, id);
}
