import { describe, expect, it } from 'vitest';
import {
  createMicrosFormatter,
  isoFromMicros,
  lastMicrosOfDate,
  microsFromIso,
  microsOfDate,
} from './timestamps';

const base = Date.parse('2026-11-21T12:00:00.123Z') * 1000;

describe('ledger timestamps', () => {
  it.each([
    [base, '2026-11-21T12:00:00.123000Z'],
    [base + 1, '2026-11-21T12:00:00.123001Z'],
    [base + 45, '2026-11-21T12:00:00.123045Z'],
    [base + 999, '2026-11-21T12:00:00.123999Z'],
    [base + 1000, '2026-11-21T12:00:00.124000Z'],
  ])('%i µs is %s and back', (micros, iso) => {
    expect(isoFromMicros(micros)).toBe(iso);
    expect(microsFromIso(iso)).toBe(micros);
  });

  it.each([
    ['2026-11-21T12:00:00Z', Date.parse('2026-11-21T12:00:00Z') * 1000],
    ['2026-11-21T12:00:00.5Z', Date.parse('2026-11-21T12:00:00Z') * 1000 + 500_000],
    ['2026-11-21T12:00:00.123Z', base],
  ])('parses the shorter form %s', (iso, micros) => {
    expect(microsFromIso(iso)).toBe(micros);
  });

  it.each([
    '',
    '2026-11-21',
    '2026-11-21T12:00:00.1234567Z',
    '2026-11-21T12:00:00+01:00',
    '2026-13-45T12:00:00Z',
  ])('refuses %j', (iso) => {
    expect(() => microsFromIso(iso)).toThrow(/ISO|valid/);
  });

  it('sorts as text in time order', () => {
    const values = [base + 1000, base + 2, base + 999, base + 10].map(isoFromMicros);
    expect([...values].sort()).toEqual([base + 2, base + 10, base + 999, base + 1000].map(isoFromMicros));
  });

  it('a formatter keeps its millisecond cache right across milliseconds', () => {
    const format = createMicrosFormatter();
    expect(format(base + 999)).toBe('2026-11-21T12:00:00.123999Z');
    expect(format(base + 1000)).toBe('2026-11-21T12:00:00.124000Z');
    expect(format(base + 5)).toBe('2026-11-21T12:00:00.123005Z');
  });

  it('a Date covers its whole millisecond', () => {
    const date = new Date('2026-11-21T12:00:00.123Z');
    expect(microsOfDate(date)).toBe(base);
    expect(lastMicrosOfDate(date)).toBe(base + 999);
    expect(() => microsOfDate(new Date('nope'))).toThrow(/Invalid Date/);
  });
});
