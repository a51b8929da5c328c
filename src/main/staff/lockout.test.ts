import { describe, expect, it } from 'vitest';
import {
  afterWrongPin,
  attemptsLeft,
  isLocked,
  lockDurationMs,
  unlockedState,
  type LockoutState,
} from './lockout';

const minute = 60_000;

describe('lockDurationMs', () => {
  it.each([
    [1, 5 * minute],
    [2, 10 * minute],
    [3, 20 * minute],
    [4, 40 * minute],
    [5, 60 * minute],
    [6, 60 * minute],
    [50, 60 * minute],
  ])('lock number %i lasts %i ms', (lockNumber, durationMs) => {
    expect(lockDurationMs(lockNumber)).toBe(durationMs);
  });
});

describe('afterWrongPin', () => {
  const nowMs = 1_000_000;
  it.each<[string, LockoutState, LockoutState & { locked: boolean }]>([
    [
      'first wrong PIN',
      unlockedState,
      { failedPinCount: 1, lockCount: 0, lockedUntilMs: null, locked: false },
    ],
    [
      'fourth wrong PIN',
      { failedPinCount: 3, lockCount: 0, lockedUntilMs: null },
      { failedPinCount: 4, lockCount: 0, lockedUntilMs: null, locked: false },
    ],
    [
      'fifth wrong PIN locks for 5 minutes',
      { failedPinCount: 4, lockCount: 0, lockedUntilMs: null },
      { failedPinCount: 0, lockCount: 1, lockedUntilMs: nowMs + 5 * minute, locked: true },
    ],
    [
      'the second lock in a row lasts 10 minutes',
      { failedPinCount: 4, lockCount: 1, lockedUntilMs: nowMs - 1 },
      { failedPinCount: 0, lockCount: 2, lockedUntilMs: nowMs + 10 * minute, locked: true },
    ],
    [
      'a wrong PIN after an expired lock keeps its old end time',
      { failedPinCount: 0, lockCount: 1, lockedUntilMs: nowMs - 1 },
      { failedPinCount: 1, lockCount: 1, lockedUntilMs: nowMs - 1, locked: false },
    ],
    [
      'the fifth lock is capped at an hour',
      { failedPinCount: 4, lockCount: 7, lockedUntilMs: nowMs - 1 },
      { failedPinCount: 0, lockCount: 8, lockedUntilMs: nowMs + 60 * minute, locked: true },
    ],
  ])('%s', (_label, before, after) => {
    expect(afterWrongPin(before, nowMs)).toEqual(after);
  });

  it('counts attempts left and whether a lock holds', () => {
    expect(attemptsLeft(unlockedState)).toBe(5);
    expect(attemptsLeft({ failedPinCount: 4, lockCount: 0, lockedUntilMs: null })).toBe(1);
    expect(isLocked({ failedPinCount: 0, lockCount: 1, lockedUntilMs: 10 }, 9)).toBe(true);
    expect(isLocked({ failedPinCount: 0, lockCount: 1, lockedUntilMs: 10 }, 10)).toBe(false);
    expect(isLocked(unlockedState, 0)).toBe(false);
  });
});
