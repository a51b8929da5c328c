/**
 * Adding and changing staff members: the first owner, new members, profile changes (with the
 * last-owner rule), and PINs. Each change is audited in its own transaction and announced with
 * a `staff.updated` event after it commits.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError, type Role } from '../../shared/api';
import { type StaffIdentity } from '../kernel';
import { checkStaffPin } from './pinCheck';
import { hashPin } from './pinHash';
import { assertPinAllowed, normalizeStaffName } from './pinRules';
import { emitStaffUpdated, type StaffContext } from './staffContext';
import {
  activeNameTaken,
  countActiveOwners,
  countStaff,
  getStaffRow,
  identityOf,
  insertStaffRow,
  recordOf,
  replacePinHash,
  updateStaffProfile,
  type StaffRecord,
  type StaffRow,
} from './staffStore';

const nextStaffId = monotonicFactory();

export interface NewStaffMember {
  readonly name: string;
  readonly role: Role;
  readonly pin: string;
  /** Lets seeding (the demo) set an easy PIN whatever the store setting says. */
  readonly allowWeakPin?: boolean;
}

function nameTakenError(name: string): TillpointError {
  return new TillpointError(
    'conflict',
    `An active staff member is already called "${name}"; the login screen must tell them apart.`,
    { field: 'name', name },
  );
}

function notFound(staffId: string): TillpointError {
  return new TillpointError('not_found', `No staff member has the id ${staffId}.`, { staffId });
}

/** Validates, hashes the PIN (slow, outside any transaction), then inserts in one transaction. */
async function insertMember<T>(
  sc: StaffContext,
  member: NewStaffMember,
  createdBy: string | null,
  inTransaction: (row: StaffRow) => T,
): Promise<{ row: StaffRow; extra: T }> {
  const name = normalizeStaffName(member.name);
  assertPinAllowed(member.pin, {
    weakPinsAllowed: member.allowWeakPin === true || sc.weakPinsAllowed(),
    pinLength: sc.pinLength(),
  });
  const { db, now } = sc.deps;
  if (activeNameTaken(db, name, null)) throw nameTakenError(name);
  const pinHash = await hashPin(member.pin, sc.pinHashParams, sc.deviceKey());
  const result = db.transaction(() => {
    if (activeNameTaken(db, name, null)) throw nameTakenError(name);
    const at = now();
    const created: StaffRow = {
      id: nextStaffId(at.getTime()),
      name,
      role: member.role,
      active: 1,
      pin_hash: pinHash,
      failed_pin_count: 0,
      lock_count: 0,
      locked_until: null,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
      created_by: createdBy,
      pin_length: member.pin.length,
    };
    insertStaffRow(db, created);
    sc.audit.record({
      staffId: createdBy,
      action: 'staff.created',
      ref: created.id,
      details: { name: created.name, role: created.role },
    });
    return { row: created, extra: inTransaction(created) };
  })();
  emitStaffUpdated(sc, result.row, 'created');
  return result;
}

export async function createMember(
  sc: StaffContext,
  member: NewStaffMember,
  createdBy: string | null,
): Promise<StaffRecord> {
  const { row } = await insertMember(sc, member, createdBy, () => undefined);
  return recordOf(row, sc.deps.now().getTime());
}

function setupRefused(): TillpointError {
  return new TillpointError('conflict', 'This till already has staff: log in, or ask an owner to add you.');
}

/** First run: creates the owner and logs them in, only while there are no staff at all. */
export async function setupOwner(
  sc: StaffContext,
  input: { name: string; pin: string },
): Promise<{ session: string; staff: StaffIdentity; expiresAt: string }> {
  if (countStaff(sc.deps.db) > 0) throw setupRefused();
  const { row, extra } = await insertMember(
    sc,
    { name: input.name, role: 'owner', pin: input.pin },
    null,
    (created) => {
      // Re-checked in the transaction: two first-run screens racing cannot both make an owner.
      if (countStaff(sc.deps.db) > 1) throw setupRefused();
      sc.audit.record({ staffId: created.id, action: 'staff.owner_setup', ref: created.id });
      sc.audit.record({
        staffId: created.id,
        action: 'staff.login',
        ref: created.id,
        details: { firstRun: true },
      });
      return sc.sessions.create(identityOf(created));
    },
  );
  return { session: extra.session, staff: identityOf(row), expiresAt: extra.expiresAt };
}

export interface MemberChanges {
  readonly staffId: string;
  readonly name?: string | undefined;
  readonly role?: Role | undefined;
  readonly active?: boolean | undefined;
}

