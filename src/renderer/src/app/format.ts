/**
 * Small text formatters the shell and the screens share. Times go through the one clock of
 * src/shared/time, in the store's time zone (settings.timeZone, held by ui/locale.ts) unless a
 * zone is given: a screen never shows the device's own clock for a store time.
 */
import {
  formatDateTime as formatStoreDateTime,
  formatMoment as formatStoreMoment,
} from '../../../shared/time';
import { displayTimeZone } from '../ui/locale';

/** "Maya Lopez" → "ML"; "cher" → "C"; used when only a name is at hand. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

/**
 * A moment for people: just the time when it is today in the store's zone ("2:05 PM"), else the
 * date too ("Mar 4, 2:05 PM"). `now` is passed in so the result does not depend on when it runs.
 */
export function formatMoment(
  iso: string,
  locale: string,
  now: Date,
  timeZone: string | undefined = displayTimeZone(),
): string {
  return formatStoreMoment(iso, { locale, timeZone }, now);
}

/** "Nov 22, 2026, 2:05 PM": a date and time in full, for reports and logs, in the store's zone. */
export function formatDateTime(
  iso: string,
  locale: string,
  timeZone: string | undefined = displayTimeZone(),
): string {
  return formatStoreDateTime(iso, { locale, timeZone });
}

export const roleLabels: Record<'cashier' | 'manager' | 'owner', string> = {
  cashier: 'Cashier',
  manager: 'Manager',
  owner: 'Owner',
};

/** "3 h 12 min", "45 s": a duration for the system panel. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${seconds} s`;
}
