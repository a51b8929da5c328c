import { describe, expect, it } from 'vitest';
import { dayKey, dayStartIn } from '../../shared/time';
import { createStoreTime, previousPeriod, splitPeriod, weekdayOf } from './storeTime';

describe('store time', () => {
  const moments = [
    '2026-03-08T06:59:59.000Z', // New York: just before spring forward
    '2026-03-08T07:00:00.000Z', // just after
    '2026-11-01T05:30:00.000Z', // the repeated hour in the fall
    '2026-11-01T06:30:00.000Z',
    '2026-12-31T23:59:59.999Z',
    '2026-06-15T18:15:00.123456Z',
  ];
  it.each([
    'UTC',
    'America/New_York',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ])('gives the day and hour Intl gives, in %s', (zone) => {
    const time = createStoreTime(zone);
    for (const iso of moments) {
      const hour = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hour: 'numeric',
        hourCycle: 'h23',
      }).format(new Date(iso));
      expect(time.local(iso), `${zone} ${iso}`).toEqual({
        day: dayKey(iso, { timeZone: zone }),
        hour: Number(hour),
      });
    }
  });
  it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'America/Santiago'])(
    'starts days where the one clock does, in %s',
    (zone) => {
      const time = createStoreTime(zone);
      for (const day of ['2026-03-08', '2026-11-01', '2026-09-06', '2026-04-05']) {
        expect(time.range(day, day).startIso).toBe(dayStartIn(day, { timeZone: zone })!.toISOString());
      }
    },
  );
  it('splits a period into whole months and the days at either end', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31')).toEqual({
      months: [
        '2025-01',
        '2025-02',
        '2025-03',
        '2025-04',
        '2025-05',
        '2025-06',
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
      ],
      dayRanges: [],
    });
    expect(splitPeriod('2025-01-15', '2025-03-10')).toEqual({
      months: ['2025-02'],
      dayRanges: [
        ['2025-01-15', '2025-01-31'],
        ['2025-03-01', '2025-03-10'],
      ],
    });
    expect(splitPeriod('2024-02-03', '2024-02-03')).toEqual({
      months: [],
      dayRanges: [['2024-02-03', '2024-02-03']],
    });
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02'], dayRanges: [] });
  });
  it('knows weekdays and the period before', () => {
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekdayOf('2026-12-06')).toBe(6);
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });
});