/** Renames, changes the role, deactivates or reactivates; the last active owner stays one. */
export function updateMember(sc: StaffContext, actor: StaffIdentity, changes: MemberChanges): StaffRecord {
  const { db, now } = sc.deps;
  const name = changes.name === undefined ? undefined : normalizeStaffName(changes.name);
  const result = db.transaction(() => {
    const row = getStaffRow(db, changes.staffId);
    if (!row) throw notFound(changes.staffId);
    const next = {
      name: name ?? row.name,
      role: changes.role ?? row.role,
      active: changes.active ?? row.active === 1,
    };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    if (next.name !== row.name) diff.name = { from: row.name, to: next.name };
    if (next.role !== row.role) diff.role = { from: row.role, to: next.role };
    if (next.active !== (row.active === 1)) diff.active = { from: row.active === 1, to: next.active };
    if (Object.keys(diff).length === 0) return { row, changed: false };

    if (next.active && (diff.name || diff.active) && activeNameTaken(db, next.name, row.id)) {
      throw nameTakenError(next.name);
    }
    const losesOwner = row.active === 1 && row.role === 'owner' && (next.role !== 'owner' || !next.active);
    if (losesOwner && countActiveOwners(db) <= 1) {
      throw new TillpointError(
        'conflict',
        `${row.name} is the last active owner: make another member an owner before ${next.active ? 'changing their role' : 'deactivating them'}.`,
        { staffId: row.id },
      );
    }
    updateStaffProfile(db, row.id, { ...next, updatedAt: now().toISOString() });
    if (!next.active) sc.sessions.endAllFor(row.id, 'deactivated');
    else sc.sessions.forgetStaff(row.id);
    sc.audit.record({
      staffId: actor.staffId,
      action: 'staff.updated',
      ref: row.id,
      details: { changes: diff },
    });
    return { row: getStaffRow(db, row.id) ?? row, changed: true };
  })();
  if (result.changed) emitStaffUpdated(sc, result.row, 'updated');
  return recordOf(result.row, now().getTime());
}

/** Sets a member's PIN (a manager resetting a forgotten one); lifts any lockout. */
export async function setMemberPin(
  sc: StaffContext,
  actor: StaffIdentity,
  input: { staffId: string; pin: string },
): Promise<{ staffId: string; updatedAt: string }> {
  const { db, now } = sc.deps;
  if (!getStaffRow(db, input.staffId)) throw notFound(input.staffId);
  assertPinAllowed(input.pin, { weakPinsAllowed: sc.weakPinsAllowed(), pinLength: sc.pinLength() });
  const pinHash = await hashPin(input.pin, sc.pinHashParams, sc.deviceKey());
  const row = db.transaction(() => {
    const current = getStaffRow(db, input.staffId);
    if (!current) throw notFound(input.staffId);
    replacePinHash(db, current.id, current.pin_hash, pinHash, {
      updatedAt: now().toISOString(),
      liftLockout: true,
      pinLength: input.pin.length,
    });
    sc.audit.record({ staffId: actor.staffId, action: 'staff.pin_set', ref: current.id });
    return getStaffRow(db, current.id) ?? current;
  })();
  emitStaffUpdated(sc, row, 'pin_changed');
  return { staffId: row.id, updatedAt: row.updated_at };
}

/** A member changes their own PIN, proving the current one (wrong ones count toward the lockout). */
export async function changeOwnPin(
  sc: StaffContext,
  actor: StaffIdentity,
  input: { currentPin: string; newPin: string },
): Promise<{ staffId: string; updatedAt: string }> {
  assertPinAllowed(input.newPin, { weakPinsAllowed: sc.weakPinsAllowed(), pinLength: sc.pinLength() });
  if (input.newPin === input.currentPin) {
    throw new TillpointError('bad_input', 'The new PIN is the same as the current one.', { field: 'newPin' });
  }
  const previousHash = await checkStaffPin(
    sc,
    {
      staffId: actor.staffId,
      pin: input.currentPin,
      purpose: 'change_pin',
      actorStaffId: actor.staffId,
      rehash: false,
    },
    (row) => row.pin_hash,
  );
  const pinHash = await hashPin(input.newPin, sc.pinHashParams, sc.deviceKey());
  const { db, now } = sc.deps;
  const row = db.transaction(() => {
    const updatedAt = now().toISOString();
    if (
      !replacePinHash(db, actor.staffId, previousHash, pinHash, {
        updatedAt,
        liftLockout: true,
        pinLength: input.newPin.length,
      })
    ) {
      throw new TillpointError('conflict', 'Your PIN was changed meanwhile; nothing was changed now.');
    }
    sc.audit.record({ staffId: actor.staffId, action: 'staff.pin_changed', ref: actor.staffId });
    return getStaffRow(db, actor.staffId);
  })();
  if (!row) throw notFound(actor.staffId);
  emitStaffUpdated(sc, row, 'pin_changed');
  return { staffId: row.id, updatedAt: row.updated_at };
}
