/**
 * Every SQL statement of the ledger, prepared once per ledger, and the mapping of stored rows
 * (TEXT minor units) to the ledger's types (bigint). Only the ledger writes these tables.
 */
import { type Db } from '../kernel';
import { bitsToFlags } from './effects';
import { type Account, type Transfer, type TransferKind } from './types';

export interface AccountRow {
  seq: number;
  id: string;
  asset: string;
  code: string;
  ref: string;
  flags: number;
  created_at: string;
  debits_pending: string;
  debits_posted: string;
  credits_pending: string;
  credits_posted: string;
}

export interface TransferRow {
  seq: number;
  id: string;
  kind: TransferKind;
  debit_account_id: string;
  credit_account_id: string;
  amount: string;
  asset: string;
  code: string;
  ref: string;
  external_key: string | null;
  staff_id: string | null;
  memo: string | null;
  pending_id: string | null;
  pending_amount: string | null;
  timeout_ms: number | null;
  expires_at: string | null;
  reverses_id: string | null;
  timestamp: string;
}

/** The row handed to the insert, in column order (accounts by their seq). */
export type TransferInsertParams = [
  id: string,
  kind: TransferKind,
  debitAccount: number,
  creditAccount: number,
  amount: string,
  asset: string,
  code: string,
  ref: string,
  externalKey: string | null,
  staffId: string | null,
  memo: string | null,
  pendingId: string | null,
  pendingAmount: string | null,
  timeoutMs: number | null,
  expiresAt: string | null,
  reversesId: string | null,
  timestamp: string,
];

const accountColumns =
  'seq, id, asset, code, ref, flags, created_at, debits_pending, debits_posted, credits_pending, credits_posted';
/** A transfer with its accounts' public ids (transfers name accounts by seq). */
const transferSelect =
  'SELECT t.seq AS seq, t.id AS id, t.kind AS kind, d.id AS debit_account_id, c.id AS credit_account_id, ' +
  't.amount AS amount, t.asset AS asset, t.code AS code, t.ref AS ref, t.external_key AS external_key, ' +
  't.staff_id AS staff_id, t.memo AS memo, t.pending_id AS pending_id, t.pending_amount AS pending_amount, ' +
  't.timeout_ms AS timeout_ms, t.expires_at AS expires_at, t.reverses_id AS reverses_id, t.timestamp AS timestamp ' +
  'FROM ledger_transfers t JOIN ledger_accounts d ON d.seq = t.debit_account JOIN ledger_accounts c ON c.seq = t.credit_account';

