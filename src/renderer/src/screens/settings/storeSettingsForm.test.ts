import { describe, expect, it } from 'vitest';
import { defaultStoreSettings, type StoreSettings } from '../../../../shared/api/settings';
import { formToPatch, settingsToForm, splitPresets, type StoreSettingsForm } from './storeSettingsForm';

const settings: StoreSettings = {
  ...defaultStoreSettings,
  storeName: 'Harbor Street Coffee',
  addressLines: ['41 Harbor Street', 'New York, NY 10004'],
  cashRoundingIncrementMinor: '5',
  tipsEnabled: true,
  tipPresetsPercent: ['15', '18', '20'],
};

const edit = (patch: Partial<StoreSettingsForm>): StoreSettingsForm => ({
  ...settingsToForm(settings, 'en-US'),
  ...patch,
});

describe('settingsToForm', () => {
  it('shows lists as text and the increment as an amount in the locale', () => {
    const form = settingsToForm(settings, 'en-US');
    expect(form.addressText).toBe('41 Harbor Street\nNew York, NY 10004');
    expect(form.tipPresetsText).toBe('15, 18, 20');
    expect(form.cashRoundingText).toBe('0.05');
    expect(form.idleLockText).toBe('5');
    expect(settingsToForm({ ...settings, currency: 'EUR' }, 'de-DE').cashRoundingText).toBe('0,05');
  });
});

describe('splitPresets', () => {
  it.each([
    ['', []],
    ['15, 18, 20', ['15', '18', '20']],
    ['10%;12.5 %  20', ['10', '12.5', '20']],
  ])('%j → %j', (text, expected) => {
    expect(splitPresets(text)).toEqual(expected);
  });
});

describe('formToPatch', () => {
  it('sends nothing when nothing changed', () => {
    expect(formToPatch(edit({}), settings, 'en-US')).toEqual({ ok: true, patch: {}, changed: [] });
  });

  it.each([
    [{ storeName: '  Harbor St. ' }, { storeName: 'Harbor St.' }],
    [{ addressText: '41 Harbor Street\n\n  Suite 2 \n' }, { addressLines: ['41 Harbor Street', 'Suite 2'] }],
    [{ currency: 'eur' }, { currency: 'EUR' }],
    [{ cashRoundingText: '0.10' }, { cashRoundingIncrementMinor: '10' }],
    [{ cashRoundingText: '' }, { cashRoundingIncrementMinor: '0' }],
    [{ priceOverrideText: '250.00' }, { priceOverrideThresholdMinor: '25000' }],
    [{ priceOverrideText: '' }, { priceOverrideThresholdMinor: '0' }],
    [{ tipPresetsText: '10, 15' }, { tipPresetsPercent: ['10', '15'] }],
    [{ tipsEnabled: false }, { tipsEnabled: false }],
    [{ idleLockText: '0' }, { idleLockMinutes: 0 }],
    [
      { taxMode: 'inclusive' as const, receiptLayout: 'a4' as const },
      { taxMode: 'inclusive', receiptLayout: 'a4' },
    ],
  ])('%o → patch %o', (change, patch) => {
    const result = formToPatch(edit(change), settings, 'en-US');
    expect(result).toEqual({ ok: true, patch, changed: Object.keys(patch) });
  });

  it.each([
    [{ storeName: ' ' }, 'storeName', 'The store needs a name.'],
    [{ currency: 'XYZ' }, 'currency', /currency code Tillpoint knows/],
    [{ locale: 'not a locale' }, 'locale', /locale tag/],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', /IANA time zone/],
    [{ cashRoundingText: '0.055' }, 'cashRoundingText', /at most 2 decimals/],
    [{ discountLimitPercent: '120' }, 'discountLimitPercent', 'Must be between 0 and 100.'],
    [{ priceOverrideText: '12.345' }, 'priceOverrideText', /at most 2 decimals/],
    [{ tipPresetsText: '10, 10' }, 'tipPresetsText', 'Tip presets must differ from one another.'],
    [{ tipPresetsText: '0' }, 'tipPresetsText', 'A tip preset must be above 0.'],
    [{ idleLockText: '2.5' }, 'idleLockText', 'Whole minutes, from 0 (never) to 240.'],
    [{ idleLockText: '300' }, 'idleLockText', 'At most 240 minutes.'],
    [{ addressText: 'x\nx\nx\nx\nx\nx\nx' }, 'addressText', 'At most 6 address lines.'],
  ])('%o is refused on %s', (change, field, message) => {
    const result = formToPatch(edit(change), settings, 'en-US');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[field as keyof StoreSettingsForm]).toEqual(
        typeof message === 'string' ? message : expect.stringMatching(message),
      );
  });

  it('reads the increment in the new currency when the currency changes too', () => {
    expect(formToPatch(edit({ currency: 'JPY', cashRoundingText: '10' }), settings, 'en-US')).toEqual({
      ok: true,
      patch: { currency: 'JPY', cashRoundingIncrementMinor: '10' },
      changed: ['currency', 'cashRoundingIncrementMinor'],
    });
  });
});
