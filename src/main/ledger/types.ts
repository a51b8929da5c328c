/**
 * The ledger's vocabulary: accounts, transfers, what callers submit, what they get back. Amounts
 * are bigint minor units of the asset (cents, sats, wei); they never pass through a JS number.
 */

export interface AccountFlags {
  /** debits (pending + posted) may never exceed posted credits: a customer's coin balance. */
  debitsMustNotExceedCredits?: boolean;
  /** credits (pending + posted) may never exceed posted debits. */
  creditsMustNotExceedDebits?: boolean;
}

/** The four balances the ledger keeps per account. */
export interface Balances {
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
}

/** Balances plus `net` = debitsPosted − creditsPosted (positive: a debit balance, e.g. cash held). */
export interface Balance extends Balances {
  net: bigint;
}

export interface Account extends Balances {
  id: string;
  asset: string;
  code: string;
  /** '' or the owner's id (a customer, a vendor). */
  ref: string;
  flags: Required<AccountFlags>;
  createdAt: string;
}

export interface EnsureAccountInput {
  asset: string;
  code: string;
  ref?: string;
  flags?: AccountFlags;
}

export interface AccountFilter {
  asset?: string;
  code?: string;
  ref?: string;
}

/**
 * single: posted at once. pending: reserves (moves pending balances). post_pending / void_pending /
 * expire_pending: resolve a pending transfer (post moves `amount` to posted and releases the rest).
 */
export type TransferKind = 'single' | 'pending' | 'post_pending' | 'void_pending' | 'expire_pending';

export interface Transfer {
  id: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  /** single/pending: the amount; post: the amount posted; void/expire: the amount released. */
  amount: bigint;
  asset: string;
  code: string;
  ref: string;
  externalKey: string | null;
  staffId: string | null;
  memo: string | null;
  pending: boolean;
  timeoutMs: number | null;
  expiresAt: string | null;
  /** The pending transfer this one posts (kind post_pending). */
  postPendingId: string | null;
  /** The pending transfer this one voids (kind void_pending or expire_pending). */
  voidPendingId: string | null;
  /** For post/void/expire: the amount of the pending transfer resolved. */
  pendingAmount: bigint | null;
  reversesId: string | null;
  /** ISO 8601 with microseconds, assigned by the ledger, strictly increasing. */
  timestamp: string;
}

interface TransferInputBase {
  /** Client-made, unique (ULID or UUIDv7): the idempotency key of the transfer. */
  id: string;
  /** Natural key of an outside event ('stripe:evt_1', 'evm:1:0xabc:3', 'btc:txid:0'); unique. */
  externalKey?: string;
  staffId?: string;
  memo?: string;
}

/** A new transfer, posted at once or (pending: true) reserved until posted, voided or timed out. */
export interface NewTransferInput extends TransferInputBase {
  debitAccountId: string;
  creditAccountId: string;
  amount: bigint;
  asset: string;
  code: string;
  /** What caused it: 'order:<id>', 'payment:<id>', 'shift:<id>'. */
  ref: string;
  pending?: boolean;
  /** Pending only: after this long `expirePending` voids it and posting it fails. */
  timeoutMs?: number;
  reversesId?: string;
  postPendingId?: undefined;
  voidPendingId?: undefined;
}

/**
 * Posts a pending transfer: `amount` defaults to the whole pending amount and may be less (the rest
 * is released). Accounts and asset are the pending transfer's; when given they must match it.
 * `code` and `ref` default to the pending transfer's.
 */
export interface PostPendingInput extends TransferInputBase {
  postPendingId: string;
  amount?: bigint;
  debitAccountId?: string;
  creditAccountId?: string;
  asset?: string;
  code?: string;
  ref?: string;
  voidPendingId?: undefined;
  pending?: undefined;
}

/** Voids a pending transfer: `amount`, when given, must equal the pending amount. */
export interface VoidPendingInput extends TransferInputBase {
  voidPendingId: string;
  amount?: bigint;
  debitAccountId?: string;
  creditAccountId?: string;
  asset?: string;
  code?: string;
  ref?: string;
  postPendingId?: undefined;
  pending?: undefined;
}

export type TransferInput = NewTransferInput | PostPendingInput | VoidPendingInput;

