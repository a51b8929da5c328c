import { describe, expect, it } from 'vitest';
import { type Role } from '../../shared/api';
import { type XReport } from '../../shared/api/shifts';
import { expectedCashSeenBy, isBlindFor, xReportSeenBy } from './blindCount';

describe('isBlindFor: who counts blind', () => {
  const cases: [setting: boolean, role: Role, blind: boolean][] = [
    [true, 'cashier', true],
    [true, 'manager', false],
    [true, 'owner', false],
    [false, 'cashier', false],
    [false, 'manager', false],
    [false, 'owner', false],
  ];
  it.each(cases)('setting %s, %s → blind %s', (setting, role, blind) => {
    expect(isBlindFor(setting, role)).toBe(blind);
  });
});

describe('what a blind caller sees', () => {
  const report = {
    blind: false,
    cash: { expectedMinor: '10381' },
    sales: { netSalesMinor: '381' },
    movements: [],
    noSales: 2,
    generatedAt: '2026-12-07T10:00:00.000Z',
  } as unknown as XReport;

  it('holds the figures back and says so', () => {
    expect(xReportSeenBy(report, true)).toEqual({
      ...report,
      blind: true,
      cash: null,
      sales: null,
    });
    expect(expectedCashSeenBy('10381', true)).toBeNull();
  });

  it('shows everything otherwise', () => {
    expect(xReportSeenBy(report, false)).toEqual(report);
    expect(expectedCashSeenBy('10381', false)).toBe('10381');
  });
});
