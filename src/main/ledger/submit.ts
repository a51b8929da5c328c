/**
 * The write path of the ledger. `submit` runs every group in one SQLite transaction; a refused
 * group writes nothing and the others still commit together. Groups are first written with no
 * savepoint each (the fast path); when one is refused the call is rolled back and run again with a
 * savepoint per group (see `submit`).
 *
 * Per submit call, each account touched is read once (one SELECT) into a working copy; transfers
 * update the copies in memory (with an undo log for a refused group) and the copies are written
 * back once, just before commit. Per transfer there is one INSERT (ON CONFLICT DO NOTHING: a
 * conflict is diagnosed only when it happens, so idempotent replays cost a read, new ones nothing).
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { type Db } from '../kernel';
import { applyEffect, availableUnderLimit, limitBreach } from './effects';
import {
  isPendingResolution,
  parseTransferInput,
  Refusal,
  type LooseTransferInput,
  type ResolvedTransfer,
} from './parse';
import { checkReversal, compareWithExisting, resolveAgainstPending } from './rules';
import { SubmitSession } from './session';
import { toTransfer, type LedgerStatements } from './statements';
import { createMicrosFormatter, lastMicrosOfDate, microsFromIso } from './timestamps';
import { type SubmitResult, type Transfer, type TransferInput } from './types';

/** Thrown out of the fast path when a group is refused, to roll the whole call back. */
class FastPathRefused extends Error {
  constructor(readonly result: SubmitResult) {
    super('a group was refused on the fast path');
  }
}

function idOf(input: unknown): string {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
}

/** The result of a refused group: the failed transfer's code, linked_event_failed for the others. */
function refusedResult(group: readonly TransferInput[], { refusal, index }: GroupRefused): SubmitResult {
  return {
    status: 'error',
    code: refusal.code,
    transferId: idOf(group[index]),
    message: refusal.message,
    details: refusal.details,
    transfers: group.map((input, i) => ({
      id: idOf(input),
      code: i === index ? refusal.code : 'linked_event_failed',
    })),
  };
}

/** A refused group, thrown inside its savepoint to roll it back. */
class GroupRefused extends Error {
  constructor(
    readonly index: number,
    readonly refusal: Refusal,
  ) {
    super(refusal.message);
  }
}

export interface Submitter {
  submit(groups: readonly (readonly TransferInput[])[]): SubmitResult[];
  expirePending(now: Date): number;
}

