import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  dateInputValue,
  dayRange,
  detailKeyLabel,
  detailPhrases,
  localDayStart,
} from './auditView';

const format = {
  money: (minor: string) => `$${(Number(minor) / 100).toFixed(2)}`,
  staffName: (id: string) => (id === '01M809M55D3CGHXXCQZCQPGK3N' ? 'Marco Manager' : undefined),
};

describe('actionLabel', () => {
  it.each([
    ['shifts.pay_out', 'Pay-out'],
    ['staff.pin_failed', 'Wrong PIN'],
    ['drawer.no_sale', 'No sale (drawer opened)'],
    ['vendors.paid', 'Vendors: paid'],
  ])('%s → %s', (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });
});

describe('detailKeyLabel', () => {
  it.each([
    ['amountMinor', 'amount'],
    ['approvedBy', 'approved by'],
    ['shift_id', 'shift id'],
    ['reason', 'reason'],
    ['tillId', 'till'],
  ])('%s → %s', (key, label) => {
    expect(detailKeyLabel(key)).toBe(label);
  });
});

describe('detailPhrases', () => {
  it.each([
    [{}, []],
    [{ reason: 'stamps', amountMinor: '500' }, ['reason: stamps', 'amount: $5.00']],
    [{ approvedBy: '01M809M55D3CGHXXCQZCQPGK3N', shiftId: null }, ['approved by: Marco Manager']],
    [{ approvedBy: '01M809M52R8T0M4M901XV0TG88' }, ['approved by: a former member']],
    [{ count: 3, ok: true }, ['count: 3', 'ok: yes']],
    [
      { changes: { storeName: { from: 'My store', to: 'Harbor' }, tipsEnabled: { from: false, to: true } } },
      ['store name: My store → Harbor', 'tips enabled: no → yes'],
    ],
    [
      { changes: { addressLines: { from: [], to: ['41 Harbor St'] } } },
      ['address lines: none → 41 Harbor St'],
    ],
    [{ note: 'x'.repeat(100) }, [`note: ${'x'.repeat(79)}…`]],
    [
      { tipPresetsPercent: ['10', '15'], line: { quantity: 2, sku: 'ESP' } },
      ['tip presets percent: 10, 15', 'line: quantity 2, sku ESP'],
    ],
  ])('%o → %j', (details, phrases) => {
    expect(detailPhrases(details, format)).toEqual(phrases);
  });

  it('names the till by its name, never its id', () => {
    const tillId = '01M809MB7PQ3X0CDPW3MHM0Z6V';
    const withTill = { ...format, tillName: (id: string) => (id === tillId ? 'Front counter' : undefined) };
    expect(detailPhrases({ number: 3, tillId }, withTill)).toEqual(['number: 3', 'till: Front counter']);
    // Another till's id (not this one): short, as other ids.
    expect(detailPhrases({ tillId: '01M809M52R8T0M4M901XV0TG88' }, withTill)).toEqual(['till: …V0TG88']);
  });
});

describe('days', () => {
  it.each([
    ['2026-11-22', [2026, 10, 22]],
    ['2024-02-29', [2024, 1, 29]],
    ['2026-02-30', null],
    ['22/11/2026', null],
    ['', null],
  ] as const)('localDayStart(%j)', (text, parts) => {
    const day = localDayStart(text);
    expect(day).toEqual(parts ? new Date(parts[0], parts[1], parts[2]) : null);
  });

  it('round-trips a date input value', () => {
    expect(dateInputValue(new Date(2026, 0, 5, 15, 30))).toBe('2026-01-05');
    expect(localDayStart(dateInputValue(new Date(2026, 10, 22)))).toEqual(new Date(2026, 10, 22));
  });

  it('covers whole days, the last one included', () => {
    expect(dayRange('2026-11-20', '2026-11-22')).toEqual({
      ok: true,
      from: new Date(2026, 10, 20).toISOString(),
      to: new Date(2026, 10, 23).toISOString(),
    });
    expect(dayRange('2026-12-31', '2026-12-31')).toEqual({
      ok: true,
      from: new Date(2026, 11, 31).toISOString(),
      to: new Date(2027, 0, 1).toISOString(),
    });
  });

  it.each([
    ['', '2026-11-22', 'Choose the first day.'],
    ['2026-11-22', 'x', 'Choose the last day.'],
    ['2026-11-22', '2026-11-21', 'The last day is before the first.'],
  ])('%j to %j is refused: %s', (from, to, message) => {
    expect(dayRange(from, to)).toEqual({ ok: false, message });
  });
});

describe('activity entries read as words (issue 8)', () => {
  it('names an action it does not know in words, not as a code', () => {
    expect(actionLabel('coins.top_up_added')).toBe('Coins: top up added');
    expect(actionLabel('orders.adopted')).toBe('Emptied sale taken over');
  });
  it('shows other ids short and an unknown member in words', () => {
    const phrases = detailPhrases(
      { shiftId: '01JABCDEFGHJKMNPQRSTVWXYZ0', approvedBy: '01JABCDEFGHJKMNPQRSTVWXYZ1' },
      { money: (m) => m, staffName: () => undefined },
    );
    expect(phrases).toEqual(['shift id: …VWXYZ0', 'approved by: a former member']);
  });
});
