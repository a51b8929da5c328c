/** The crypto refunds table: money a manager sends back (over, late, partial payments, order refunds). */
import { type Db } from '../kernel';

export type CryptoRefundStatus = 'needs_address' | 'to_send' | 'done';
export interface CryptoRefundRecord {
  readonly id: string;
  readonly invoiceId: string;
  readonly shareId: string | null;
  readonly chainKey: string;
  readonly asset: string;
  readonly tokenContract: string | null;
  readonly amountUnits: bigint;
  readonly address: string | null;
  readonly reason: string;
  readonly status: CryptoRefundStatus;
  readonly txid: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly doneAt: string | null;
  readonly doneBy: string | null;
}

type Row = Record<string, string | number | null>;
const s = (v: string | number | null | undefined): string => String(v);
const sn = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

function refundOf(r: Row): CryptoRefundRecord {
  return {
    id: s(r.id),
    invoiceId: s(r.invoice_id),
    shareId: sn(r.share_id),
    chainKey: s(r.chain_key),
    asset: s(r.asset),
    tokenContract: sn(r.token_contract),
    amountUnits: BigInt(s(r.amount_units)),
    address: sn(r.address),
    reason: s(r.reason),
    status: s(r.status) as CryptoRefundStatus,
    txid: sn(r.txid),
    createdBy: s(r.created_by),
    createdAt: s(r.created_at),
    doneAt: sn(r.done_at),
    doneBy: sn(r.done_by),
  };
}

export function createRefundsStore(db: Db) {
  const one = (sql: string, ...args: unknown[]): CryptoRefundRecord | null => {
    const r = db.prepare(sql).get(...args) as Row | undefined;
    return r ? refundOf(r) : null;
  };
  const all = (sql: string, ...args: unknown[]): CryptoRefundRecord[] =>
    (db.prepare(sql).all(...args) as Row[]).map(refundOf);
  return {
    // Refunds
    insertRefund(r: CryptoRefundRecord) {
      db.prepare(
        `INSERT INTO crypto_refunds (id, invoice_id, share_id, chain_key, asset, token_contract, amount_units, address,
           reason, status, txid, created_by, created_at, done_at, done_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        r.id,
        r.invoiceId,
        r.shareId,
        r.chainKey,
        r.asset,
        r.tokenContract,
        r.amountUnits.toString(),
        r.address,
        r.reason,
        r.status,
        r.txid,
        r.createdBy,
        r.createdAt,
        r.doneAt,
        r.doneBy,
      );
    },
    refund: (id: string) => one('SELECT * FROM crypto_refunds WHERE id = ?', id),
    refundOfShare: (shareId: string) => one('SELECT * FROM crypto_refunds WHERE share_id = ?', shareId),
    refunds: (limit: number) =>
      all('SELECT * FROM crypto_refunds ORDER BY created_at DESC, id DESC LIMIT ?', limit),
    refundsToSend: () => all(`SELECT * FROM crypto_refunds WHERE status = 'to_send'`),
    refundsOfInvoice: (invoiceId: string) =>
      all('SELECT * FROM crypto_refunds WHERE invoice_id = ? ORDER BY created_at', invoiceId),
    setRefundAddress(id: string, address: string) {
      db.prepare(`UPDATE crypto_refunds SET address = ?, status = 'to_send' WHERE id = ?`).run(address, id);
    },
    markRefundDone(id: string, txid: string, by: string, at: string) {
      return db
        .prepare(
          `UPDATE crypto_refunds SET status = 'done', txid = ?, done_by = ?, done_at = ? WHERE id = ? AND status <> 'done'`,
        )
        .run(txid, by, at, id).changes;
    },
  };
}
