/**
 * The one clock of every page and print-out: moments formatted in the store's time zone
 * (settings.timeZone) and the store's locale, pure. Screens, the Z report, the order list, the
 * activity log, the customer display and the receipts all format through here, so one sale shows
 * the same time everywhere, whatever the device's own zone. A zone Intl does not know falls back to
 * the device's zone rather than throwing.
 */

export interface StoreClock {
  /** BCP 47 locale, e.g. "en-US". */
  locale: string;
  /** IANA zone, e.g. "America/New_York"; undefined for the device's own zone. */
  timeZone?: string | undefined;
}

const zoneCache = new Map<string, boolean>();

/** Whether Intl knows `zone` as a time zone. */
export function isTimeZone(zone: string): boolean {
  const known = zoneCache.get(zone);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    ok = true;
  } catch {
    ok = false;
  }
  zoneCache.set(zone, ok);
  return ok;
}

function toDate(at: Date | string): Date | null {
  const date = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatter(clock: StoreClock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const zone = clock.timeZone && isTimeZone(clock.timeZone) ? { timeZone: clock.timeZone } : {};
  try {
    return new Intl.DateTimeFormat(clock.locale, { ...options, ...zone });
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, ...zone });
  }
}

function format(at: Date | string, clock: StoreClock, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(at);
  if (!date) return typeof at === 'string' ? at : '';
  return formatter(clock, options).format(date);
}

/** "Nov 22, 2026, 2:05 PM": a date and time in full (reports, receipts, logs). */
export function formatDateTime(at: Date | string, clock: StoreClock): string {
  return format(at, clock, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "2:05 PM". */
export function formatTimeOfDay(at: Date | string, clock: StoreClock): string {
  return format(at, clock, { hour: 'numeric', minute: '2-digit' });
}

/** "Sunday, November 22" (the customer display's clock). */
export function formatLongDay(at: Date | string, clock: StoreClock): string {
  return format(at, clock, { weekday: 'long', month: 'long', day: 'numeric' });
}

/** "Nov 22, 2026". */
export function formatDay(at: Date | string, clock: StoreClock): string {
  return format(at, clock, { dateStyle: 'medium' });
}

/** The calendar day of a moment in the store's zone: "2026-11-22". */
export function dayKey(at: Date | string, clock: Pick<StoreClock, 'timeZone'>): string {
  const date = toDate(at);
  if (!date) return '';
  const parts = formatter(
    { locale: 'en-US', timeZone: clock.timeZone },
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    },
  ).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A moment for people: just the time when it falls on the same day as `now` in the store's zone
 * ("2:05 PM"), else the date too ("Mar 4, 2:05 PM").
 */
export function formatMoment(at: Date | string, clock: StoreClock, now: Date): string {
  const date = toDate(at);
  if (!date) return typeof at === 'string' ? at : '';
  const sameDay = dayKey(date, clock) === dayKey(now, clock);
  return format(
    date,
    clock,
    sameDay
      ? { hour: 'numeric', minute: '2-digit' }
      : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  );
}

/** How far the zone's wall clock is ahead of UTC at `at`, in ms. */
function zoneOffsetMs(at: number, timeZone: string | undefined): number {
  const parts = formatter(
    { locale: 'en-US', timeZone },
    {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    },
  ).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** "2026-11-22" → the instant that day starts in the store's zone, or null when it is not a date. */
export function dayStartIn(dateText: string, clock: Pick<StoreClock, 'timeZone'>): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wall = Date.UTC(year, month - 1, day);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (!clock.timeZone) return new Date(year, month - 1, day);
  let guess = wall - zoneOffsetMs(wall, clock.timeZone);
  guess = wall - zoneOffsetMs(guess, clock.timeZone);
  return new Date(guess);
}

/** "2026-11-30" + 1 → "2026-12-01": calendar arithmetic on a day's text, no zone involved. */
export function addDays(dateText: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (!match) return dateText;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}
