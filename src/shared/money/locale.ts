/**
 * What a locale's numbers look like, read from Intl once per locale and cached: decimal separator,
 * grouping separator and group sizes, minus signs and native digits; and the symbols a person may type for
 * a currency. Used by parseMoney, which must accept what formatMoney prints.
 */
import { TillpointError } from '../api/errors';
import { isFiatAsset } from './assets';

export interface LocaleNumberInfo {
  /** The locale's canonical name, as Intl resolved it. */
  readonly locale: string;
  readonly decimalSeparator: string;
  /** Characters accepted as the grouping separator (several when the locale groups with a kind of space). */
  readonly groupSeparators: readonly string[];
  /** Size of the group next to the decimal separator (3 nearly everywhere). */
  readonly primaryGroupSize: number;
  /** Size of the groups further left (2 in en-IN: 12,34,567). */
  readonly secondaryGroupSize: number;
  /** The locale's digits when they are not ASCII (Arabic-Indic, Devanagari, ...), mapped to ASCII. */
  readonly nativeDigits: ReadonlyMap<string, string>;
}

/** Characters printed around numbers for bidirectional text; they carry no meaning for the value. */
export const bidiMarks = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Every minus sign a locale prints (ASCII hyphen-minus and U+2212 MINUS SIGN). */
export const minusSigns: readonly string[] = ['-', '\u2212'];

const spaceSeparators = [' ', '\u00A0', '\u202F'];
const apostropheSeparators = ["'", '\u2019'];

const localeCache = new Map<string, LocaleNumberInfo>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch (error) {
    throw new TillpointError('bad_input', `Unknown locale "${locale}".`, {
      locale,
      reason: 'unknown_locale',
      cause: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The separators and digits of `locale` (a BCP 47 tag such as `en-US`, `de-DE`, `en-IN`). */
export function localeNumberInfo(locale: string): LocaleNumberInfo {
  const cached = localeCache.get(locale);
  if (cached) return cached;

  // A probe number (not money): ten digits so that every grouping level shows, and a fraction.
  const parts = numberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1234567890.5);
  const decimalSeparator = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value;
  const integerSizes = parts.filter((part) => part.type === 'integer').map((part) => part.value.length);
  const primaryGroupSize = integerSizes.at(-1) ?? 3;
  const secondaryGroupSize =
    integerSizes.length >= 3 ? (integerSizes.at(-2) ?? primaryGroupSize) : primaryGroupSize;

  let groupSeparators: string[] = [];
  if (group !== undefined) {
    if (spaceSeparators.includes(group)) groupSeparators = spaceSeparators;
    else if (apostropheSeparators.includes(group)) groupSeparators = apostropheSeparators;
    else groupSeparators = [group];
  }

  const nativeDigits = new Map<string, string>();
  const digitFormat = numberFormat(locale, { useGrouping: false });
  for (let digit = 0; digit <= 9; digit += 1) {
    const printed = digitFormat.format(digit).replace(bidiMarks, '');
    if (printed !== String(digit) && [...printed].length === 1) nativeDigits.set(printed, String(digit));
  }

  const info: LocaleNumberInfo = {
    locale: digitFormat.resolvedOptions().locale,
    decimalSeparator,
    groupSeparators: groupSeparators.filter((separator) => separator !== decimalSeparator),
    primaryGroupSize,
    secondaryGroupSize,
    nativeDigits,
  };
  localeCache.set(locale, info);
  return info;
}

const symbolCache = new Map<string, readonly string[]>();

/**
 * What a person may write next to an amount of `asset` in `locale`: the asset code (any case) and, for a
 * government currency, its symbol and narrow symbol in that locale and in English (`$`, `US$`, `€`,
 * `CA$`). Compared in upper case.
 */
export function acceptedSymbols(asset: string, locale: string): readonly string[] {
  const key = `${asset}|${locale}`;
  const cached = symbolCache.get(key);
  if (cached) return cached;
  const symbols = new Set<string>([asset.toUpperCase()]);
  if (isFiatAsset(asset)) {
    for (const where of [locale, 'en']) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
        const parts = numberFormat(where, {
          style: 'currency',
          currency: asset,
          currencyDisplay,
        }).formatToParts(1);
        const currency = parts.find((part) => part.type === 'currency')?.value;
        if (currency) symbols.add(currency.replace(bidiMarks, '').trim().toUpperCase());
      }
    }
  }
  const list = [...symbols];
  symbolCache.set(key, list);
  return list;
}