export function prepareLedgerStatements(db: Db) {
  type Side = 'debit_account' | 'credit_account';
  const accountSide = (column: Side, condition: string) =>
    `${transferSelect} WHERE t.${column} = @account AND ${condition}`;
  const countSide = (column: Side, op: string) =>
    `(SELECT count(*) FROM ledger_transfers WHERE ${column} = @account AND seq ${op} @boundary)`;
  return {
    insertAccount: db.prepare<[string, string, string, string, number, string]>(
      `INSERT INTO ledger_accounts (id, asset, code, ref, flags, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (asset, code, ref) DO NOTHING`,
    ),
    accountById: db.prepare<[string], AccountRow>(
      `SELECT ${accountColumns} FROM ledger_accounts WHERE id = ?`,
    ),
    accountByKey: db.prepare<[string, string, string], AccountRow>(
      `SELECT ${accountColumns} FROM ledger_accounts WHERE asset = ? AND code = ? AND ref = ?`,
    ),
    listAccounts: db.prepare<{ asset: string | null; code: string | null; ref: string | null }, AccountRow>(
      `SELECT ${accountColumns} FROM ledger_accounts
       WHERE (@asset IS NULL OR asset = @asset) AND (@code IS NULL OR code = @code) AND (@ref IS NULL OR ref = @ref)
       ORDER BY seq`,
    ),
    allAccounts: db.prepare<[], AccountRow>(`SELECT ${accountColumns} FROM ledger_accounts ORDER BY seq`),
    updateBalances: db.prepare<[string, string, string, string, number]>(
      `UPDATE ledger_accounts SET debits_pending = ?, debits_posted = ?, credits_pending = ?, credits_posted = ?
       WHERE seq = ?`,
    ),

    insertTransfer: db.prepare<TransferInsertParams>(
      `INSERT INTO ledger_transfers (id, kind, debit_account, credit_account, amount, asset, code, ref,
         external_key, staff_id, memo, pending_id, pending_amount, timeout_ms, expires_at, reverses_id, timestamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    lastTransfer: db.prepare<[], { seq: number; timestamp: string }>(
      'SELECT seq, timestamp FROM ledger_transfers ORDER BY seq DESC LIMIT 1',
    ),
    /** The first transfer at or after a seq (a step of the binary search from time to seq). */
    transferAtOrAfter: db.prepare<[number], { seq: number; timestamp: string }>(
      'SELECT seq, timestamp FROM ledger_transfers WHERE seq >= ? ORDER BY seq LIMIT 1',
    ),
    transferById: db.prepare<[string], TransferRow>(`${transferSelect} WHERE t.id = ?`),
    transferIdByExternalKey: db
      .prepare<[string], string>('SELECT id FROM ledger_transfers WHERE external_key = ?')
      .pluck(),
    resolutionOf: db.prepare<[string], { id: string; kind: TransferKind }>(
      'SELECT id, kind FROM ledger_transfers WHERE pending_id = ?',
    ),
    reversalOf: db.prepare<[string], string>('SELECT id FROM ledger_transfers WHERE reverses_id = ?').pluck(),
    transfersByRef: db.prepare<[string], TransferRow>(`${transferSelect} WHERE t.ref = ? ORDER BY t.seq`),
    allTransfers: db.prepare<[], TransferRow>(`${transferSelect} ORDER BY t.seq`),

    insertTimeout: db.prepare<[string, string]>(
      'INSERT INTO ledger_pending_timeouts (transfer_id, expires_at) VALUES (?, ?)',
    ),
    deleteTimeout: db.prepare<[string]>('DELETE FROM ledger_pending_timeouts WHERE transfer_id = ?'),
    expiredPending: db
      .prepare<[string], string>(
        'SELECT transfer_id FROM ledger_pending_timeouts WHERE expires_at <= ? ORDER BY expires_at, transfer_id',
      )
      .pluck(),
    allTimeouts: db.prepare<[], { transfer_id: string; expires_at: string }>(
      'SELECT transfer_id, expires_at FROM ledger_pending_timeouts',
    ),

    /** An account's transfers with seq in (after, through], oldest first (a history page). */
    accountPage: db.prepare<{ account: number; after: number; through: number; limit: number }, TransferRow>(
      `${accountSide('debit_account', 't.seq > @after AND t.seq <= @through')}
       UNION ALL
       ${accountSide('credit_account', 't.seq > @after AND t.seq <= @through')}
       ORDER BY seq LIMIT @limit`,
    ),
    /** An account's transfers with seq at or before a boundary (to sum from zero). */
    accountThrough: db.prepare<{ account: number; boundary: number }, TransferRow>(
      `${accountSide('debit_account', 't.seq <= @boundary')}
       UNION ALL ${accountSide('credit_account', 't.seq <= @boundary')}`,
    ),
    /** An account's transfers with seq after a boundary (to take back from the current balances). */
    accountAfter: db.prepare<{ account: number; boundary: number }, TransferRow>(
      `${accountSide('debit_account', 't.seq > @boundary')}
       UNION ALL ${accountSide('credit_account', 't.seq > @boundary')}`,
    ),
    countThrough: db
      .prepare<{ account: number; boundary: number }, number>(
        `SELECT ${countSide('debit_account', '<=')} + ${countSide('credit_account', '<=')}`,
      )
      .pluck(),
    countAfter: db
      .prepare<{ account: number; boundary: number }, number>(
        `SELECT ${countSide('debit_account', '>')} + ${countSide('credit_account', '>')}`,
      )
      .pluck(),
  };
}

export type LedgerStatements = ReturnType<typeof prepareLedgerStatements>;

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    asset: row.asset,
    code: row.code,
    ref: row.ref,
    flags: bitsToFlags(row.flags),
    createdAt: row.created_at,
    debitsPending: BigInt(row.debits_pending),
    debitsPosted: BigInt(row.debits_posted),
    creditsPending: BigInt(row.credits_pending),
    creditsPosted: BigInt(row.credits_posted),
  };
}

export function toTransfer(row: TransferRow): Transfer {
  return {
    id: row.id,
    kind: row.kind,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: BigInt(row.amount),
    asset: row.asset,
    code: row.code,
    ref: row.ref,
    externalKey: row.external_key,
    staffId: row.staff_id,
    memo: row.memo,
    pending: row.kind === 'pending',
    timeoutMs: row.timeout_ms,
    expiresAt: row.expires_at,
    postPendingId: row.kind === 'post_pending' ? row.pending_id : null,
    voidPendingId: row.kind === 'void_pending' || row.kind === 'expire_pending' ? row.pending_id : null,
    pendingAmount: row.pending_amount === null ? null : BigInt(row.pending_amount),
    reversesId: row.reverses_id,
    timestamp: row.timestamp,
  };
}
