/**
 * What the login screen says when a PIN is refused, pure: a lockout names the time it ends (in
 * the person's locale) instead of the core's ISO timestamp; other refusals keep the core's words.
 */
import { formatMoment } from './format';

export interface LoginRefusal {
  code: string;
  message: string;
  details?: unknown;
}

/** The lockout's end from a `locked` error, else null. */
export function lockedUntilOf(refusal: LoginRefusal): string | null {
  if (refusal.code !== 'locked') return null;
  const until = (refusal.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
  return typeof until === 'string' ? until : null;
}

export function lockedMessage(lockedUntil: string, locale: string, now: Date): string {
  return `Too many wrong PINs. Try again at ${formatMoment(lockedUntil, locale, now)}.`;
}

export function loginRefusalMessage(refusal: LoginRefusal, locale: string, now: Date): string {
  const until = lockedUntilOf(refusal);
  if (until) return lockedMessage(until, locale, now);
  return refusal.message;
}

/** True while a lockout has not yet ended. */
export function isStillLocked(lockedUntil: string | null, now: Date): boolean {
  if (!lockedUntil) return false;
  const end = Date.parse(lockedUntil);
  return Number.isFinite(end) && end > now.getTime();
}
