/**
 * Checking a member's PIN, with the lockout: the PIN is hashed outside any transaction (it takes
 * tens of milliseconds), then the outcome is written in one transaction that re-reads the member.
 * Wrong PINs, locks and (through the callers) successes are audited; the failure count is saved
 * before the error is thrown, so it survives the failed call.
 */
import { TillpointError } from '../../shared/api';
import { afterWrongPin, attemptsLeft, isLocked, unlockedState } from './lockout';
import { hashPin, madeWithOtherKey, needsRehash, verifyPin } from './pinHash';
import { emitStaffUpdated, type StaffContext } from './staffContext';
import {
  getStaffRow,
  learnPinLength,
  lockoutOf,
  replacePinHash,
  saveLockoutState,
  type StaffRow,
} from './staffStore';

export type PinPurpose = 'login' | 'approve' | 'change_pin';

export function activeStaffRow(sc: StaffContext, staffId: string): StaffRow {
  const row = getStaffRow(sc.deps.db, staffId);
  if (!row || row.active !== 1) {
    throw new TillpointError('not_found', `No active staff member has the id ${staffId}.`, { staffId });
  }
  return row;
}

export function assertNotLocked(row: StaffRow, nowMs: number): void {
  if (isLocked(lockoutOf(row), nowMs)) {
    throw new TillpointError(
      'locked',
      `${row.name} is locked out after too many wrong PINs; try again after ${row.locked_until}.`,
      { staffId: row.id, lockedUntil: row.locked_until },
    );
  }
}

type Outcome<T> =
  | { kind: 'ok'; value: T; row: StaffRow }
  | { kind: 'wrong'; row: StaffRow; locked: boolean }
  | { kind: 'changed' };

/**
 * Checks `pin` against the member's hash. On success runs `onSuccess` in the same transaction that
 * clears the wrong-PIN count, and returns its result. On a wrong PIN throws `unauthorized` (or
 * `locked` when this one started a lock); a locked member gets `locked` without a check.
 */
export async function checkStaffPin<T>(
  sc: StaffContext,
  request: {
    staffId: string;
    pin: string;
    purpose: PinPurpose;
    actorStaffId: string | null;
    rehash?: boolean;
  },
  onSuccess: (row: StaffRow) => T,
): Promise<T> {
  const { db, now } = sc.deps;
  const before = activeStaffRow(sc, request.staffId);
  assertNotLocked(before, now().getTime());
  const deviceKey = sc.deviceKey();
  const matches = await verifyPin(request.pin, before.pin_hash, deviceKey);
  if (!matches && madeWithOtherKey(before.pin_hash, deviceKey)) {
    // A database moved without its device key (or a key lost): no PIN can match until an owner resets it.
    sc.deps.logger.warn(
      { staffId: before.id },
      'this PIN was hashed with another device key: the data folder was copied without device.key?',
    );
  }

  const outcome = db.transaction((): Outcome<T> => {
    const nowMs = now().getTime();
    const row = activeStaffRow(sc, request.staffId);
    assertNotLocked(row, nowMs);
    if (row.pin_hash !== before.pin_hash) return { kind: 'changed' };
    if (matches) {
      if (row.failed_pin_count !== 0 || row.lock_count !== 0 || row.locked_until !== null) {
        saveLockoutState(db, row.id, unlockedState);
      }
      // A PIN proven right tells its length (kept for the store's fixed PIN length).
      if (row.pin_length !== request.pin.length) learnPinLength(db, row.id, request.pin.length);
      return { kind: 'ok', value: onSuccess(row), row };
    }
    const lockout = lockoutOf(row);
    const next = afterWrongPin(lockout, nowMs);
    saveLockoutState(db, row.id, next);
    sc.audit.record({
      staffId: row.id,
      action: 'staff.pin_failed',
      ref: row.id,
      details: {
        purpose: request.purpose,
        actorStaffId: request.actorStaffId,
        // The wrong PINs in a row so far, this one included (the stored count starts over at a lock).
        failedPinCount: lockout.failedPinCount + 1,
      },
    });
    if (next.locked) {
      sc.audit.record({
        staffId: row.id,
        action: 'staff.locked',
        ref: row.id,
        details: {
          lockedUntil: new Date(next.lockedUntilMs ?? nowMs).toISOString(),
          lockNumber: next.lockCount,
        },
      });
    }
    return { kind: 'wrong', row: getStaffRow(db, row.id) ?? row, locked: next.locked };
  })();

  if (outcome.kind === 'changed') {
    throw new TillpointError('conflict', 'The PIN was changed meanwhile; type it again.', {
      staffId: request.staffId,
    });
  }
  if (outcome.kind === 'wrong') {
    const { row } = outcome;
    if (outcome.locked) {
      emitStaffUpdated(sc, row, 'locked');
      throw new TillpointError(
        'locked',
        `Wrong PIN, too many times in a row: ${row.name} is locked out until ${row.locked_until}.`,
        { staffId: row.id, lockedUntil: row.locked_until },
      );
    }
    const left = attemptsLeft(lockoutOf(row));
    throw new TillpointError(
      'unauthorized',
      `Wrong PIN for ${row.name}. ${left} more wrong ${left === 1 ? 'try locks' : 'tries lock'} them out for a while.`,
      { staffId: row.id, attemptsLeft: left },
    );
  }
  if (request.rehash !== false && needsRehash(outcome.row.pin_hash, sc.pinHashParams)) {
    await rehashPin(sc, outcome.row, request.pin);
  }
  return outcome.value;
}

/**
 * Re-hashes a correct PIN with the current parameters and the device key (an unkeyed hash from
 * before the device key, or weaker parameters); a failure only gets logged.
 */
async function rehashPin(sc: StaffContext, row: StaffRow, pin: string): Promise<void> {
  try {
    const next = await hashPin(pin, sc.pinHashParams, sc.deviceKey());
    replacePinHash(sc.deps.db, row.id, row.pin_hash, next, { updatedAt: row.updated_at, liftLockout: false });
  } catch (error) {
    sc.deps.logger.warn({ err: error, staffId: row.id }, 'could not re-hash a PIN with stronger parameters');
  }
}