export const ledgerErrorCodes = [
  'invalid_id',
  'invalid_field',
  'group_must_not_be_empty',
  'flags_are_mutually_exclusive',
  'timeout_requires_pending',
  'amount_must_be_positive',
  'accounts_must_be_different',
  'account_not_found',
  'asset_mismatch',
  'exists_with_different_flags',
  'exists_with_different_pending_id',
  'exists_with_different_timeout',
  'exists_with_different_debit_account',
  'exists_with_different_credit_account',
  'exists_with_different_amount',
  'exists_with_different_asset',
  'exists_with_different_code',
  'exists_with_different_ref',
  'exists_with_different_external_key',
  'exists_with_different_reverses_id',
  'exists_with_different_staff',
  'exists_with_different_memo',
  'external_key_exists',
  'exceeds_credits',
  'exceeds_debits',
  'pending_not_found',
  'pending_transfer_not_pending',
  'pending_different_debit_account',
  'pending_different_credit_account',
  'pending_different_asset',
  'pending_already_posted',
  'pending_already_voided',
  'pending_expired',
  'post_amount_exceeds_pending',
  'void_amount_must_match_pending',
  'reversal_target_not_found',
  'cannot_reverse_pending',
  'cannot_reverse_void',
  'reversal_accounts_mismatch',
  'reversal_amount_mismatch',
  'already_reversed',
  'linked_event_failed',
] as const;

export type LedgerErrorCode = (typeof ledgerErrorCodes)[number];

/** Why one transfer was refused; details values are strings (amounts in minor units) or null. */
export interface LedgerFailure {
  code: LedgerErrorCode;
  message: string;
  details: Record<string, string | null>;
}

export type SubmitResult =
  | { status: 'ok' }
  | { status: 'exists' }
  | {
      status: 'error';
      /** The code of the transfer that failed. */
      code: LedgerErrorCode;
      transferId: string;
      message: string;
      details: Record<string, string | null>;
      /** Every transfer of the group: the failed one's code, `linked_event_failed` for the others. */
      transfers: { id: string; code: LedgerErrorCode }[];
    };

export interface BalanceOptions {
  /** The balance just after every transfer made at or before this instant (millisecond precision). */
  at?: Date;
}

export interface HistoryOptions {
  /** Transfers at or after this instant. */
  from?: Date;
  /** Transfers at or before this instant (millisecond precision). */
  to?: Date;
  /** Page size, 1..1000 (default 100). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
}

export interface HistoryEntry {
  transfer: Transfer;
  /** Whether the account was debited or credited. */
  side: 'debit' | 'credit';
  /** The account's balances right after this transfer. */
  balanceAfter: Balance;
}

export interface HistoryPage {
  accountId: string;
  /** The account's balances just before the first entry of this page. */
  opening: Balance;
  entries: HistoryEntry[];
  /** Pass as `after` for the next page; null when this page is the last. */
  nextCursor: string | null;
}

export interface InvariantReport {
  ok: boolean;
  problems: string[];
}

export interface ReverseOptions {
  /** The client-made id of the reversing transfer. */
  id: string;
  staffId?: string;
  memo?: string;
}

export interface Ledger {
  ensureAccount(input: EnsureAccountInput): Account;
  getAccount(id: string): Account | null;
  findAccount(asset: string, code: string, ref?: string): Account | null;
  listAccounts(filter?: AccountFilter): Account[];
  /** Each inner array is a linked group (all or nothing); all groups commit in one transaction. */
  submit(groups: readonly (readonly TransferInput[])[]): SubmitResult[];
  /** One group; throws TillpointError when refused. */
  submitOne(group: readonly TransferInput[]): 'ok' | 'exists';
  /** Voids the pending transfers whose timeout has passed at `now`; returns how many. */
  expirePending(now?: Date): number;
  /** Writes the reversing transfer of a posted one (code 'reversal'); pending ones must be voided. */
  reverse(transferId: string, options: ReverseOptions): 'ok' | 'exists';
  balance(accountId: string, options?: BalanceOptions): Balance;
  history(accountId: string, options?: HistoryOptions): HistoryPage;
  transfersByRef(ref: string): Transfer[];
  getTransfer(id: string): Transfer | null;
  checkInvariants(): InvariantReport;
}
