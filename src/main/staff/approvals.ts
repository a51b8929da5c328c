/**
 * Manager approvals. A manager or owner types their PIN at the till (`staff.approve`) and the
 * till gets a single-use token, valid two minutes, bound to one action, to the member who asked,
 * and to a ref when one is given. The domain doing the risky action calls `requireApproval`,
 * which consumes the token (audited) in the caller's transaction. A manager or owner acting
 * themselves is their own approval.
 */
import { TillpointError, type Role } from '../../shared/api';
import { type ApprovalAction } from '../../shared/api/staff';
import { type CallContext, type StaffIdentity } from '../core/context';
import { activeStaffRow, checkStaffPin } from './pinCheck';
import { newToken, tokenHash } from './sessions';
import { type StaffContext } from './staffContext';
import { identityOf } from './staffStore';

export const approvalValidityMs = 2 * 60_000;

const actionLabels: Record<ApprovalAction, string> = {
  refund: 'refund',
  void: 'void',
  discount_over_limit: 'discount over the limit',
  no_sale: 'no-sale drawer opening',
  pay_out: 'pay-out from the drawer',
  price_override: 'price override',
};

export function canApprove(role: Role): boolean {
  return role === 'manager' || role === 'owner';
}

export type ApprovalRefusal =
  | 'missing'
  | 'unknown'
  | 'used'
  | 'expired'
  | 'other_action'
  | 'other_ref'
  | 'other_staff'
  | 'approver_not_allowed';

export function approvalRequired(action: ApprovalAction, reason: ApprovalRefusal): TillpointError {
  return new TillpointError('approval_required', `A manager must approve this ${actionLabels[action]}.`, {
    action,
    reason,
  });
}

export interface ApprovalGranted {
  approval: string;
  approvedBy: StaffIdentity;
  expiresAt: string;
}

/** A manager or owner approves one action for the member of the calling session. */
export async function approve(
  sc: StaffContext,
  requester: StaffIdentity,
  input: { staffId: string; pin: string; action: ApprovalAction; ref?: string | undefined },
): Promise<ApprovalGranted> {
  const notAllowed = (name: string, role: Role) =>
    new TillpointError('forbidden', `${name} is a ${role}: only a manager or an owner can approve.`, {
      staffId: input.staffId,
      role,
    });
  const approver = activeStaffRow(sc, input.staffId);
  if (!canApprove(approver.role)) throw notAllowed(approver.name, approver.role);
  return checkStaffPin(
    sc,
    { staffId: input.staffId, pin: input.pin, purpose: 'approve', actorStaffId: requester.staffId },
    (row) => {
      if (!canApprove(row.role)) throw notAllowed(row.name, row.role);
      const approval = newToken();
      const nowMs = sc.deps.now().getTime();
      const expiresAt = new Date(nowMs + approvalValidityMs).toISOString();
      sc.deps.db
        .prepare(
          `INSERT INTO staff_approvals (token_hash, action, ref, approved_by, requested_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          tokenHash(approval),
          input.action,
          input.ref ?? null,
          row.id,
          requester.staffId,
          new Date(nowMs).toISOString(),
          expiresAt,
        );
      sc.audit.record({
        staffId: row.id,
        action: 'staff.approval_granted',
        ref: input.ref ?? null,
        details: { action: input.action, requestedBy: requester.staffId, expiresAt },
      });
      return { approval, approvedBy: identityOf(row), expiresAt };
    },
  );
}

interface ApprovalRow {
  action: string;
  ref: string | null;
  approved_by: string;
  requested_by: string;
  expires_at: string;
  used_at: string | null;
  name: string;
  role: Role;
  active: number;
}

/**
 * Passes when the caller may do `action`: a manager or owner on their own, anyone else with a
 * valid approval token for this action (and ref), which it consumes. Otherwise throws
 * `approval_required` with `details.action` and `details.reason`. Synchronous, so it can run
 * inside the caller's transaction (a nested one here), which then also undoes the consumption
 * if the caller's change fails.
 */
export function requireApproval(
  sc: StaffContext,
  ctx: CallContext,
  action: ApprovalAction,
  approvalToken: string | undefined,
  ref?: string,
): { approvedBy: StaffIdentity } {
  const actor = ctx.staff;
  if (!actor) {
    throw new TillpointError('unauthorized', 'Log in with your PIN first (no valid staff session).');
  }
  if (canApprove(actor.role)) return { approvedBy: actor };
  if (approvalToken === undefined || approvalToken.length === 0) throw approvalRequired(action, 'missing');
  const { db, now } = sc.deps;
  return db.transaction(() => {
    const hash = tokenHash(approvalToken);
    const row = db
      .prepare(
        `SELECT a.action, a.ref, a.approved_by, a.requested_by, a.expires_at, a.used_at, st.name, st.role, st.active
           FROM staff_approvals a JOIN staff st ON st.id = a.approved_by
          WHERE a.token_hash = ?`,
      )
      .get(hash) as ApprovalRow | undefined;
    if (!row) throw approvalRequired(action, 'unknown');
    if (row.used_at !== null) throw approvalRequired(action, 'used');
    const nowMs = now().getTime();
    if (Date.parse(row.expires_at) <= nowMs) throw approvalRequired(action, 'expired');
    if (row.action !== action) throw approvalRequired(action, 'other_action');
    if (row.ref !== null && row.ref !== (ref ?? null)) throw approvalRequired(action, 'other_ref');
    if (row.requested_by !== actor.staffId) throw approvalRequired(action, 'other_staff');
    if (row.active !== 1 || !canApprove(row.role)) throw approvalRequired(action, 'approver_not_allowed');
    const used = db
      .prepare('UPDATE staff_approvals SET used_at = ? WHERE token_hash = ? AND used_at IS NULL')
      .run(new Date(nowMs).toISOString(), hash);
    if (used.changes !== 1) throw approvalRequired(action, 'used');
    const approvedBy: StaffIdentity = { staffId: row.approved_by, name: row.name, role: row.role };
    sc.audit.record({
      staffId: actor.staffId,
      action: 'staff.approval_used',
      ref: ref ?? row.ref,
      details: { action, approvedBy: approvedBy.staffId },
    });
    return { approvedBy };
  })();
}
