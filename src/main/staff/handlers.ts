/** The `staff.*` handler implementations, each a thin call into the staff domain's parts. */
import { rolePermissions, TillpointError } from '../../shared/api';
import { type PartialHandlerImpls } from '../kernel';
import { approve } from './approvals';
import { changeOwnPin, createMember, setMemberPin, setupOwner, updateMember } from './members';
import { checkStaffPin } from './pinCheck';
import { initialsOf } from './pinRules';
import { type StaffContext } from './staffContext';
import { cardOf, countStaff, identityOf, listStaffRows, recordOf } from './staffStore';

export function staffHandlers(sc: StaffContext): PartialHandlerImpls {
  const { db, now } = sc.deps;
  return {
    'staff.status': () => ({ needsSetup: countStaff(db) === 0 }),

    'staff.setupOwner': (input) => setupOwner(sc, input),

    'staff.list': () => {
      const nowMs = now().getTime();
      const pinLength = sc.pinLength();
      return {
        staff: listStaffRows(db, { activeOnly: true }).map((row) => cardOf(row, nowMs)),
        pinLength: pinLength === 0 ? null : pinLength,
      };
    },

    'staff.login': (input) =>
      checkStaffPin(
        sc,
        { staffId: input.staffId, pin: input.pin, purpose: 'login', actorStaffId: null },
        (row) => {
          sc.audit.record({ staffId: row.id, action: 'staff.login', ref: row.id });
          const staff = identityOf(row);
          const opened = sc.sessions.create(staff);
          return { session: opened.session, staff, expiresAt: opened.expiresAt };
        },
      ),

    'staff.logout': (_input, ctx) => {
      sc.sessions.end(ctx.session, 'logout');
      return { ended: true as const };
    },

    'staff.lock': (_input, ctx) => {
      sc.sessions.end(ctx.session, 'lock');
      return { ended: true as const };
    },

    'staff.me': (_input, ctx) => {
      const actor = ctx.staff;
      const expiresAt = sc.sessions.expiresAt(ctx.session);
      if (!expiresAt) throw new TillpointError('unauthorized', 'This session has ended; log in again.');
      const staff = { staffId: actor.staffId, name: actor.name, role: actor.role };
      return {
        staff,
        initials: initialsOf(actor.name),
        permissions: [...rolePermissions[actor.role]],
        expiresAt,
      };
    },

    'staff.listAll': () => {
      const nowMs = now().getTime();
      return { staff: listStaffRows(db, { activeOnly: false }).map((row) => recordOf(row, nowMs)) };
    },

    'staff.create': (input, ctx) => createMember(sc, input, ctx.staff.staffId),

    'staff.update': (input, ctx) => updateMember(sc, ctx.staff, input),

    'staff.setPin': (input, ctx) => setMemberPin(sc, ctx.staff, input),

    'staff.changeOwnPin': (input, ctx) => changeOwnPin(sc, ctx.staff, input),

    'staff.approve': (input, ctx) => approve(sc, ctx.staff, input),
  };
}
