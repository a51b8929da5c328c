/**
 * Ledger timestamps: ISO 8601 UTC with six fractional digits (microseconds), e.g.
 * `2026-11-21T12:00:00.123456Z`. They sort as text, and the ledger keeps them strictly
 * increasing by bumping a clash by one microsecond. Microseconds since the epoch stay far below
 * 2^53, so a JS number holds them exactly.
 */

const microsPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/;

/** Formats microseconds since the epoch; caches the millisecond prefix of the last call. */
export function createMicrosFormatter(): (micros: number) => string {
  let cachedMs = Number.NaN;
  let cachedPrefix = '';
  return (micros) => {
    const ms = Math.floor(micros / 1000);
    if (ms !== cachedMs) {
      cachedMs = ms;
      cachedPrefix = new Date(ms).toISOString().slice(0, 23);
    }
    const sub = micros - ms * 1000;
    return cachedPrefix + (sub < 10 ? '00' : sub < 100 ? '0' : '') + String(sub) + 'Z';
  };
}

const defaultFormatter = createMicrosFormatter();

export function isoFromMicros(micros: number): string {
  return defaultFormatter(micros);
}

/** Parses an ISO UTC timestamp with up to six fractional digits; throws on anything else. */
export function microsFromIso(iso: string): number {
  const match = microsPattern.exec(iso);
  if (!match) throw new Error(`Not an ISO UTC timestamp: ${JSON.stringify(iso)}`);
  const ms = Date.parse(`${match[1]}Z`);
  if (Number.isNaN(ms)) throw new Error(`Not a valid date: ${JSON.stringify(iso)}`);
  const fraction = (match[2] ?? '').padEnd(6, '0');
  return ms * 1000 + Number(fraction);
}

/** The first microsecond of a Date's millisecond. */
export function microsOfDate(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid Date');
  return ms * 1000;
}

/** The last microsecond of a Date's millisecond: "at or before `date`" includes its whole millisecond. */
export function lastMicrosOfDate(date: Date): number {
  return microsOfDate(date) + 999;
}
