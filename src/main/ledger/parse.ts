/**
 * What a caller hands to `submit`, checked before anything touches the database: the shape of a
 * transfer, resolved with its defaults, or the reason it is refused (a Refusal). Pure functions.
 */
import { type LedgerErrorCode, type LedgerFailure, type TransferKind } from './types';

/** A refused transfer; `instanceof Refusal` tells it from a result on the hot path. */
export class Refusal implements LedgerFailure {
  constructor(
    readonly code: LedgerErrorCode,
    readonly message: string,
    readonly details: Record<string, string | null> = {},
  ) {}
}

/** A transfer ready to be written: every field known, defaults applied. */
export interface ResolvedTransfer {
  id: string;
  kind: TransferKind;
  debitAccountId: string;
  creditAccountId: string;
  amount: bigint;
  asset: string;
  code: string;
  ref: string;
  externalKey: string | null;
  staffId: string | null;
  memo: string | null;
  pendingId: string | null;
  pendingAmount: bigint | null;
  timeoutMs: number | null;
  reversesId: string | null;
}

/** What a caller may hand in, before we trust any of it (JS callers can pass anything). */
export interface LooseTransferInput {
  id?: unknown;
  debitAccountId?: unknown;
  creditAccountId?: unknown;
  amount?: unknown;
  asset?: unknown;
  code?: unknown;
  ref?: unknown;
  externalKey?: unknown;
  staffId?: unknown;
  memo?: unknown;
  pending?: unknown;
  timeoutMs?: unknown;
  postPendingId?: unknown;
  voidPendingId?: unknown;
  reversesId?: unknown;
}

/** A transfer that resolves a pending one, before the pending transfer is read. */
export interface PendingResolutionInput {
  kind: 'post_pending' | 'void_pending';
  id: string;
  pendingId: string;
  amount: bigint | null;
  debitAccountId: string | null;
  creditAccountId: string | null;
  asset: string | null;
  code: string | null;
  ref: string | null;
  externalKey: string | null;
  staffId: string | null;
  memo: string | null;
}

const maxKeyLength = 200;
const maxMemoLength = 2000;

function invalidField(field: string, reason: string): Refusal {
  return new Refusal('invalid_field', `Transfer field "${field}" ${reason}.`, { field });
}

/** A required text key (account id, asset, code): non-empty, at most 200 characters. */
function requiredKey(input: LooseTransferInput, field: keyof LooseTransferInput): string | Refusal {
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0)
    return invalidField(field, 'must be a non-empty string');
  if (value.length > maxKeyLength) return invalidField(field, `must be at most ${maxKeyLength} characters`);
  return value;
}

/** An optional text field: absent (undefined or null) gives null; else as `requiredKey` (memo may be longer). */
function optionalText(input: LooseTransferInput, field: keyof LooseTransferInput): string | null | Refusal {
  const value = input[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0)
    return invalidField(field, 'must be a non-empty string when given');
  const limit = field === 'memo' ? maxMemoLength : maxKeyLength;
  if (value.length > limit) return invalidField(field, `must be at most ${limit} characters`);
  return value;
}

function optionalAmount(input: LooseTransferInput): bigint | null | Refusal {
  const value = input.amount;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'bigint') return invalidField('amount', 'must be a bigint of minor units');
  if (value <= 0n) {
    return new Refusal('amount_must_be_positive', `Amount must be more than zero (got ${value}).`, {
      amount: value.toString(),
    });
  }
  return value;
}

/**
 * Checks everything about one transfer that needs no database: returns the resolved transfer
 * (single or pending), a pending resolution to complete against its pending transfer, or why not.
 */
