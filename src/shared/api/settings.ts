/**
 * The `settings.*` handlers and events: the store's settings (name, address, currency, locale, tax
 * mode and rounding, cash rounding, discount limit, price override threshold, tips, receipt and
 * printer, idle lock). Every field has a default, so a new till works before anyone opens the
 * settings screen.
 */
import Decimal from 'decimal.js';
import { z } from 'zod';
import { isFiatAsset, minorPerUnit, nonNegativeMinorAmountSchema } from '../money';
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
export const percentTextSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percentage like "10" or "12.5" (at most 4 decimals)')
  .refine((text) => new Decimal(text).lte(100), { message: 'must be between 0 and 100' });

const textField = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** Each setting's schema, without its default: what a partial update validates field by field. */
export const storeSettingsFields = {
  storeName: z.string().trim().min(1, 'the store needs a name').max(120, 'must be at most 120 characters'),
  addressLines: z.array(textField(120)).max(6, 'at most 6 address lines'),
  phone: textField(40),
  /** The store's tax registration number (VAT id, EIN...), printed on receipts. */
  taxId: textField(60),
  currency: z.string().trim().refine(isFiatAsset, {
    message: 'must be a currency code Tillpoint knows, in upper case (e.g. "USD", "EUR")',
  }),
  locale: z
    .string()
    .trim()
    .refine(isSupportedLocale, { message: 'must be a locale tag such as "en-US" or "de-DE"' }),
  timeZone: z.string().trim().refine(isSupportedTimeZone, {
    message: 'must be an IANA time zone such as "America/New_York" or "UTC"',
  }),
  taxMode: z.enum(taxModes),
  taxRounding: z.enum(taxRoundings),
  roundingMode: z.enum(settingsRoundingModes),
  /** Cash totals round to a multiple of this (e.g. "5" in CAD or CHF); "0" for no cash rounding. */
  cashRoundingIncrementMinor: nonNegativeMinorAmountSchema,
  /** Discounts above this percentage of the order need a manager's approval when a cashier gives them. */
  discountLimitPercent: percentTextSchema,
  /** A custom item priced above this (minor units) needs a manager's approval (price_override). */
  priceOverrideThresholdMinor: nonNegativeMinorAmountSchema,
  tipsEnabled: z.boolean(),
  tipPresetsPercent: z
    .array(
      percentTextSchema.refine((text) => new Decimal(text).gt(0), {
        message: 'a tip preset must be above 0',
      }),
    )
    .max(6, 'at most 6 tip presets')
    .refine((list) => new Set(list.map((text) => new Decimal(text).toString())).size === list.length, {
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
};

export type StoreSettingKey = keyof typeof storeSettingsFields;
export const storeSettingKeys = Object.keys(storeSettingsFields) as StoreSettingKey[];

/** The largest cash rounding increment: 100 whole units of the currency (a generous bound). */
export function maxCashRoundingIncrementMinor(currency: string): bigint {
  return 100n * minorPerUnit(currency);
}

/** The complete settings, every field checked, plus the rules that span fields. */
export const storeSettingsSchema = z.object(storeSettingsFields).superRefine((settings, ctx) => {
  if (!isFiatAsset(settings.currency)) return;
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
});

/** A partial update: only the fields given change; unknown fields are refused. */
export const storeSettingsPatchSchema = z.object(storeSettingsFields).partial().strict();
export type StoreSettingsPatch = z.output<typeof storeSettingsPatchSchema>;

export const settingsHandlers = [
  defineHandler({
    name: 'settings.get',
    summary: 'The store settings, with the default of every field not set yet.',
    permission: 'session',
    input: z.object({}).strict(),
    output: z.object({ settings: storeSettingsSchema }),
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
