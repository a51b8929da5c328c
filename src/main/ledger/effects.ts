/**
 * How transfers move balances, as pure functions: the effect of each kind of transfer on one side
 * of an account, and the account flags (limits) that a balance must respect.
 */
import { type AccountFlags, type Balances, type TransferKind } from './types';

/** Flag bits as stored in ledger_accounts.flags. */
export const debitsLimitBit = 1;
export const creditsLimitBit = 2;

export function flagsToBits(flags: AccountFlags | undefined): number {
  return (
    (flags?.debitsMustNotExceedCredits ? debitsLimitBit : 0) |
    (flags?.creditsMustNotExceedDebits ? creditsLimitBit : 0)
  );
}

export function bitsToFlags(bits: number): Required<AccountFlags> {
  return {
    debitsMustNotExceedCredits: (bits & debitsLimitBit) !== 0,
    creditsMustNotExceedDebits: (bits & creditsLimitBit) !== 0,
  };
}

/**
 * How one transfer moves one side of an account (the other account moves the same on its side):
 * single → posted += amount; pending → pending += amount; post → pending −= pendingAmount and
 * posted += amount (a partial post releases the rest); void/expire → pending −= pendingAmount.
 */
export function applyEffect(
  balances: Balances,
  side: 'debit' | 'credit',
  kind: TransferKind,
  amount: bigint,
  pendingAmount: bigint | null,
): void {
  const posted = kind === 'single' ? amount : kind === 'post_pending' ? amount : 0n;
  const pendingDelta = kind === 'pending' ? amount : kind === 'single' ? 0n : -(pendingAmount ?? 0n);
  if (side === 'debit') {
    balances.debitsPosted += posted;
    balances.debitsPending += pendingDelta;
  } else {
    balances.creditsPosted += posted;
    balances.creditsPending += pendingDelta;
  }
}

/**
 * Whether an account's balances break its flag (TigerBeetle semantics: pending debits count
 * against the limit, pending credits do not count as available).
 */
export function limitBreach(
  flagBits: number,
  balances: Balances,
): 'exceeds_credits' | 'exceeds_debits' | null {
  if (flagBits & debitsLimitBit && balances.debitsPending + balances.debitsPosted > balances.creditsPosted) {
    return 'exceeds_credits';
  }
  if (
    flagBits & creditsLimitBit &&
    balances.creditsPending + balances.creditsPosted > balances.debitsPosted
  ) {
    return 'exceeds_debits';
  }
  return null;
}

/** What an account can still be debited (debit-limited) or credited (credit-limited). */
export function availableUnderLimit(flagBits: number, balances: Balances): bigint {
  if (flagBits & debitsLimitBit)
    return balances.creditsPosted - balances.debitsPending - balances.debitsPosted;
  return balances.debitsPosted - balances.creditsPending - balances.creditsPosted;
}
