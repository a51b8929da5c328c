/**
 * The double-entry ledger, shaped after TigerBeetle: accounts (asset, code, owner ref, flags, four
 * balances) and immutable transfers between two accounts of one asset, posted at once or in two
 * phases (pending → post / void / timeout), written in linked groups that succeed or fail whole,
 * idempotent by client-made id and by external key, corrected only by reversing transfers.
 *
 * Offers `createLedger(db, { now })` → `Ledger` (ensureAccount, submit, submitOne, expirePending,
 * reverse, balance, history, transfersByRef, getTransfer, checkInvariants), the core domain
 * `createLedgerModule(deps)` (handlers `ledger.accounts`, `ledger.history`, plus the `ledger`),
 * and the ledger's types. Amounts are bigint minor units; the tables store them as decimal text.
 */
export { createLedger, apiErrorCodeOf, submitErrorOf, type CreateLedgerOptions } from './ledger';
export { createLedgerModule, accountView, balanceView, type LedgerModule } from './module';
export { ledgerErrorCodes } from './types';
export type {
  Account,
  AccountFilter,
  AccountFlags,
  Balance,
  BalanceOptions,
  Balances,
  EnsureAccountInput,
  HistoryEntry,
  HistoryOptions,
  HistoryPage,
  InvariantReport,
  Ledger,
  LedgerErrorCode,
  LedgerFailure,
  NewTransferInput,
  PostPendingInput,
  ReverseOptions,
  SubmitResult,
  Transfer,
  TransferInput,
  TransferKind,
  VoidPendingInput,
} from './types';
