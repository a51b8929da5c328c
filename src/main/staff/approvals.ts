/**
 * Manager approvals. A manager or owner types their PIN at the till (`staff.approve`) and the
 * till gets a single-use token, valid two minutes, bound to one action, to the member who asked,
 * and to its target (`ref`: the order, or the shift for the drawer's actions). The domain doing the
 * risky action calls `requireApproval` with the target, which consumes the token (audited) in the
 * caller's transaction: a token for another target, or for none, is refused. A manager or owner
 * acting themselves is their own approval.
 */
import { TillpointError, type Role } from '../../shared/api';
import { type ApprovalAction } from '../../shared/api/staff';
import { type CallContext, type StaffIdentity } from '../kernel';
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
  carry_payments: 'closing the shift with payments still in flight',
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
  | 'no_ref'
  | 'other_staff'
  | 'approver_not_allowed';

const refusalWords: Record<ApprovalRefusal, string> = {
  missing: '',
  unknown: 'That approval is not known here.',
  used: 'That approval was already used.',
  expired: 'That approval has expired.',
  other_action: 'That approval was given for something else.',
  other_ref: 'That approval was given for another order or shift.',
  no_ref: 'That approval does not say what it is for.',
  other_staff: 'That approval was given to someone else.',
  approver_not_allowed: 'The manager who gave that approval may no longer approve.',
};

/**
 * The refusal of a risky action: `details.ref` is the target the approval must name (staff.approve
 * with this ref), `details.reason` why the token given (if any) did not do.
 */
export function approvalRequired(
  action: ApprovalAction,
  reason: ApprovalRefusal,
  ref?: string,
): TillpointError {
  const why = refusalWords[reason];
  return new TillpointError(
    'approval_required',
    `${why ? `${why} ` : ''}A manager must approve this ${actionLabels[action]}.`,
    { action, reason, ...(ref !== undefined ? { ref } : {}) },
  );
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
  input: { staffId: string; pin: string; action: ApprovalAction; ref: string },
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
          input.ref,
          row.id,
          requester.staffId,
          new Date(nowMs).toISOString(),
          expiresAt,
        );
      sc.audit.record({
        staffId: row.id,
        action: 'staff.approval_granted',
        ref: input.ref,
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
 * Passes when the caller may do `action` on `ref` (the order, the shift): a manager or owner on their
 * own, anyone else with a valid approval token for this action and this ref, which it consumes
 * (audited). Otherwise throws `approval_required` with `details.action`, `details.reason` and
 * `details.ref`. Synchronous, so it can run
 * inside the caller's transaction (a nested one here), which then also undoes the consumption
 * if the caller's change fails.
 */
export function requireApproval(
  sc: StaffContext,
  ctx: CallContext,
  action: ApprovalAction,
  approvalToken: string | undefined,
  ref: string,
): { approvedBy: StaffIdentity } {
  const actor = ctx.staff;
  if (!actor) {
    throw new TillpointError('unauthorized', 'Log in with your PIN first (no valid staff session).');
  }
  if (canApprove(actor.role)) return { approvedBy: actor };
  const refused = (reason: ApprovalRefusal) => approvalRequired(action, reason, ref);
  if (approvalToken === undefined || approvalToken.length === 0) throw refused('missing');
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
    if (!row) throw refused('unknown');
    if (row.used_at !== null) throw refused('used');
    const nowMs = now().getTime();
    if (Date.parse(row.expires_at) <= nowMs) throw refused('expired');
    if (row.action !== action) throw refused('other_action');
    // Tokens from before every approval named its target have no ref: they approve nothing.
    if (row.ref === null) throw refused('no_ref');
    if (row.ref !== ref) throw refused('other_ref');
    if (row.requested_by !== actor.staffId) throw refused('other_staff');
    if (row.active !== 1 || !canApprove(row.role)) throw refused('approver_not_allowed');
    const used = db
      .prepare('UPDATE staff_approvals SET used_at = ? WHERE token_hash = ? AND used_at IS NULL')
      .run(new Date(nowMs).toISOString(), hash);
    if (used.changes !== 1) throw refused('used');
    const approvedBy: StaffIdentity = { staffId: row.approved_by, name: row.name, role: row.role };
    sc.audit.record({
      staffId: actor.staffId,
      action: 'staff.approval_used',
      ref,
      details: { action, approvedBy: approvedBy.staffId },
    });
    return { approvedBy };
  })();
}
