/**
 * The `settings.*` handlers and events: the store's settings (name, address, currency, locale, tax
 * mode and rounding, cash rounding, discount limit, price override threshold, tips, receipt and
 * printer, idle lock). Every field has a default, so a new till works before anyone opens the
 * settings screen.
 */
import { z } from 'zod';
import { fiatAmountSchema, isFiatAsset, minorPerUnit } from '../money';
import { percentKey, percentText, text } from './bounds';
import { defineEvent, defineHandler } from './define';

export const taxModes = ['exclusive', 'inclusive'] as const;
export const taxRoundings = ['per_line', 'per_order'] as const;
export const settingsRoundingModes = ['half_up', 'half_even'] as const;
export const receiptLayouts = ['thermal80', 'a4'] as const;

/** Whether `locale` is a BCP 47 tag that Intl can format numbers for. */
export function isSupportedLocale(locale: string): boolean {
  try {
    return (
      Intl.getCanonicalLocales(locale).length === 1 &&
      Intl.NumberFormat.supportedLocalesOf([locale]).length === 1
    );
  } catch {
    return false;
  }
}

/** Whether `timeZone` is an IANA time zone the runtime knows (`America/New_York`, `UTC`). */
export function isSupportedTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A percentage as text, 0 to 100 with at most 4 decimals: `"10"`, `"12.5"`. */
export const percentTextSchema = percentText({ maxDecimals: 4 });

const textField = (max: number) => text({ max });

/** Each setting's schema, without its default: what a partial update validates field by field. */
export const storeSettingsFields = {
  storeName: text({ max: 120, min: 1, minMessage: 'the store needs a name' }),
  addressLines: z.array(textField(120)).max(6, 'at most 6 address lines'),
  phone: textField(40),
  /** The store's tax registration number (VAT id, EIN...), printed on receipts. */
  taxId: textField(60),
  currency: text({ max: 8 }).refine(isFiatAsset, {
    message: 'must be a currency code Tillpoint knows, in upper case (e.g. "USD", "EUR")',
  }),
  locale: text({ max: 35 }).refine(isSupportedLocale, {
    message: 'must be a locale tag such as "en-US" or "de-DE"',
  }),
  timeZone: text({ max: 64 }).refine(isSupportedTimeZone, {
    message: 'must be an IANA time zone such as "America/New_York" or "UTC"',
  }),
  taxMode: z.enum(taxModes),
  taxRounding: z.enum(taxRoundings),
  roundingMode: z.enum(settingsRoundingModes),
  /** Cash totals round to a multiple of this (e.g. "5" in CAD or CHF); "0" for no cash rounding. */
  cashRoundingIncrementMinor: fiatAmountSchema,
  /** Discounts above this percentage of the order need a manager's approval when a cashier gives them. */
  discountLimitPercent: percentTextSchema,
  /** A custom item priced above this (minor units) needs a manager's approval (price_override). */
  priceOverrideThresholdMinor: fiatAmountSchema,
  tipsEnabled: z.boolean(),
  tipPresetsPercent: z
    .array(percentText({ maxDecimals: 4, positive: true, positiveMessage: 'a tip preset must be above 0' }))
    .max(6, { message: 'at most 6 tip presets', abort: true })
    .refine((list) => new Set(list.map(percentKey)).size === list.length, {
      message: 'tip presets must differ from one another',
    }),
  receiptFooter: textField(500),
  receiptLayout: z.enum(receiptLayouts),
  /** The operating system's name of the receipt printer; "" for the system default. */
  printerName: textField(200),
  /** Minutes without use before the till locks; 0 never locks. */
  idleLockMinutes: z.number().int('must be a whole number of minutes').min(0).max(240, 'at most 240 minutes'),
  /** Allow easy-to-guess staff PINs (0000, 1234, ...); off by default. */
  weakPinsAllowed: z.boolean(),
  /**
   * Every staff PIN has exactly this many digits (4 to 8), and the PIN pad submits by itself when it is
   * reached; 0: any length from 4 to 8, submitted with Enter.
   */
  pinLength: z
    .number()
    .int('must be a whole number of digits')
    .min(0)
    .max(8, 'a PIN has at most 8 digits')
    .refine((digits) => digits === 0 || digits >= 4, { message: 'a PIN has 4 to 8 digits (0: any length)' }),
  /** Blind count: the closing count hides the expected cash until the drawer is counted. */
  blindCount: z.boolean(),
  /** This till's name, on the top bar, receipts, the Z report, orders and the activity log. */
  tillName: text({ max: 40, min: 1, minMessage: 'the till needs a name' }),
};

