import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatMoment, initialsOf } from './format';

describe('initialsOf', () => {
  it.each([
    ['Maya Lopez', 'ML'],
    ['maya', 'M'],
    ['  Ana  María  de la Cruz ', 'AC'],
    ['', '?'],
  ])('%j → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('formatMoment', () => {
  const now = new Date(2026, 2, 4, 15, 0);
  it.each([
    [new Date(2026, 2, 4, 14, 5).toISOString(), '2:05 PM'],
    [new Date(2026, 2, 5, 9, 30).toISOString(), 'Mar 5, 9:30 AM'],
    ['not a date', 'not a date'],
  ])('%s → %s', (iso, text) => {
    expect(formatMoment(iso, 'en-US', now)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [125_000, '2 min'],
    [3 * 3_600_000 + 12 * 60_000, '3 h 12 min'],
    [2 * 86_400_000 + 5 * 3_600_000, '2 d 5 h'],
    [-5, '0 s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2026-11-22T14:05:00.000Z', 'en-US', 'UTC', 'Nov 22, 2026, 2:05 PM'],
    ['2026-11-22T14:05:00.000Z', 'en-US', 'America/New_York', 'Nov 22, 2026, 9:05 AM'],
    ['2026-11-22T14:05:00.000Z', 'de-DE', 'UTC', '22.11.2026, 14:05'],
    ['not a date', 'en-US', 'UTC', 'not a date'],
  ])('%s in %s (%s) → %j', (iso, locale, timeZone, expected) => {
    expect(formatDateTime(iso, locale, timeZone).replace(/\u202f/g, ' ')).toBe(expected);
  });
});
