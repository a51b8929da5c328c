import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, type ApiInput } from '../../shared/api';
import { createCore } from '../core';
import { defaultStoreSettings, storeSettingsSchema } from '../../shared/api/settings';
import { postCashTender, startTestCore, type TestTill } from '../shifts/testSupport';
import { testPinHashParams } from '../staff';

let till: TestTill;

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

type Patch = ApiInput<'settings.update'>;

describe('settings validation', () => {
  // One till for the whole table: a refused update changes nothing, an accepted one only its fields.
  beforeAll(async () => {
    till = await startTestCore();
  });
  afterAll(() => {
    till.close();
  });

  it.each<[string, Patch]>([
    ['a store name', { storeName: '  Harbor Street Coffee ' }],
    ['address lines', { addressLines: ['1 Harbor St', 'New York, NY 10004'] }],
    ['a currency with no decimals', { currency: 'JPY' }],
    ['a locale', { locale: 'de-DE' }],
    ['a time zone', { timeZone: 'America/New_York' }],
    [
      'inclusive tax, per order, half even',
      { taxMode: 'inclusive', taxRounding: 'per_order', roundingMode: 'half_even' },
    ],
    ['cash rounding to 5', { cashRoundingIncrementMinor: '5' }],
    ['cash rounding of 100 whole units', { currency: 'USD', cashRoundingIncrementMinor: '10000' }],
    ['a discount limit with decimals', { discountLimitPercent: '12.5' }],
    ['a discount limit of 100', { discountLimitPercent: '100' }],
    ['tips', { tipsEnabled: true, tipPresetsPercent: ['12', '18', '22.5'] }],
    ['no tip presets', { tipPresetsPercent: [] }],
    [
      'an A4 receipt with a footer',
      { receiptLayout: 'a4', receiptFooter: 'See you soon', printerName: 'EPSON TM-T88' },
    ],
    ['never lock', { idleLockMinutes: 0 }],
    ['nothing at all', {}],
  ])('accepts %s', async (_label, patch) => {
    const { settings } = await till.core.call('settings.update', patch, till.owner.session);
    for (const [key, value] of Object.entries(patch)) {
      const expected = typeof value === 'string' ? value.trim() : value;
      expect(settings[key as keyof typeof settings]).toEqual(expected);
    }
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an empty store name', { storeName: '   ' }, /storeName: the store needs a name/],
    ['a lower-case currency', { currency: 'usd' }, /currency: must be a currency code/],
    ['a crypto asset as currency', { currency: 'BTC' }, /currency: must be a currency code/],
    ['an unknown currency', { currency: 'ZZZ' }, /currency/],
    ['a bad locale', { locale: 'not a locale!' }, /locale: must be a locale tag/],
    ['a bad time zone', { timeZone: 'Mars/Olympus' }, /timeZone: must be an IANA time zone/],
    ['an unknown tax mode', { taxMode: 'both' }, /taxMode/],
    ['a negative cash rounding', { cashRoundingIncrementMinor: '-5' }, /cashRoundingIncrementMinor/],
    ['a cash rounding as a number', { cashRoundingIncrementMinor: 5 }, /cashRoundingIncrementMinor/],
    [
      'a cash rounding above 100 units',
      { currency: 'USD', cashRoundingIncrementMinor: '10001' },
      /at most 10000 minor units/,
    ],
    ['a discount limit above 100', { discountLimitPercent: '100.5' }, /between 0 and 100/],
    ['a discount limit with 5 decimals', { discountLimitPercent: '1.23456' }, /at most 4 decimals/],
    ['a tip preset of 0', { tipPresetsPercent: ['0', '10'] }, /a tip preset must be above 0/],
    ['repeated tip presets', { tipPresetsPercent: ['10', '10.0'] }, /must differ/],
    [
      'seven tip presets',
      { tipPresetsPercent: ['1', '2', '3', '4', '5', '6', '7'] },
      /at most 6 tip presets/,
    ],
    ['an unknown layout', { receiptLayout: 'thermal58' }, /receiptLayout/],
    ['fractional idle minutes', { idleLockMinutes: 2.5 }, /whole number of minutes/],
    ['idle minutes above 240', { idleLockMinutes: 241 }, /at most 240 minutes/],
    ['an unknown field', { storeColour: 'blue' }, /storeColour|Unrecognized/i],
  ])('refuses %s and changes nothing', async (_label, patch, message) => {
    const before = await till.core.call('settings.get', {}, till.cashier.session);
    // invoke, not call: the patches are deliberately outside the input type.
    const result = await till.core.invoke('settings.update', patch, till.owner.session);
    if (result.ok) throw new Error('expected the update to be refused');
    const error = new ApiCallError(result.error);
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(message);
    expect(await till.core.call('settings.get', {}, till.cashier.session)).toEqual(before);
  });

  it('the defaults are valid settings', () => {
    expect(storeSettingsSchema.parse(defaultStoreSettings)).toEqual(defaultStoreSettings);
  });
});