export type StoreSettingKey = keyof typeof storeSettingsFields;
export const storeSettingKeys = Object.keys(storeSettingsFields) as StoreSettingKey[];

/** The largest cash rounding increment: 100 whole units of the currency (a generous bound). */
export function maxCashRoundingIncrementMinor(currency: string): bigint {
  return 100n * minorPerUnit(currency);
}

/** The complete settings, every field checked, plus the rules that span fields. */
export const storeSettingsSchema = z.object(storeSettingsFields).superRefine((settings, ctx) => {
  if (!isFiatAsset(settings.currency) || !/^\d{1,40}$/.test(settings.cashRoundingIncrementMinor)) return;
  const increment = BigInt(settings.cashRoundingIncrementMinor);
  const max = maxCashRoundingIncrementMinor(settings.currency);
  if (increment > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['cashRoundingIncrementMinor'],
      message: `must be at most ${max} minor units (100 whole ${settings.currency})`,
    });
  }
});

export type StoreSettings = z.output<typeof storeSettingsSchema>;

export const defaultStoreSettings: Readonly<StoreSettings> = Object.freeze({
  storeName: 'My store',
  addressLines: [],
  phone: '',
  taxId: '',
  currency: 'USD',
  locale: 'en-US',
  timeZone: 'UTC',
  taxMode: 'exclusive',
  taxRounding: 'per_line',
  roundingMode: 'half_up',
  cashRoundingIncrementMinor: '0',
  discountLimitPercent: '10',
  priceOverrideThresholdMinor: '10000',
  tipsEnabled: false,
  tipPresetsPercent: ['10', '15', '20'],
  receiptFooter: 'Thank you!',
  receiptLayout: 'thermal80',
  printerName: '',
  idleLockMinutes: 5,
  weakPinsAllowed: false,
  pinLength: 0,
  blindCount: false,
  tillName: 'Till 1',
});

/** A partial update: only the fields given change; unknown fields are refused. */
export const storeSettingsPatchSchema = z.object(storeSettingsFields).partial().strict();
export type StoreSettingsPatch = z.output<typeof storeSettingsPatchSchema>;

export const settingsHandlers = [
  defineHandler({
    name: 'settings.get',
    summary:
      "The store settings, with the default of every field not set yet, and this till's id (named by the " +
      'setting tillName wherever people read it).',
    permission: 'session',
    input: z.object({}).strict(),
    output: z.object({ settings: storeSettingsSchema, tillId: z.string() }),
  }),
  defineHandler({
    name: 'settings.update',
    summary:
      'Changes some store settings (only the fields given). The currency cannot change while a shift is open ' +
      'or once an order exists in another currency.',
    permission: 'settings.edit',
    input: storeSettingsPatchSchema,
    output: z.object({ settings: storeSettingsSchema, changed: z.array(z.enum(storeSettingKeys)) }),
  }),
] as const;

export const settingsEvents = [
  defineEvent({
    name: 'settings.updated',
    summary: 'The store settings changed: the new settings and the names of the fields that changed.',
    payload: z.object({ settings: storeSettingsSchema, changed: z.array(z.enum(storeSettingKeys)) }),
  }),
] as const;
