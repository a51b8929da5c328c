import { describe, expect, it } from 'vitest';
import {
  isPendingResolution,
  parseTransferInput,
  Refusal,
  type LooseTransferInput,
  type PendingResolutionInput,
  type ResolvedTransfer,
} from './parse';
import { type LedgerErrorCode } from './types';

const sale: LooseTransferInput = {
  id: 't1',
  debitAccountId: 'cash',
  creditAccountId: 'revenue',
  amount: 1250n,
  asset: 'USD',
  code: 'sale',
  ref: 'order:1',
};

function codeOf(result: unknown): LedgerErrorCode | 'accepted' {
  return result instanceof Refusal ? result.code : 'accepted';
}

describe('parseTransferInput', () => {
  it.each<[string, LooseTransferInput, LedgerErrorCode | 'accepted']>([
    ['a plain sale', sale, 'accepted'],
    ['a pending sale with a timeout', { ...sale, pending: true, timeoutMs: 60_000 }, 'accepted'],
    ['an empty ref', { ...sale, ref: '' }, 'accepted'],
    ['no id', { ...sale, id: '' }, 'invalid_id'],
    ['an id with a space', { ...sale, id: 'a b' }, 'invalid_id'],
    ['an id that is a number', { ...sale, id: 7 }, 'invalid_id'],
    ['an id past 128 characters', { ...sale, id: 'x'.repeat(129) }, 'invalid_id'],
    ['zero amount', { ...sale, amount: 0n }, 'amount_must_be_positive'],
    ['negative amount', { ...sale, amount: -5n }, 'amount_must_be_positive'],
    ['a float amount', { ...sale, amount: 12.5 }, 'invalid_field'],
    ['a string amount', { ...sale, amount: '1250' }, 'invalid_field'],
    ['no amount', { ...sale, amount: undefined }, 'invalid_field'],
    ['the same account twice', { ...sale, creditAccountId: 'cash' }, 'accounts_must_be_different'],
    ['no debit account', { ...sale, debitAccountId: '' }, 'invalid_field'],
    ['no asset', { ...sale, asset: undefined }, 'invalid_field'],
    ['no code', { ...sale, code: '' }, 'invalid_field'],
    ['no ref', { ...sale, ref: undefined }, 'invalid_field'],
    ['a ref that is not text', { ...sale, ref: 5 }, 'invalid_field'],
    ['an empty external key', { ...sale, externalKey: '' }, 'invalid_field'],
    ['a memo past 2000 characters', { ...sale, memo: 'm'.repeat(2001) }, 'invalid_field'],
    ['a timeout without pending', { ...sale, timeoutMs: 1000 }, 'timeout_requires_pending'],
    ['a zero timeout', { ...sale, pending: true, timeoutMs: 0 }, 'invalid_field'],
    ['a fractional timeout', { ...sale, pending: true, timeoutMs: 1.5 }, 'invalid_field'],
    ['pending that is not a boolean', { ...sale, pending: 'yes' }, 'invalid_field'],
    ['pending and a post', { ...sale, pending: true, postPendingId: 'p' }, 'flags_are_mutually_exclusive'],
    [
      'a post and a void',
      { id: 'x', postPendingId: 'p', voidPendingId: 'p' },
      'flags_are_mutually_exclusive',
    ],
    [
      'a reversal that is pending',
      { ...sale, pending: true, reversesId: 'r' },
      'flags_are_mutually_exclusive',
    ],
    ['a post with nothing else', { id: 'x', postPendingId: 'p' }, 'accepted'],
    ['a post of zero', { id: 'x', postPendingId: 'p', amount: 0n }, 'amount_must_be_positive'],
    ['a void with an empty code', { id: 'x', voidPendingId: 'p', code: '' }, 'invalid_field'],
  ])('%s → %s', (_label, input, expected) => {
    expect(codeOf(parseTransferInput(input))).toBe(expected);
  });

  it('resolves a new transfer with every default filled', () => {
    expect(parseTransferInput({ ...sale, staffId: 's1' })).toEqual({
      ...sale,
      kind: 'single',
      externalKey: null,
      staffId: 's1',
      memo: null,
      pendingId: null,
      pendingAmount: null,
      timeoutMs: null,
      reversesId: null,
    });
  });

  it('leaves a post to be completed against its pending transfer', () => {
    const parsed = parseTransferInput({ id: 'x', postPendingId: 'p', amount: 5n });
    expect(parsed).not.toBeInstanceOf(Refusal);
    expect(isPendingResolution(parsed as ResolvedTransfer | PendingResolutionInput)).toBe(true);
    expect(parsed).toMatchObject({ kind: 'post_pending', pendingId: 'p', amount: 5n, code: null, ref: null });
  });
});
