import { describe, expect, it } from 'vitest';
import {
  parseTransferInput,
  Refusal,
  type LooseTransferInput,
  type PendingResolutionInput,
  type ResolvedTransfer,
} from './parse';
import { checkReversal, compareWithExisting, resolveAgainstPending } from './rules';
import { type LedgerErrorCode, type Transfer } from './types';

const sale: LooseTransferInput = {
  id: 't1',
  debitAccountId: 'cash',
  creditAccountId: 'revenue',
  amount: 1250n,
  asset: 'USD',
  code: 'sale',
  ref: 'order:1',
};

const stored = (over: Partial<Transfer> = {}): Transfer => ({
  id: 't1',
  kind: 'single',
  debitAccountId: 'cash',
  creditAccountId: 'revenue',
  amount: 1250n,
  asset: 'USD',
  code: 'sale',
  ref: 'order:1',
  externalKey: null,
  staffId: null,
  memo: null,
  pending: false,
  timeoutMs: null,
  expiresAt: null,
  postPendingId: null,
  voidPendingId: null,
  pendingAmount: null,
  reversesId: null,
  timestamp: '2026-11-21T12:00:00.000000Z',
  ...over,
});

function codeOf(result: unknown): LedgerErrorCode | 'accepted' {
  return result instanceof Refusal ? result.code : 'accepted';
}

describe('resolveAgainstPending', () => {
  const pending = stored({ id: 'p', kind: 'pending', pending: true, amount: 100n });
  const post = (over: Partial<PendingResolutionInput> = {}): PendingResolutionInput => ({
    kind: 'post_pending',
    id: 'x',
    pendingId: 'p',
    amount: null,
    debitAccountId: null,
    creditAccountId: null,
    asset: null,
    code: null,
    ref: null,
    externalKey: null,
    staffId: null,
    memo: null,
    ...over,
  });

  it.each<[string, PendingResolutionInput, Transfer | null, LedgerErrorCode | 'accepted']>([
    ['a full post', post(), pending, 'accepted'],
    ['a partial post', post({ amount: 40n }), pending, 'accepted'],
    ['a post past the pending amount', post({ amount: 101n }), pending, 'post_amount_exceeds_pending'],
    ['a void of the whole amount', post({ kind: 'void_pending', amount: 100n }), pending, 'accepted'],
    [
      'a void of part of it',
      post({ kind: 'void_pending', amount: 40n }),
      pending,
      'void_amount_must_match_pending',
    ],
    ['no such pending transfer', post(), null, 'pending_not_found'],
    ['a transfer that is not pending', post(), stored({ id: 'p' }), 'pending_transfer_not_pending'],
    ['another debit account', post({ debitAccountId: 'card' }), pending, 'pending_different_debit_account'],
    [
      'another credit account',
      post({ creditAccountId: 'tips' }),
      pending,
      'pending_different_credit_account',
    ],
    ['another asset', post({ asset: 'EUR' }), pending, 'pending_different_asset'],
    [
      'the same accounts given',
      post({ debitAccountId: 'cash', creditAccountId: 'revenue' }),
      pending,
      'accepted',
    ],
  ])('%s → %s', (_label, input, target, expected) => {
    expect(codeOf(resolveAgainstPending(input, target))).toBe(expected);
  });

  it('takes accounts, asset, code and ref from the pending transfer; amount defaults to all of it', () => {
    expect(resolveAgainstPending(post({ ref: 'payment:9' }), pending)).toMatchObject({
      kind: 'post_pending',
      debitAccountId: 'cash',
      creditAccountId: 'revenue',
      asset: 'USD',
      code: 'sale',
      ref: 'payment:9',
      amount: 100n,
      pendingAmount: 100n,
      pendingId: 'p',
    });
  });
});

describe('compareWithExisting', () => {
  const next = parseTransferInput(sale) as ResolvedTransfer;

  it.each<[string, Partial<Transfer>, LedgerErrorCode | 'accepted']>([
    ['identical', {}, 'accepted'],
    ['another amount', { amount: 1n }, 'exists_with_different_amount'],
    ['another debit account', { debitAccountId: 'card' }, 'exists_with_different_debit_account'],
    ['another credit account', { creditAccountId: 'tips' }, 'exists_with_different_credit_account'],
    ['another code', { code: 'tip' }, 'exists_with_different_code'],
    ['another ref', { ref: 'order:2' }, 'exists_with_different_ref'],
    ['another asset', { asset: 'EUR' }, 'exists_with_different_asset'],
    ['pending instead of posted', { kind: 'pending', pending: true }, 'exists_with_different_flags'],
    ['a timeout', { timeoutMs: 5 }, 'exists_with_different_timeout'],
    ['an external key', { externalKey: 'stripe:evt_1' }, 'exists_with_different_external_key'],
    ['a reversal', { reversesId: 'r' }, 'exists_with_different_reverses_id'],
    ['a staff member', { staffId: 's1' }, 'exists_with_different_staff'],
    ['a memo', { memo: 'hello' }, 'exists_with_different_memo'],
    [
      'a post of a pending transfer',
      { kind: 'post_pending', postPendingId: 'p' },
      'exists_with_different_flags',
    ],
  ])('%s → %s', (_label, over, expected) => {
    const result = compareWithExisting(next, stored(over));
    expect(result === null ? 'accepted' : result.code).toBe(expected);
  });

  it('says what differs in its details', () => {
    expect(compareWithExisting(next, stored({ amount: 999n }))?.details).toEqual({
      transferId: 't1',
      existing: '999',
      given: '1250',
    });
  });
});

describe('checkReversal', () => {
  const original = stored({ id: 'o' });
  const reversal = (over: Partial<ResolvedTransfer> = {}): ResolvedTransfer => ({
    ...(parseTransferInput({
      ...sale,
      id: 'r',
      debitAccountId: 'revenue',
      creditAccountId: 'cash',
      reversesId: 'o',
    }) as ResolvedTransfer),
    ...over,
  });

  it.each<[string, ResolvedTransfer, Transfer | null, LedgerErrorCode | 'accepted']>([
    ['an exact reversal', reversal(), original, 'accepted'],
    [
      'a reversal of a post',
      reversal(),
      stored({ id: 'o', kind: 'post_pending', postPendingId: 'p' }),
      'accepted',
    ],
    ['nothing to reverse', reversal(), null, 'reversal_target_not_found'],
    [
      'a pending original',
      reversal(),
      stored({ id: 'o', kind: 'pending', pending: true }),
      'cannot_reverse_pending',
    ],
    [
      'a void original',
      reversal(),
      stored({ id: 'o', kind: 'void_pending', voidPendingId: 'p' }),
      'cannot_reverse_void',
    ],
    [
      'an expiry original',
      reversal(),
      stored({ id: 'o', kind: 'expire_pending', voidPendingId: 'p' }),
      'cannot_reverse_void',
    ],
    [
      'accounts not swapped',
      reversal({ debitAccountId: 'cash', creditAccountId: 'revenue' }),
      original,
      'reversal_accounts_mismatch',
    ],
    ['another amount', reversal({ amount: 1n }), original, 'reversal_amount_mismatch'],
  ])('%s → %s', (_label, next, target, expected) => {
    const result = checkReversal(next, target);
    expect(result === null ? 'accepted' : result.code).toBe(expected);
  });
});