export function createSubmitter(db: Db, statements: LedgerStatements, clock: () => Date): Submitter {
  const format = createMicrosFormatter();
  const newId = monotonicFactory();

  const readTransfer = (id: string): Transfer | null => {
    const row = statements.transferById.get(id);
    return row ? toTransfer(row) : null;
  };

  /** Why an insert hit a uniqueness constraint: an identical replay, or a refusal. */
  const diagnoseConflict = (next: ResolvedTransfer): 'exists' | Refusal => {
    const existing = readTransfer(next.id);
    if (existing) return compareWithExisting(next, existing) ?? 'exists';
    const details = { transferId: next.id };
    if (next.externalKey !== null) {
      const holder = statements.transferIdByExternalKey.get(next.externalKey);
      if (holder !== undefined) {
        return new Refusal(
          'external_key_exists',
          `External key ${next.externalKey} was recorded by transfer ${holder}.`,
          {
            ...details,
            externalKey: next.externalKey,
            existingTransferId: holder,
          },
        );
      }
    }
    if (next.pendingId !== null) {
      const resolution = statements.resolutionOf.get(next.pendingId);
      if (resolution) {
        const more = { ...details, pendingId: next.pendingId, resolvedBy: resolution.id };
        if (resolution.kind === 'post_pending') {
          return new Refusal(
            'pending_already_posted',
            `Pending transfer ${next.pendingId} was already posted.`,
            more,
          );
        }
        if (resolution.kind === 'void_pending') {
          return new Refusal(
            'pending_already_voided',
            `Pending transfer ${next.pendingId} was already voided.`,
            more,
          );
        }
        return new Refusal('pending_expired', `Pending transfer ${next.pendingId} expired.`, more);
      }
    }
    if (next.reversesId !== null) {
      const reversal = statements.reversalOf.get(next.reversesId);
      if (reversal !== undefined) {
        return new Refusal(
          'already_reversed',
          `Transfer ${next.reversesId} was already reversed by ${reversal}.`,
          {
            ...details,
            reversesId: next.reversesId,
            reversedBy: reversal,
          },
        );
      }
    }
    throw new Error(`Transfer ${next.id} hit a uniqueness constraint the ledger cannot explain.`);
  };

  /** Writes one resolved transfer and moves the working balances; the caller's savepoint undoes a refusal. */
  const write = (
    session: SubmitSession,
    next: ResolvedTransfer,
    pending: Transfer | null,
  ): 'ok' | 'exists' | Refusal => {
    const debit = session.account(next.debitAccountId);
    const credit = session.account(next.creditAccountId);
    if (debit === null || credit === null) {
      const missing = debit === null ? next.debitAccountId : next.creditAccountId;
      return new Refusal('account_not_found', `No ledger account ${missing}.`, {
        transferId: next.id,
        accountId: missing,
      });
    }
    if (next.asset !== debit.asset || next.asset !== credit.asset) {
      return new Refusal(
        'asset_mismatch',
        `Transfer asset ${next.asset} must equal both accounts' (debit ${debit.asset}, credit ${credit.asset}).`,
        { transferId: next.id, asset: next.asset, debitAsset: debit.asset, creditAsset: credit.asset },
      );
    }
    const timestamp = session.nextTimestamp();
    const expiresAt =
      next.timeoutMs === null ? null : session.format(microsFromIso(timestamp) + next.timeoutMs * 1000);
    const inserted = statements.insertTransfer.run(
      next.id,
      next.kind,
      debit.seq,
      credit.seq,
      next.amount.toString(),
      next.asset,
      next.code,
      next.ref,
      next.externalKey,
      next.staffId,
      next.memo,
      next.pendingId,
      next.pendingAmount === null ? null : next.pendingAmount.toString(),
      next.timeoutMs,
      expiresAt,
      next.reversesId,
      timestamp,
    );
    if (inserted.changes === 0) return diagnoseConflict(next);

    if (pending !== null) {
      if (
        next.kind !== 'expire_pending' &&
        pending.expiresAt !== null &&
        pending.expiresAt <= session.nowThroughIso
      ) {
        return new Refusal(
          'pending_expired',
          `Pending transfer ${pending.id} expired at ${pending.expiresAt}.`,
          {
            transferId: next.id,
            pendingId: pending.id,
            expiresAt: pending.expiresAt,
          },
        );
      }
      if (pending.expiresAt !== null) statements.deleteTimeout.run(pending.id);
    }
    if (next.reversesId !== null) {
      const refusal = checkReversal(next, readTransfer(next.reversesId));
      if (refusal) return refusal;
    }
    if (expiresAt !== null) statements.insertTimeout.run(next.id, expiresAt);

    const debitAvailable = debit.flags === 0 ? 0n : availableUnderLimit(debit.flags, debit);
    const creditAvailable = credit.flags === 0 ? 0n : availableUnderLimit(credit.flags, credit);
    session.remember(debit);
    session.remember(credit);
    applyEffect(debit, 'debit', next.kind, next.amount, next.pendingAmount);
    applyEffect(credit, 'credit', next.kind, next.amount, next.pendingAmount);
    debit.dirty = true;
    credit.dirty = true;
    for (const [account, available] of [
      [debit, debitAvailable],
      [credit, creditAvailable],
    ] as const) {
      if (account.flags === 0) continue;
      const breach = limitBreach(account.flags, account);
      if (breach === null) continue;
      const what =
        breach === 'exceeds_credits' ? 'debits would exceed its credits' : 'credits would exceed its debits';
      return new Refusal(breach, `Account ${account.id}: ${what} (needs ${next.amount}, has ${available}).`, {
        transferId: next.id,
        accountId: account.id,
        requiredMinor: next.amount.toString(),
        availableMinor: (available < 0n ? 0n : available).toString(),
      });
    }
    return 'ok';
  };

  const applyInput = (session: SubmitSession, input: TransferInput): 'ok' | 'exists' | Refusal => {
    const parsed = parseTransferInput(input as LooseTransferInput);
    if (parsed instanceof Refusal) return parsed;
    if (isPendingResolution(parsed)) {
      const pending = readTransfer(parsed.pendingId);
      const resolved = resolveAgainstPending(parsed, pending);
      if (resolved instanceof Refusal) return resolved;
      return write(session, resolved, pending);
    }
    return write(session, parsed, null);
  };

  /** Applies a group's transfers in order: how many already existed, or the first refusal. */
  const applyGroup = (session: SubmitSession, group: readonly TransferInput[]): number | GroupRefused => {
    let existing = 0;
    for (let i = 0; i < group.length; i += 1) {
      const outcome = applyInput(session, group[i] as TransferInput);
      if (outcome instanceof Refusal) return new GroupRefused(i, outcome);
      if (outcome === 'exists') existing += 1;
    }
    return existing;
  };

  /** The careful path: the group in its own savepoint, rolled back alone when refused. */
  const applyGroupInSavepoint = db.transaction((session: SubmitSession, group: readonly TransferInput[]) => {
    const outcome = applyGroup(session, group);
    if (outcome instanceof GroupRefused) throw outcome;
    return outcome;
  });

  const submitGroup = (
    session: SubmitSession,
    group: readonly TransferInput[],
    careful: boolean,
  ): SubmitResult => {
    if (!Array.isArray(group) || group.length === 0) {
      const message = 'A linked group needs at least one transfer.';
      return {
        status: 'error',
        code: 'group_must_not_be_empty',
        transferId: '',
        message,
        details: {},
        transfers: [],
      };
    }
    session.tick();
    let outcome: number | GroupRefused;
    if (careful) {
      try {
        outcome = applyGroupInSavepoint(session, group);
      } catch (error) {
        if (!(error instanceof GroupRefused)) throw error;
        outcome = error;
      }
    } else {
      outcome = applyGroup(session, group);
    }
    if (!(outcome instanceof GroupRefused)) {
      session.keep();
      return outcome === group.length ? { status: 'exists' } : { status: 'ok' };
    }
    session.undo();
    const result = refusedResult(group, outcome);
    // The fast path has no savepoint to undo the group's rows with: roll the whole call back.
    if (!careful) throw new FastPathRefused(result);
    return result;
  };

  const submitAll = db.transaction((groups: readonly (readonly TransferInput[])[], careful: boolean) => {
    const session = new SubmitSession(statements, clock, format);
    const results = groups.map((group) => submitGroup(session, group, careful));
    session.flush();
    return results;
  });

  const expireAll = db.transaction((now: Date): number => {
    const session = new SubmitSession(statements, clock, format);
    const expired = statements.expiredPending.all(format(lastMicrosOfDate(now)));
    for (const pendingId of expired) {
      const pending = readTransfer(pendingId);
      if (pending === null) throw new Error(`Pending timeout names a missing transfer ${pendingId}.`);
      const outcome = write(
        session,
        {
          id: newId(clock().getTime()),
          kind: 'expire_pending',
          debitAccountId: pending.debitAccountId,
          creditAccountId: pending.creditAccountId,
          amount: pending.amount,
          asset: pending.asset,
          code: pending.code,
          ref: pending.ref,
          externalKey: null,
          staffId: null,
          memo: null,
          pendingId: pending.id,
          pendingAmount: pending.amount,
          timeoutMs: null,
          reversesId: null,
        },
        pending,
      );
      if (outcome !== 'ok') {
        const why = outcome instanceof Refusal ? outcome.message : outcome;
        throw new Error(`Could not expire pending transfer ${pendingId}: ${why}`);
      }
    }
    session.flush();
    return expired.length;
  });

  return {
    submit(groups) {
      if (!Array.isArray(groups)) {
        throw new TillpointError('bad_input', 'submit takes a list of linked groups (arrays of transfers).');
      }
      // Groups are refused rarely, so first every group is written without a savepoint of its own
      // (a savepoint per group costs about a third of the write path). When one is refused, the
      // call is rolled back whole and run again with a savepoint per group, so that the others
      // still commit. A call of one group needs no second run: its refusal is the answer.
      try {
        return submitAll.immediate(groups, false);
      } catch (error) {
        if (!(error instanceof FastPathRefused)) throw error;
        if (groups.length === 1) return [error.result];
        return submitAll.immediate(groups, true);
      }
    },
    expirePending(now) {
      return expireAll.immediate(now);
    },
  };
}
