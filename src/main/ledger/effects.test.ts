import { describe, expect, it } from 'vitest';
import {
  applyEffect,
  availableUnderLimit,
  bitsToFlags,
  creditsLimitBit,
  debitsLimitBit,
  flagsToBits,
  limitBreach,
} from './effects';
import { type AccountFlags, type Balances, type TransferKind } from './types';

const b = (
  debitsPending: bigint,
  debitsPosted: bigint,
  creditsPending: bigint,
  creditsPosted: bigint,
): Balances => ({
  debitsPending,
  debitsPosted,
  creditsPending,
  creditsPosted,
});

describe('applyEffect', () => {
  it.each<[string, TransferKind, 'debit' | 'credit', bigint, bigint | null, Balances]>([
    ['single posts on the debit side', 'single', 'debit', 100n, null, b(10n, 120n, 0n, 0n)],
    ['single posts on the credit side', 'single', 'credit', 100n, null, b(10n, 20n, 0n, 100n)],
    ['pending reserves on the debit side', 'pending', 'debit', 100n, null, b(110n, 20n, 0n, 0n)],
    ['pending reserves on the credit side', 'pending', 'credit', 100n, null, b(10n, 20n, 100n, 0n)],
    ['a full post moves pending to posted', 'post_pending', 'debit', 10n, 10n, b(0n, 30n, 0n, 0n)],
    ['a partial post releases the rest', 'post_pending', 'debit', 4n, 10n, b(0n, 24n, 0n, 0n)],
    ['a void releases the pending amount', 'void_pending', 'debit', 10n, 10n, b(0n, 20n, 0n, 0n)],
    ['an expiry releases the pending amount', 'expire_pending', 'debit', 10n, 10n, b(0n, 20n, 0n, 0n)],
  ])('%s', (_label, kind, side, amount, pendingAmount, expected) => {
    const balances = b(10n, 20n, 0n, 0n);
    applyEffect(balances, side, kind, amount, pendingAmount);
    expect(balances).toEqual(expected);
  });

  it('works on wei amounts past 2^64', () => {
    const wei = 10n ** 30n;
    const balances = b(0n, 0n, 0n, 0n);
    applyEffect(balances, 'credit', 'single', wei, null);
    applyEffect(balances, 'credit', 'single', wei, null);
    expect(balances.creditsPosted).toBe(2n * 10n ** 30n);
  });
});

describe('account flags', () => {
  it.each<[AccountFlags, number]>([
    [{}, 0],
    [{ debitsMustNotExceedCredits: true }, debitsLimitBit],
    [{ creditsMustNotExceedDebits: true }, creditsLimitBit],
    [{ debitsMustNotExceedCredits: false, creditsMustNotExceedDebits: false }, 0],
  ])('%j is stored as %i and read back', (flags, bits) => {
    expect(flagsToBits(flags)).toBe(bits);
    expect(bitsToFlags(bits)).toEqual({
      debitsMustNotExceedCredits: flags.debitsMustNotExceedCredits === true,
      creditsMustNotExceedDebits: flags.creditsMustNotExceedDebits === true,
    });
  });

  it.each<[string, number, Balances, ReturnType<typeof limitBreach>, bigint]>([
    ['no flag never breaches', 0, b(0n, 50n, 0n, 0n), null, 0n],
    ['debits equal to credits are fine', debitsLimitBit, b(0n, 50n, 0n, 50n), null, 0n],
    ['posted debits past credits breach', debitsLimitBit, b(0n, 51n, 0n, 50n), 'exceeds_credits', -1n],
    ['pending debits count against the limit', debitsLimitBit, b(10n, 41n, 0n, 50n), 'exceeds_credits', -1n],
    ['pending credits are not available yet', debitsLimitBit, b(0n, 51n, 100n, 50n), 'exceeds_credits', -1n],
    ['credits equal to debits are fine', creditsLimitBit, b(0n, 50n, 0n, 50n), null, 0n],
    ['credits past debits breach', creditsLimitBit, b(0n, 50n, 1n, 50n), 'exceeds_debits', -1n],
    ['room left under a debit limit', debitsLimitBit, b(5n, 10n, 0n, 40n), null, 25n],
  ])('%s', (_label, bits, balances, breach, available) => {
    expect(limitBreach(bits, balances)).toBe(breach);
    if (bits !== 0) expect(availableUnderLimit(bits, balances)).toBe(available);
  });
});
