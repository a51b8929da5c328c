/**
 * The logged-in staff session as the page keeps it: validated when read back from
 * sessionStorage (so a reload stays logged in, but closing the tab or window does not).
 */
import { z } from 'zod';
import { type staffCardSchema, staffIdentitySchema } from '../../../shared/api/staff';

export const staffSessionSchema = z.object({
  session: z.string().min(1),
  staff: staffIdentitySchema,
  expiresAt: z.string(),
});

export type StaffSession = z.infer<typeof staffSessionSchema>;
export type StaffIdentity = StaffSession['staff'];
/** A member as the login screen shows them (name, role, initials, any lockout). */
export type StaffCard = z.output<typeof staffCardSchema>;

export const sessionStorageKey = 'tillpoint.staffSession';

/** The stored session, or null when there is none or it is malformed. */
export function parseStoredSession(text: string | null): StaffSession | null {
  if (!text) return null;
  try {
    const parsed = staffSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function serializeSession(session: StaffSession): string {
  return JSON.stringify(session);
}

/** Handlers whose `unauthorized` means "wrong PIN", not "your session ended". */
const pinCheckingHandlers = new Set([
  'staff.login',
  'staff.setupOwner',
  'staff.approve',
  'staff.changeOwnPin',
]);

/**
 * True when a failed call means the session it was sent with is no longer valid: an
 * `unauthorized` answer to a call that carried the current session, other than a wrong PIN or a
 * device that must be paired.
 */
export function isSessionEnded(
  failure: { name: string; error: { code: string; details?: unknown }; session: string | null },
  currentSession: string | null,
): boolean {
  if (failure.error.code !== 'unauthorized') return false;
  if (!currentSession || failure.session !== currentSession) return false;
  if (pinCheckingHandlers.has(failure.name)) return false;
  const details = failure.error.details as { pairingRequired?: unknown } | undefined;
  return details?.pairingRequired !== true;
}
