/**
 * createLedger puts the ledger together on an open database whose migrations are applied:
 * accounts, the submit path, queries, invariants, and the conveniences built on them
 * (submitOne, reverse). The ledger is the only code that writes the ledger_* tables.
 */
import { TillpointError, type ErrorCode } from '../../shared/api/errors';
import { type Db } from '../kernel';
import { createAccountStore } from './accounts';
import { checkLedgerInvariants } from './invariants';
import { createLedgerQueries } from './queries';
import { prepareLedgerStatements } from './statements';
import { createSubmitter } from './submit';
import { type Ledger, type LedgerErrorCode, type SubmitResult } from './types';

export interface CreateLedgerOptions {
  /** The clock of the core (tests move it). Timestamps and pending timeouts read it. */
  now?: () => Date;
}

/** Which API error a refused transfer becomes when thrown by submitOne. */
export function apiErrorCodeOf(code: LedgerErrorCode): ErrorCode {
  if (code === 'exceeds_credits' || code === 'exceeds_debits') return 'insufficient_funds';
  if (code.startsWith('exists_with_different_')) return 'conflict';
  switch (code) {
    case 'external_key_exists':
    case 'pending_already_posted':
    case 'pending_already_voided':
    case 'pending_expired':
    case 'already_reversed':
    case 'cannot_reverse_pending':
    case 'cannot_reverse_void':
      return 'conflict';
    case 'account_not_found':
    case 'pending_not_found':
    case 'reversal_target_not_found':
      return 'not_found';
    default:
      return 'bad_input';
  }
}

/** The TillpointError for a refused group: insufficient_funds carries {accountId, requiredMinor, availableMinor}. */
export function submitErrorOf(result: Extract<SubmitResult, { status: 'error' }>): TillpointError {
  const apiCode = apiErrorCodeOf(result.code);
  if (apiCode === 'insufficient_funds') {
    const { accountId, requiredMinor, availableMinor } = result.details;
    return new TillpointError(apiCode, result.message, { accountId, requiredMinor, availableMinor });
  }
  return new TillpointError(apiCode, result.message, {
    ledgerCode: result.code,
    transferId: result.transferId,
    ...result.details,
  });
}

export function createLedger(db: Db, options: CreateLedgerOptions = {}): Ledger {
  const clock = options.now ?? (() => new Date());
  const statements = prepareLedgerStatements(db);
  const accounts = createAccountStore(statements, clock);
  const submitter = createSubmitter(db, statements, clock);
  const queries = createLedgerQueries(db, statements);

  const submitOne: Ledger['submitOne'] = (group) => {
    const [result] = submitter.submit([group]);
    if (!result) throw new Error('submit returned no result for a group');
    if (result.status === 'error') throw submitErrorOf(result);
    return result.status;
  };

  return {
    ...accounts,
    ...queries,
    submit: (groups) => submitter.submit(groups),
    submitOne,
    expirePending: (now) => submitter.expirePending(now ?? clock()),
    reverse(transferId, reverseOptions) {
      const original = queries.getTransfer(transferId);
      if (!original)
        throw new TillpointError('not_found', `No transfer ${transferId} to reverse.`, { transferId });
      if (original.kind === 'pending') {
        throw new TillpointError(
          'conflict',
          `Transfer ${transferId} is pending: void it instead of reversing it.`,
          {
            transferId,
            ledgerCode: 'cannot_reverse_pending',
          },
        );
      }
      return submitOne([
        {
          id: reverseOptions.id,
          debitAccountId: original.creditAccountId,
          creditAccountId: original.debitAccountId,
          amount: original.amount,
          asset: original.asset,
          code: 'reversal',
          ref: original.ref,
          reversesId: original.id,
          ...(reverseOptions.staffId !== undefined ? { staffId: reverseOptions.staffId } : {}),
          ...(reverseOptions.memo !== undefined ? { memo: reverseOptions.memo } : {}),
        },
      ]);
    },
    // One read transaction, so accounts and transfers are read from the same snapshot.
    checkInvariants: db.transaction(() => checkLedgerInvariants(statements)),
  };
}
