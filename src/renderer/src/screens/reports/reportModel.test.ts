import { describe, expect, it } from 'vitest';
import { changePercent, presetPeriod, sortRows, storeToday } from './reportModel';

describe('presetPeriod', () => {
  it.each([
    ['today', { from: '2026-03-01', to: '2026-03-01' }],
    ['yesterday', { from: '2026-02-28', to: '2026-02-28' }],
    ['last7', { from: '2026-02-23', to: '2026-03-01' }],
    ['thisMonth', { from: '2026-03-01', to: '2026-03-01' }],
    ['lastMonth', { from: '2026-02-01', to: '2026-02-28' }],
    ['thisYear', { from: '2026-01-01', to: '2026-03-01' }],
  ] as const)('%s from 2026-03-01', (preset, expected) => {
    expect(presetPeriod(preset, '2026-03-01')).toEqual(expected);
  });
  it('last month in January is December of the year before', () => {
    expect(presetPeriod('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
  it("today is the store's day, not the device's", () => {
    const now = new Date('2026-03-01T03:00:00Z');
    expect(storeToday(now, 'America/Los_Angeles')).toBe('2026-02-28');
    expect(storeToday(now, 'Asia/Tokyo')).toBe('2026-03-01');
  });
});

describe('sortRows', () => {
  const money = { key: 'net', label: 'Net', kind: 'money' as const };
  const text = { key: 'name', label: 'Name', kind: 'text' as const };
  const rows = [
    { name: 'b', net: '1000000000000000000001' },
    { name: 'a', net: '-5' },
    { name: 'c', net: null },
    { name: 'd', net: '20' },
  ];
  it('sorts money exactly, empty cells last', () => {
    expect(sortRows(rows, money, 'desc').map((r) => r.name)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortRows(rows, money, 'asc').map((r) => r.name)).toEqual(['a', 'd', 'b', 'c']);
  });
  it('sorts text', () => {
    expect(sortRows(rows, text, 'asc').map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('changePercent', () => {
  it.each([
    ['150', '100', 50],
    ['50', '100', -50],
    ['10', '0', null],
    ['10', null, null],
  ] as const)('%s against %s', (current, previous, expected) => {
    expect(changePercent(current, previous)).toBe(expected);
  });
});
