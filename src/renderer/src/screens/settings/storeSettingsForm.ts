/**
 * The Store settings form, pure: the settings as the fields show them (address as lines of text,
 * tip presets as "15, 18, 20", the cash rounding increment and the price override threshold as
 * amounts in the store's locale)
 * and the fields back to a settings.update patch of only the fields that changed, each checked
 * with the shared schema so a mistake is named beside its field before anything is sent.
 */
import {
  type StoreSettingKey,
  type StoreSettings,
  storeSettingsFields,
  type StoreSettingsPatch,
} from '../../../../shared/api/settings';
import { isFiatAsset } from '../../../../shared/money';
import { minorToInputText, parseMoneyInput } from '../../ui/moneyInput';

export interface StoreSettingsForm {
  storeName: string;
  /** One address line per text line. */
  addressText: string;
  phone: string;
  taxId: string;
  currency: string;
  locale: string;
  timeZone: string;
  taxMode: StoreSettings['taxMode'];
  taxRounding: StoreSettings['taxRounding'];
  roundingMode: StoreSettings['roundingMode'];
  /** The cash rounding increment as an amount, e.g. "0.05"; "0" for none. */
  cashRoundingText: string;
  discountLimitPercent: string;
  /** The price above which a custom item needs a manager, as an amount, e.g. "100.00". */
  priceOverrideText: string;
  tipsEnabled: boolean;
  weakPinsAllowed: boolean;
  /** "15, 18, 20". */
  tipPresetsText: string;
  receiptFooter: string;
  receiptLayout: StoreSettings['receiptLayout'];
  printerName: string;
  /** Whole minutes as typed. */
  idleLockText: string;
  /** "0" (any length) or "4"…"8". */
  pinLengthText: string;
  blindCount: boolean;
  tillName: string;
}

export type StoreSettingsErrors = Partial<Record<keyof StoreSettingsForm, string>>;

/** Which form field shows the error of each setting. */
/** Which form field shows a setting's error (also for the core's refusals, by the setting's key). */
export const fieldOf: Record<StoreSettingKey, keyof StoreSettingsForm> = {
  storeName: 'storeName',
  addressLines: 'addressText',
  phone: 'phone',
  taxId: 'taxId',
  currency: 'currency',
  locale: 'locale',
  timeZone: 'timeZone',
  taxMode: 'taxMode',
  taxRounding: 'taxRounding',
  roundingMode: 'roundingMode',
  cashRoundingIncrementMinor: 'cashRoundingText',
  discountLimitPercent: 'discountLimitPercent',
  priceOverrideThresholdMinor: 'priceOverrideText',
  tipsEnabled: 'tipsEnabled',
  weakPinsAllowed: 'weakPinsAllowed',
  tipPresetsPercent: 'tipPresetsText',
  receiptFooter: 'receiptFooter',
  receiptLayout: 'receiptLayout',
  printerName: 'printerName',
  idleLockMinutes: 'idleLockText',
  pinLength: 'pinLengthText',
  blindCount: 'blindCount',
  tillName: 'tillName',
};

export function settingsToForm(settings: StoreSettings, locale: string): StoreSettingsForm {
  return {
    storeName: settings.storeName,
    addressText: settings.addressLines.join('\n'),
    phone: settings.phone,
    taxId: settings.taxId,
    currency: settings.currency,
    locale: settings.locale,
    timeZone: settings.timeZone,
    taxMode: settings.taxMode,
    taxRounding: settings.taxRounding,
    roundingMode: settings.roundingMode,
    cashRoundingText: minorToInputText(settings.cashRoundingIncrementMinor, settings.currency, locale),
    discountLimitPercent: settings.discountLimitPercent,
    priceOverrideText: minorToInputText(settings.priceOverrideThresholdMinor, settings.currency, locale),
    tipsEnabled: settings.tipsEnabled,
    weakPinsAllowed: settings.weakPinsAllowed,
    tipPresetsText: settings.tipPresetsPercent.join(', '),
    receiptFooter: settings.receiptFooter,
    receiptLayout: settings.receiptLayout,
    printerName: settings.printerName,
    idleLockText: String(settings.idleLockMinutes),
    pinLengthText: String(settings.pinLength),
    blindCount: settings.blindCount,
    tillName: settings.tillName,
  };
}

/** "15, 18,20 ; 22.5" → ["15", "18", "20", "22.5"]. */
export function splitPresets(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.replace(/%$/, ''))
    .filter((part) => part.length > 0);
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

export type SettingsPatchResult =
  | { ok: true; patch: StoreSettingsPatch; changed: StoreSettingKey[] }
  | { ok: false; errors: StoreSettingsErrors };

/**
 * The settings.update patch of what changed. `locale` is the one the amount fields are typed in
 * (the store's locale as it was when the form opened).
 */
export function formToPatch(
  form: StoreSettingsForm,
  current: StoreSettings,
  locale: string,
): SettingsPatchResult {
  const errors: StoreSettingsErrors = {};
  const currency = form.currency.trim().toUpperCase();
  const candidate: Partial<Record<StoreSettingKey, unknown>> = {
    storeName: form.storeName,
    addressLines: form.addressText
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
    phone: form.phone,
    taxId: form.taxId,
    currency,
    locale: form.locale.trim(),
    timeZone: form.timeZone.trim(),
    taxMode: form.taxMode,
    taxRounding: form.taxRounding,
    roundingMode: form.roundingMode,
    discountLimitPercent: form.discountLimitPercent.trim(),
    tipsEnabled: form.tipsEnabled,
    weakPinsAllowed: form.weakPinsAllowed,
    tipPresetsPercent: splitPresets(form.tipPresetsText),
    receiptFooter: form.receiptFooter,
    receiptLayout: form.receiptLayout,
    printerName: form.printerName,
    pinLength: Number(form.pinLengthText),
    blindCount: form.blindCount,
    tillName: form.tillName,
  };

  // The increment is read in the currency being saved, so a new currency takes its own scale.
  if (isFiatAsset(currency)) {
    const increment =
      form.cashRoundingText.trim() === ''
        ? { ok: true as const, amountMinor: '0' }
        : parseMoneyInput(form.cashRoundingText, currency, locale);
    if (increment.ok) candidate.cashRoundingIncrementMinor = increment.amountMinor;
    else errors.cashRoundingText = increment.message;
    // Read only when edited: untouched, it keeps its minor units whatever the currency.
    const shown = minorToInputText(current.priceOverrideThresholdMinor, current.currency, locale);
    if (form.priceOverrideText !== shown) {
      const threshold =
        form.priceOverrideText.trim() === ''
          ? { ok: true as const, amountMinor: '0' }
          : parseMoneyInput(form.priceOverrideText, currency, locale);
      if (threshold.ok) candidate.priceOverrideThresholdMinor = threshold.amountMinor;
      else errors.priceOverrideText = threshold.message;
    }
  }

  const idle = form.idleLockText.trim();
  if (!/^\d{1,3}$/.test(idle)) errors.idleLockText = 'Whole minutes, from 0 (never) to 240.';
  else candidate.idleLockMinutes = Number(idle);

  const patch: Record<string, unknown> = {};
  const changed: StoreSettingKey[] = [];
  for (const [key, value] of Object.entries(candidate) as [StoreSettingKey, unknown][]) {
    const schema = storeSettingsFields[key];
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      errors[fieldOf[key]] = sentence(parsed.error.issues[0]?.message ?? 'this is not valid');
      continue;
    }
    if (!sameValue(parsed.data, current[key])) {
      patch[key] = parsed.data;
      changed.push(key);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch: patch as StoreSettingsPatch, changed };
}
