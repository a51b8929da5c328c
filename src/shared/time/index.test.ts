import { describe, expect, it } from 'vitest';
import { dayKey, dayStartIn, formatDateTime, formatMoment, formatTimeOfDay, isTimeZone } from './index';

const ny = { locale: 'en-US', timeZone: 'America/New_York' };

describe('the store clock', () => {
  it('formats in the store zone, not the device zone', () => {
    // 20:30 UTC is 3:30 PM in New York (EST, UTC−5) whatever the machine runs in.
    expect(formatTimeOfDay('2026-12-06T20:30:00Z', ny)).toBe('3:30 PM');
    expect(formatDateTime('2026-12-06T20:30:00Z', ny)).toBe('Dec 6, 2026, 3:30 PM');
    expect(formatDateTime('2026-12-06T20:30:00Z', { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe(
      '06.12.2026, 21:30',
    );
  });
  it('decides "today" in the store zone', () => {
    const now = new Date('2026-12-07T02:00:00Z'); // Dec 6, 9 PM in New York
    expect(formatMoment('2026-12-06T20:30:00Z', ny, now)).toBe('3:30 PM');
    expect(formatMoment('2026-12-05T20:30:00Z', ny, now)).toBe('Dec 5, 3:30 PM');
    expect(dayKey(now, ny)).toBe('2026-12-06');
  });
  it('never throws on an unknown zone or a bad moment', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() =>
      formatDateTime('2026-12-06T20:30:00Z', { locale: 'en-US', timeZone: 'Mars/Olympus' }),
    ).not.toThrow();
    expect(formatDateTime('not a date', ny)).toBe('not a date');
  });
  it('finds the start of a day in the store zone, across DST', () => {
    expect(dayStartIn('2026-12-06', ny)?.toISOString()).toBe('2026-12-06T05:00:00.000Z');
    expect(dayStartIn('2026-07-04', ny)?.toISOString()).toBe('2026-07-04T04:00:00.000Z');
    expect(dayStartIn('2026-02-30', ny)).toBeNull();
  });
});
