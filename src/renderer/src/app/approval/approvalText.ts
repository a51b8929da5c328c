/**
 * The words of the approval dialog, pure: what each action is called, which staff can approve,
 * and what to say when the core refuses a PIN (a lockout names the time it ends).
 */
import { type Role } from '../../../../shared/api/permissions';
import { type ApprovalAction } from '../../../../shared/api/staff';
import { lockedMessage, lockedUntilOf } from '../loginErrors';

export const approvalActionLabels: Record<ApprovalAction, string> = {
  refund: 'Refund',
  void: 'Void',
  discount_over_limit: 'Discount over the limit',
  no_sale: 'Open the drawer without a sale',
  pay_out: 'Pay cash out of the drawer',
  price_override: 'Price override',
  carry_payments: 'Close the shift with payments in flight',
};

/** Only managers and owners can approve (the core checks it again). */
export function canApproveRole(role: Role): boolean {
  return role === 'manager' || role === 'owner';
}

/** Those who can approve, managers before owners, then by name; the requester is left out. */
export function approversOf<T extends { staffId: string; name: string; role: Role }>(
  staff: readonly T[],
  requesterStaffId: string | null,
): T[] {
  const rank: Record<Role, number> = { manager: 0, owner: 1, cashier: 2 };
  return staff
    .filter((member) => canApproveRole(member.role) && member.staffId !== requesterStaffId)
    .sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name));
}

/** What the dialog says when staff.approve refuses: the core's words, a lockout with its end time. */
export function approvalRefusalMessage(
  refusal: { code: string; message: string; details?: unknown },
  locale: string,
  now: Date,
): string {
  const until = lockedUntilOf(refusal);
  if (until) return lockedMessage(until, locale, now);
  return refusal.message;
}
