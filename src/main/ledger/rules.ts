/**
 * The ledger's rules about transfers that meet stored ones, as pure functions: how a pending
 * transfer is resolved by a post or void, when a replay is identical to what exists, what a
 * reversal must look like. submit.ts applies them in order (and effects.ts says how balances move).
 */
import { Refusal, type PendingResolutionInput, type ResolvedTransfer } from './parse';
import { type LedgerErrorCode, type Transfer } from './types';

/** Completes a post or void against the pending transfer it names (already read). */
export function resolveAgainstPending(
  input: PendingResolutionInput,
  pending: Transfer | null,
): ResolvedTransfer | Refusal {
  const details = { transferId: input.id, pendingId: input.pendingId };
  if (pending === null) {
    return new Refusal('pending_not_found', `No transfer ${input.pendingId} to post or void.`, details);
  }
  if (pending.kind !== 'pending') {
    return new Refusal(
      'pending_transfer_not_pending',
      `Transfer ${pending.id} is not a pending transfer.`,
      details,
    );
  }
  if (input.debitAccountId !== null && input.debitAccountId !== pending.debitAccountId) {
    return new Refusal(
      'pending_different_debit_account',
      'The debit account differs from the pending transfer’s.',
      {
        ...details,
        expected: pending.debitAccountId,
        given: input.debitAccountId,
      },
    );
  }
  if (input.creditAccountId !== null && input.creditAccountId !== pending.creditAccountId) {
    return new Refusal(
      'pending_different_credit_account',
      'The credit account differs from the pending transfer’s.',
      {
        ...details,
        expected: pending.creditAccountId,
        given: input.creditAccountId,
      },
    );
  }
  if (input.asset !== null && input.asset !== pending.asset) {
    return new Refusal('pending_different_asset', 'The asset differs from the pending transfer’s.', {
      ...details,
      expected: pending.asset,
      given: input.asset,
    });
  }
  const amount = input.amount ?? pending.amount;
  if (input.kind === 'post_pending' && amount > pending.amount) {
    return new Refusal(
      'post_amount_exceeds_pending',
      `Cannot post ${amount}: the pending amount is ${pending.amount}.`,
      {
        ...details,
        amount: amount.toString(),
        pendingAmount: pending.amount.toString(),
      },
    );
  }
  if (input.kind === 'void_pending' && amount !== pending.amount) {
    return new Refusal(
      'void_amount_must_match_pending',
      `A void releases the whole pending ${pending.amount}.`,
      {
        ...details,
        amount: amount.toString(),
        pendingAmount: pending.amount.toString(),
      },
    );
  }
  return {
    id: input.id,
    kind: input.kind,
    debitAccountId: pending.debitAccountId,
    creditAccountId: pending.creditAccountId,
    amount,
    asset: pending.asset,
    code: input.code ?? pending.code,
    ref: input.ref ?? pending.ref,
    externalKey: input.externalKey,
    staffId: input.staffId,
    memo: input.memo,
    pendingId: pending.id,
    pendingAmount: pending.amount,
    timeoutMs: null,
    reversesId: null,
  };
}

/** The pending id a stored transfer resolves, if any. */
export function resolvedPendingIdOf(transfer: Transfer): string | null {
  return transfer.postPendingId ?? transfer.voidPendingId;
}

/** A transfer submitted again under an existing id: null when identical, else the first difference. */
export function compareWithExisting(next: ResolvedTransfer, existing: Transfer): Refusal | null {
  const checks: [LedgerErrorCode, string, unknown, unknown][] = [
    ['exists_with_different_flags', 'kind', next.kind, existing.kind],
    ['exists_with_different_pending_id', 'pending id', next.pendingId, resolvedPendingIdOf(existing)],
    ['exists_with_different_timeout', 'timeout', next.timeoutMs, existing.timeoutMs],
    ['exists_with_different_debit_account', 'debit account', next.debitAccountId, existing.debitAccountId],
    [
      'exists_with_different_credit_account',
      'credit account',
      next.creditAccountId,
      existing.creditAccountId,
    ],
    ['exists_with_different_amount', 'amount', next.amount, existing.amount],
    ['exists_with_different_asset', 'asset', next.asset, existing.asset],
    ['exists_with_different_code', 'code', next.code, existing.code],
    ['exists_with_different_ref', 'ref', next.ref, existing.ref],
    ['exists_with_different_external_key', 'external key', next.externalKey, existing.externalKey],
    ['exists_with_different_reverses_id', 'reversed transfer', next.reversesId, existing.reversesId],
    ['exists_with_different_staff', 'staff member', next.staffId, existing.staffId],
    ['exists_with_different_memo', 'memo', next.memo, existing.memo],
  ];
  for (const [code, label, given, stored] of checks) {
    if (given !== stored) {
      return new Refusal(code, `Transfer ${next.id} exists with another ${label}.`, {
        transferId: next.id,
        existing: stored === null ? null : String(stored),
        given: given === null ? null : String(given),
      });
    }
  }
  return null;
}

/** A reversal must undo a posted transfer exactly: accounts swapped, same amount. */
export function checkReversal(next: ResolvedTransfer, target: Transfer | null): Refusal | null {
  const details = { transferId: next.id, reversesId: next.reversesId };
  if (target === null) {
    return new Refusal('reversal_target_not_found', `No transfer ${next.reversesId} to reverse.`, details);
  }
  if (target.kind === 'pending') {
    return new Refusal(
      'cannot_reverse_pending',
      `Transfer ${target.id} is pending: void it instead.`,
      details,
    );
  }
  if (target.kind === 'void_pending' || target.kind === 'expire_pending') {
    return new Refusal(
      'cannot_reverse_void',
      `Transfer ${target.id} released a pending transfer: nothing to reverse.`,
      details,
    );
  }
  if (next.debitAccountId !== target.creditAccountId || next.creditAccountId !== target.debitAccountId) {
    return new Refusal(
      'reversal_accounts_mismatch',
      'A reversal debits the account the original credited, and back.',
      details,
    );
  }
  if (next.amount !== target.amount) {
    return new Refusal(
      'reversal_amount_mismatch',
      `A reversal moves the original amount (${target.amount}).`,
      {
        ...details,
        expected: target.amount.toString(),
        given: next.amount.toString(),
      },
    );
  }
  return null;
}
