/**
 * The PIN lockout rule, pure: five wrong PINs in a row lock a member for 5 minutes; each further
 * lock (without a correct PIN in between) doubles it, up to one hour. A correct PIN resets both
 * the wrong-PIN count and the lock streak.
 */
export const wrongPinsBeforeLock = 5;
export const firstLockMs = 5 * 60_000;
export const maxLockMs = 60 * 60_000;

export interface LockoutState {
  /** Wrong PINs in a row since the last lock or correct PIN. */
  readonly failedPinCount: number;
  /** Locks in a row since the last correct PIN. */
  readonly lockCount: number;
  /** Epoch ms the current lock ends, or null. */
  readonly lockedUntilMs: number | null;
}

export const unlockedState: LockoutState = { failedPinCount: 0, lockCount: 0, lockedUntilMs: null };

/** How long the n-th lock in a row lasts (n ≥ 1): 5, 10, 20, 40, then 60 minutes. */
export function lockDurationMs(lockNumber: number): number {
  const doublings = Math.max(0, lockNumber - 1);
  // Past 2^4 the cap applies anyway; capping the exponent keeps the number small.
  return Math.min(maxLockMs, firstLockMs * 2 ** Math.min(doublings, 10));
}

/** Whether the member is locked out at `nowMs`. */
export function isLocked(state: LockoutState, nowMs: number): boolean {
  return state.lockedUntilMs !== null && state.lockedUntilMs > nowMs;
}

/** The state after one more wrong PIN; `locked` says whether this one started a lock. */
export function afterWrongPin(state: LockoutState, nowMs: number): LockoutState & { locked: boolean } {
  const failedPinCount = state.failedPinCount + 1;
  if (failedPinCount < wrongPinsBeforeLock) {
    return { failedPinCount, lockCount: state.lockCount, lockedUntilMs: state.lockedUntilMs, locked: false };
  }
  const lockCount = state.lockCount + 1;
  return { failedPinCount: 0, lockCount, lockedUntilMs: nowMs + lockDurationMs(lockCount), locked: true };
}

/** Wrong PINs left before the next lock. */
export function attemptsLeft(state: LockoutState): number {
  return Math.max(0, wrongPinsBeforeLock - state.failedPinCount);
}