describe('settings service', () => {
  beforeEach(async () => {
    till = await startTestCore();
  });
  afterEach(() => {
    till.close();
  });

  it('reads the defaults, keeps changes across a restart, and announces them', async () => {
    const { core, owner, cashier } = till;
    expect((await core.call('settings.get', {}, cashier.session)).settings).toEqual(defaultStoreSettings);
    const seen: unknown[] = [];
    core.events.on('settings.updated', (payload) => seen.push(payload));
    const result = await core.call(
      'settings.update',
      { storeName: 'Corner Shop', tipsEnabled: false, idleLockMinutes: 10 },
      owner.session,
    );
    expect(result.changed).toEqual(['storeName', 'idleLockMinutes']);
    expect(seen).toEqual([{ settings: result.settings, changed: ['storeName', 'idleLockMinutes'] }]);
    const unchanged = await core.call('settings.update', { storeName: 'Corner Shop' }, owner.session);
    expect(unchanged.changed).toEqual([]);
    expect(seen).toHaveLength(1);

    const audit = core.db
      .prepare("SELECT staff_id, details FROM audit_log WHERE action = 'settings.updated'")
      .all() as {
      staff_id: string;
      details: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.staff_id).toBe(owner.staffId);
    expect(JSON.parse(audit[0]!.details)).toEqual({
      changes: { storeName: { from: 'My store', to: 'Corner Shop' }, idleLockMinutes: { from: 5, to: 10 } },
    });

    await core.close();
    const reopened = await createCore({
      pinHashParams: testPinHashParams,
      dataDir: till.dir,
      logger: pino({ level: 'silent' }),
    });
    try {
      const again = await reopened.call('settings.get', {}, cashier.session);
      expect(again.settings).toEqual(result.settings);
    } finally {
      reopened.close();
    }
  });

  it('only an owner may change settings', async () => {
    const denied = await failure(till.core.call('settings.update', { storeName: 'X' }, till.manager.session));
    expect(denied.code).toBe('forbidden');
    const anonymous = await failure(till.core.call('settings.get', {}));
    expect(anonymous.code).toBe('unauthorized');
  });

  it('refuses a currency change while a shift is open', async () => {
    const { core, owner, cashier } = till;
    await core.call('shifts.open', { float: { amount: '0' } }, cashier.session);
    const refused = await failure(core.call('settings.update', { currency: 'EUR' }, owner.session));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(
      /A shift is open in USD: close it before changing the store currency to EUR/,
    );
    expect((await core.call('settings.get', {}, owner.session)).settings.currency).toBe('USD');
    // Other fields may change meanwhile.
    await core.call('settings.update', { storeName: 'Still fine' }, owner.session);
  });

  it('refuses a currency change once cash or sales exist in the old currency', async () => {
    const { core, owner, cashier } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '1000' } }, cashier.session);
    postCashTender(till, shift.id, 'USD', 500n);
    await core.call('shifts.startClose', {}, cashier.session);
    await core.call('shifts.close', { counts: [{ denominationMinor: '500', count: 3 }] }, cashier.session);
    const refused = await failure(core.call('settings.update', { currency: 'GBP' }, owner.session));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/already exist in USD/);
    expect(refused.details).toEqual({ field: 'currency', from: 'USD', to: 'GBP' });
  });

  it('gives the till one id that stays', async () => {
    const { core } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '0' } }, till.cashier.session);
    expect(shift.tillId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const row = core.db.prepare("SELECT value FROM settings WHERE key = 'till.id'").get() as {
      value: string;
    };
    expect(JSON.parse(row.value)).toBe(shift.tillId);
  });
});