export function parseTransferInput(
  input: LooseTransferInput,
): ResolvedTransfer | PendingResolutionInput | Refusal {
  if (typeof input !== 'object' || input === null)
    return new Refusal('invalid_field', 'A transfer must be an object.');
  const id = input.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 128 || /\s/.test(id)) {
    return new Refusal(
      'invalid_id',
      'Transfer id must be a non-empty string of at most 128 characters, no spaces.',
      {
        id: typeof id === 'string' ? id : null,
      },
    );
  }
  const postPendingId = optionalText(input, 'postPendingId');
  if (postPendingId instanceof Refusal) return postPendingId;
  const voidPendingId = optionalText(input, 'voidPendingId');
  if (voidPendingId instanceof Refusal) return voidPendingId;
  const reversesId = optionalText(input, 'reversesId');
  if (reversesId instanceof Refusal) return reversesId;
  if (input.pending !== undefined && input.pending !== null && typeof input.pending !== 'boolean') {
    return invalidField('pending', 'must be a boolean');
  }
  const pending = input.pending === true;
  const modes = [pending, postPendingId !== null, voidPendingId !== null, reversesId !== null].filter(
    Boolean,
  ).length;
  if (modes > 1) {
    return new Refusal(
      'flags_are_mutually_exclusive',
      'A transfer is at most one of: pending, a post of a pending transfer, a void of one, a reversal.',
    );
  }
  let timeoutMs: number | null = null;
  if (input.timeoutMs !== undefined && input.timeoutMs !== null) {
    if (!pending)
      return new Refusal('timeout_requires_pending', 'Only a pending transfer can have a timeout.');
    if (
      typeof input.timeoutMs !== 'number' ||
      !Number.isSafeInteger(input.timeoutMs) ||
      input.timeoutMs <= 0
    ) {
      return invalidField('timeoutMs', 'must be a positive whole number of milliseconds');
    }
    timeoutMs = input.timeoutMs;
  }
  const amount = optionalAmount(input);
  if (amount instanceof Refusal) return amount;
  const externalKey = optionalText(input, 'externalKey');
  if (externalKey instanceof Refusal) return externalKey;
  const staffId = optionalText(input, 'staffId');
  if (staffId instanceof Refusal) return staffId;
  const memo = optionalText(input, 'memo');
  if (memo instanceof Refusal) return memo;
  if (input.ref !== undefined && input.ref !== null && typeof input.ref !== 'string') {
    return invalidField('ref', 'must be a string');
  }
  if (typeof input.ref === 'string' && input.ref.length > maxKeyLength) {
    return invalidField('ref', `must be at most ${maxKeyLength} characters`);
  }

  const resolvedPendingId = postPendingId ?? voidPendingId;
  if (resolvedPendingId !== null) {
    const fields: (keyof LooseTransferInput)[] = ['debitAccountId', 'creditAccountId', 'asset', 'code'];
    const given: Record<string, string | null> = {};
    for (const field of fields) {
      const value = optionalText(input, field);
      if (value instanceof Refusal) return value;
      given[field] = value;
    }
    return {
      kind: postPendingId !== null ? 'post_pending' : 'void_pending',
      id,
      pendingId: resolvedPendingId,
      amount,
      debitAccountId: given.debitAccountId ?? null,
      creditAccountId: given.creditAccountId ?? null,
      asset: given.asset ?? null,
      code: given.code ?? null,
      ref: typeof input.ref === 'string' ? input.ref : null,
      externalKey,
      staffId,
      memo,
    };
  }

  const debitAccountId = requiredKey(input, 'debitAccountId');
  if (debitAccountId instanceof Refusal) return debitAccountId;
  const creditAccountId = requiredKey(input, 'creditAccountId');
  if (creditAccountId instanceof Refusal) return creditAccountId;
  if (amount === null) return invalidField('amount', 'is required (a bigint of minor units)');
  const asset = requiredKey(input, 'asset');
  if (asset instanceof Refusal) return asset;
  const code = requiredKey(input, 'code');
  if (code instanceof Refusal) return code;
  if (typeof input.ref !== 'string') return invalidField('ref', "is required ('' when nothing caused it)");
  if (debitAccountId === creditAccountId) {
    return new Refusal(
      'accounts_must_be_different',
      'A transfer must debit one account and credit another.',
      {
        accountId: debitAccountId,
      },
    );
  }
  return {
    id,
    kind: pending ? 'pending' : 'single',
    debitAccountId,
    creditAccountId,
    amount,
    asset,
    code,
    ref: input.ref,
    externalKey,
    staffId,
    memo,
    pendingId: null,
    pendingAmount: null,
    timeoutMs,
    reversesId,
  };
}

/** Tells a post/void still to be completed from a transfer ready to write. */
export function isPendingResolution(
  parsed: ResolvedTransfer | PendingResolutionInput,
): parsed is PendingResolutionInput {
  return !('pendingAmount' in parsed);
}
