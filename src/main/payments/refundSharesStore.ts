/**
 * The refund_shares table: one row per payment that a refund (or a void) gives money back through,
 * with its own id, its pending ledger transfer, and its tender's answer. Only the payments service
 * writes it.
 */
import { type Db } from '../kernel';
import { type TenderKind } from './tender';

export type RefundShareStatus = 'pending' | 'succeeded' | 'failed';

export interface RefundShareRecord {
  readonly id: string;
  readonly refundId: string;
  readonly paymentId: string;
  readonly kind: TenderKind;
  readonly amountMinor: bigint;
  readonly status: RefundShareStatus;
  /** The pending transfer (receivable → the tender's account). */
  readonly transferId: string;
  /** The transfer that posted or voided it. */
  readonly resolveTransferId: string | null;
  readonly externalId: string | null;
  readonly message: string | null;
  readonly position: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface ShareRow {
  id: string;
  refund_id: string;
  payment_id: string;
  kind: string;
  amount: string;
  status: RefundShareStatus;
  transfer_id: string;
  resolve_transfer_id: string | null;
  external_id: string | null;
  message: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

function fromRow(row: ShareRow): RefundShareRecord {
  return {
    id: row.id,
    refundId: row.refund_id,
    paymentId: row.payment_id,
    kind: row.kind,
    amountMinor: BigInt(row.amount),
    status: row.status,
    transferId: row.transfer_id,
    resolveTransferId: row.resolve_transfer_id,
    externalId: row.external_id,
    message: row.message,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function insertShareRow(db: Db, share: RefundShareRecord): void {
  db.prepare(
    `INSERT INTO refund_shares (id, refund_id, payment_id, kind, amount, status, transfer_id, resolve_transfer_id,
       external_id, message, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)`,
  ).run(
    share.id,
    share.refundId,
    share.paymentId,
    share.kind,
    share.amountMinor.toString(),
    share.status,
    share.transferId,
    share.position,
    share.createdAt,
    share.updatedAt,
  );
}

export function getShare(db: Db, shareId: string): RefundShareRecord | null {
  const row = db.prepare('SELECT * FROM refund_shares WHERE id = ?').get(shareId) as ShareRow | undefined;
  return row ? fromRow(row) : null;
}

export function sharesOfRefund(db: Db, refundId: string): RefundShareRecord[] {
  const rows = db
    .prepare('SELECT * FROM refund_shares WHERE refund_id = ? ORDER BY position')
    .all(refundId) as ShareRow[];
  return rows.map(fromRow);
}

export function pendingShares(db: Db): RefundShareRecord[] {
  const rows = db
    .prepare("SELECT * FROM refund_shares WHERE status = 'pending' ORDER BY created_at, position")
    .all() as ShareRow[];
  return rows.map(fromRow);
}

/** What is on its way back through a payment right now (pending shares). */
export function pendingShareMinorOfPayment(db: Db, paymentId: string): bigint {
  const rows = db
    .prepare("SELECT amount FROM refund_shares WHERE payment_id = ? AND status = 'pending'")
    .pluck()
    .all(paymentId) as string[];
  return rows.reduce((sum, amount) => sum + BigInt(amount), 0n);
}

export function resolveShareRow(
  db: Db,
  shareId: string,
  change: {
    status: RefundShareStatus;
    resolveTransferId: string | null;
    externalId?: string | undefined;
    message?: string | undefined;
    at: string;
  },
): void {
  db.prepare(
    `UPDATE refund_shares SET status = ?, resolve_transfer_id = COALESCE(?, resolve_transfer_id),
       external_id = COALESCE(?, external_id), message = COALESCE(?, message), updated_at = ?
     WHERE id = ?`,
  ).run(
    change.status,
    change.resolveTransferId,
    change.externalId ?? null,
    change.message ?? null,
    change.at,
    shareId,
  );
}
