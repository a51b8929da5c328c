/**
 * Staff: first-run owner setup, "tap your name, type your PIN" login with a lockout after wrong
 * PINs, sessions (idle timeout, logout, lock), staff management, and manager approvals.
 *
 * `createStaffModule(deps, { audit })` gives the `staff.*` handlers, the dispatcher's
 * `resolveSession`, and a `service` for other domains:
 * - `requireApproval(ctx, action, approvalToken, ref)` before a refund, void, discount over the
 *   limit, no-sale or price override, `ref` being its target (the order, the shift): throws
 *   `approval_required` without a valid approval for that target;
 * - `getStaff(staffId)` to show who did something;
 * - `createStaffMember({ name, role, pin })` for seeding (the demo).
 */
import { type ApprovalAction } from '../../shared/api/staff';
import { type AuditService } from '../audit';
import {
  type CallContext,
  type SessionResolver,
  type StaffIdentity,
  type PartialHandlerImpls,
  type CoreDeps,
  type DomainModule,
} from '../kernel';
import { requireApproval } from './approvals';
import { staffHandlers } from './handlers';
import { createMember, type NewStaffMember } from './members';
import { fileDeviceSecret, type DeviceSecretProvider } from './deviceSecret';
import { productionPinHashParams, type PinHashParams } from './pinHash';
import { defaultSessionIdleMs, SessionStore } from './sessions';
import { readPinLengthSetting, readWeakPinsAllowedSetting, type StaffContext } from './staffContext';
import { countPinsOfOtherLength, getStaffRow, recordOf, type StaffRecord } from './staffStore';

export { approvalValidityMs, canApprove, type ApprovalRefusal } from './approvals';
export { type NewStaffMember } from './members';
export {
  productionPinHashParams,
  testPinHashParams,
  hashPin,
  verifyPin,
  parsePinHash,
  type PinHashParams,
} from './pinHash';
export {
  fileDeviceSecret,
  sealedDeviceSecret,
  deviceKeyFileName,
  sealedDeviceKeyFileName,
  type DeviceSecretProvider,
  type Sealer,
} from './deviceSecret';
export { pinProblem, initialsOf, normalizeStaffName } from './pinRules';
export { defaultSessionIdleMs } from './sessions';
export { weakPinsAllowedSettingKey } from './staffContext';
export { type StaffRecord, type StaffCard } from './staffStore';
export { wrongPinsBeforeLock, lockDurationMs } from './lockout';
export { approvalActions, type ApprovalAction } from '../../shared/api/staff';

export interface StaffModuleOptions {
  readonly audit: AuditService;
  /** Sessions end after this long without a call; default 12 h. */
  readonly sessionIdleMs?: number;
  /**
   * Whether easy PINs (0000, 1234...) may be set. Default: the store setting `weakPinsAllowed`
   * (row `store.weakPinsAllowed` of the settings table; JSON `true` allows them), else refused.
   */
  readonly weakPinsAllowed?: boolean;
  /** scrypt cost; production uses `productionPinHashParams`. Tests of other parts may lower it. */
  readonly pinHashParams?: PinHashParams;
  /** The key PIN hashes are keyed with; default: the 0600 file `DIR/device.key`. */
  readonly deviceSecret?: DeviceSecretProvider;
}

export interface StaffService {
  /** See approvals.ts: passes for a manager or owner, else consumes a valid approval token. */
  requireApproval(
    ctx: CallContext,
    action: ApprovalAction,
    approvalToken: string | undefined,
    ref: string,
  ): { approvedBy: StaffIdentity };
  /** A member (active or not), or null when there is none with this id. */
  getStaff(staffId: string): StaffRecord | null;
  /** Adds a member outside any session (seeding); `createdBy` defaults to null (the system). */
  createStaffMember(member: NewStaffMember & { createdBy?: string | null }): Promise<StaffRecord>;
  /**
   * Why the store may not fix its PIN length at `pinLength` now (an active member's PIN has another
   * length, or one not known yet), or null when it may (0: not fixed, always allowed).
   */
  pinLengthRefusal(pinLength: number): string | null;
}

export interface StaffModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly resolveSession: SessionResolver;
  readonly service: StaffService;
}

export function createStaffModule(deps: CoreDeps, options: StaffModuleOptions): StaffModule {
  const sessions = new SessionStore(
    deps.db,
    deps.now,
    options.sessionIdleMs ?? defaultSessionIdleMs,
    options.audit,
  );
  const deviceSecret = options.deviceSecret ?? fileDeviceSecret(deps.dataDir);
  const sc: StaffContext = {
    deps,
    audit: options.audit,
    sessions,
    pinHashParams: options.pinHashParams ?? productionPinHashParams,
    deviceKey: () => deviceSecret.deviceKey(),
    weakPinsAllowed: () => options.weakPinsAllowed ?? readWeakPinsAllowedSetting(deps),
    pinLength: () => readPinLengthSetting(deps),
  };
  return {
    handlers: staffHandlers(sc),
    resolveSession: (session) => sessions.resolve(session),
    service: {
      requireApproval: (ctx, action, approvalToken, ref) =>
        requireApproval(sc, ctx, action, approvalToken, ref),
      getStaff: (staffId) => {
        const row = getStaffRow(deps.db, staffId);
        return row ? recordOf(row, deps.now().getTime()) : null;
      },
      createStaffMember: (member) => createMember(sc, member, member.createdBy ?? null),
      pinLengthRefusal: (pinLength) => {
        if (pinLength === 0) return null;
        const others = countPinsOfOtherLength(deps.db, pinLength);
        if (others === 0) return null;
        return (
          `${others} active ${others === 1 ? 'member has a PIN' : 'members have PINs'} of another length ` +
          `(or not used since this till learned it): reset ${others === 1 ? 'it' : 'them'} to ${pinLength} ` +
          'digits, or have them log in once, first.'
        );
      },
    },
  };
}
