/**
 * Store days and hours of moments, fast enough for a million sales: the zone's offset is found once
 * per UTC hour (zones change their offset on a whole UTC hour; Nepal's 5:45 is constant within one),
 * then the local day and hour are plain arithmetic. Periods of store days map to UTC instants with
 * `dayStartIn` of the one clock (src/shared/time).
 */
import { addDays, isTimeZone } from '../../shared/time';

export interface LocalMoment {
  /** "2026-12-07" in the store's zone. */
  readonly day: string;
  /** 0–23 in the store's zone. */
  readonly hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMsAt(atMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(atMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(atMs / 1000) * 1000;
}

export interface StoreTime {
  readonly timeZone: string;
  /** The store day and hour of an ISO moment. */
  local(iso: string): LocalMoment;
  /** [start, end) of the store days from..to as ISO instants. */
  range(from: string, to: string): { startIso: string; endIso: string };
}

export function createStoreTime(timeZone: string): StoreTime {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const offsets = new Map<number, number>();
  const offsetOfHour = (hourMs: number): number => {
    let offset = offsets.get(hourMs);
    if (offset === undefined) {
      offset = zone === 'UTC' ? 0 : offsetMsAt(hourMs, zone);
      if (offsets.size > 200_000) offsets.clear();
      offsets.set(hourMs, offset);
    }
    return offset;
  };
  const offsetAt = (ms: number) => offsetOfHour(ms - (((ms % 3_600_000) + 3_600_000) % 3_600_000));
  // The instant a store day starts: its wall-clock midnight less the zone's offset then (found
  // twice, so a day that starts just after a change of offset is right).
  const startOf = (day: string): Date => {
    const wall = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(wall)) return new Date(0);
    const guess = wall - offsetAt(wall);
    return new Date(wall - offsetAt(guess));
  };
  return {
    timeZone: zone,
    local(iso) {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) return { day: '1970-01-01', hour: 0 };
      const hourMs = ms - (((ms % 3_600_000) + 3_600_000) % 3_600_000);
      const local = new Date(ms + offsetOfHour(hourMs)).toISOString();
      return { day: local.slice(0, 10), hour: Number(local.slice(11, 13)) };
    },
    range(from, to) {
      return { startIso: startOf(from).toISOString(), endIso: startOf(addDays(to, 1)).toISOString() };
    },
  };
}

/** 0 Monday … 6 Sunday, of a calendar day. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A period of days as whole months plus the days left at either end, so a year reads 12 month rows
 * per key rather than 365 day rows.
 */
export function splitPeriod(from: string, to: string): { months: string[]; dayRanges: [string, string][] } {
  const months: string[] = [];
  const dayRanges: [string, string][] = [];
  let cursor = from;
  while (cursor <= to) {
    const monthEnd = lastDayOfMonth(cursor);
    const stop = monthEnd < to ? monthEnd : to;
    if (cursor.endsWith('-01') && monthEnd <= to) months.push(cursor.slice(0, 7));
    else dayRanges.push([cursor, stop]);
    cursor = addDays(stop, 1);
  }
  return { months, dayRanges };
}

export function lastDayOfMonth(day: string): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Days from..to inclusive. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period of the same length just before from..to. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysIn(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
