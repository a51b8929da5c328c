/**
 * Parsing what a person types as an amount. Anything that could be read two ways is refused with a
 * message that says why, never guessed at: a grouping separator in the wrong place (`1,23,4`), more decimals
 * than the asset has (`12.345` USD), an exponent (`1e3`), two minus signs, another currency's symbol.
 */
import { TillpointError } from '../api/errors';
import { assetScale, isKnownAsset } from './assets';
import { acceptedSymbols, bidiMarks, type LocaleNumberInfo, localeNumberInfo, minusSigns } from './locale';

export interface ParseMoneyOptions {
  /** BCP 47 locale whose separators the text uses; `en-US` when not given. */
  readonly locale?: string;
  /** Accept a leading minus sign (refund and adjustment entry); refused otherwise. */
  readonly allowNegative?: boolean;
}

/** Why parseMoney refused a text: `details.reason` of its TillpointError. */
export type ParseMoneyRejection =
  | 'not_text'
  | 'empty'
  | 'not_a_number'
  | 'no_digits'
  | 'multiple_minus_signs'
  | 'misplaced_minus_sign'
  | 'negative_not_allowed'
  | 'exponent_not_allowed'
  | 'foreign_currency_symbol'
  | 'unexpected_characters'
  | 'multiple_decimal_separators'
  | 'trailing_decimal_separator'
  | 'bad_grouping'
  | 'too_many_decimals';

function isAsciiDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * The amount `text` means in minor units of `asset`: `"12.5"` → 1250n, `"$1,234.56"` → 123456n (en-US),
 * `"1.234,56 €"` → 123456n (de-DE for EUR). Accepts surrounding spaces, grouping separators in the locale's
 * places, the asset's own symbol or code before or after the number, and a leading minus sign only with
 * `allowNegative`. Throws TillpointError `bad_input` with details `{ text, asset, reason }` otherwise.
 */
export function parseMoney(text: string, asset: string, options: ParseMoneyOptions = {}): bigint {
  const scale = assetScale(asset);
  const reject = (reason: ParseMoneyRejection, why: string): never => {
    const shown = typeof text === 'string' ? quote(text) : String(text);
    throw new TillpointError('bad_input', `${shown} is not a valid ${asset} amount: ${why}.`, {
      text,
      asset,
      reason,
    });
  };
  if (typeof text !== 'string') return reject('not_text', 'expected text');

  const info = localeNumberInfo(options.locale ?? 'en-US');
  const normalized = [...text.replace(bidiMarks, '')]
    .map((char) => info.nativeDigits.get(char) ?? char)
    .join('')
    .trim();
  if (normalized === '') return reject('empty', 'it is empty');

  const decimal = info.decimalSeparator;
  let start = -1;
  for (let index = 0; index < normalized.length; index += 1) {
    if (
      isAsciiDigit(normalized[index]) ||
      (normalized.startsWith(decimal, index) && isAsciiDigit(normalized[index + decimal.length]))
    ) {
      start = index;
      break;
    }
  }
  if (start < 0) {
    return /nan|infinity|∞/i.test(normalized)
      ? reject('not_a_number', 'it is not a number')
      : reject('no_digits', 'it has no digits');
  }
  let end = normalized.length;
  while (!isAsciiDigit(normalized[end - 1])) end -= 1;
  const prefix = normalized.slice(0, start);
  const body = normalized.slice(start, end);
  const suffix = normalized.slice(end).trim();

  const minusCount = [...normalized].filter((char) => minusSigns.includes(char)).length;
  if (minusCount > 1) reject('multiple_minus_signs', 'it has more than one minus sign');
  const negative = minusCount === 1;
  if (negative && ![...prefix].some((char) => minusSigns.includes(char))) {
    reject('misplaced_minus_sign', 'a minus sign may only come before the number');
  }
  if (negative && options.allowNegative !== true)
    reject('negative_not_allowed', 'negative amounts are not allowed here');

  const prefixSymbol = [...prefix]
    .filter((char) => !minusSigns.includes(char))
    .join('')
    .trim();
  if (suffix.startsWith(decimal))
    reject('trailing_decimal_separator', `nothing follows the decimal separator "${decimal}"`);
  if (
    info.groupSeparators.some((separator) => suffix.startsWith(separator) || prefixSymbol.endsWith(separator))
  ) {
    reject('bad_grouping', 'a grouping separator is not between digits');
  }
  if (prefixSymbol !== '' && suffix !== '')
    reject('unexpected_characters', 'it has text both before and after the number');
  checkSymbol(prefixSymbol || suffix, asset, info, reject);

  const magnitude = readNumber(body, scale, asset, info, reject);
  return negative ? -magnitude : magnitude;
}

function checkSymbol(
  symbol: string,
  asset: string,
  info: LocaleNumberInfo,
  reject: (reason: ParseMoneyRejection, why: string) => never,
): void {
  if (symbol === '') return;
  const accepted = acceptedSymbols(asset, info.locale);
  if (accepted.includes(symbol.toUpperCase())) return;
  const expected = `write ${accepted.join(' or ')}, or no symbol`;
  if (/\p{Sc}/u.test(symbol) || isKnownAsset(symbol.toUpperCase())) {
    reject('foreign_currency_symbol', `${quote(symbol)} is not a symbol of ${asset} (${expected})`);
  }
  reject('unexpected_characters', `${quote(symbol)} is not part of an amount (${expected})`);
}

/** Reads `body` (digits and separators only, from the first digit to the last) as minor units. */
function readNumber(
  body: string,
  scale: number,
  asset: string,
  info: LocaleNumberInfo,
  reject: (reason: ParseMoneyRejection, why: string) => never,
): bigint {
  const decimal = info.decimalSeparator;
  if (/[eE]/.test(body)) reject('exponent_not_allowed', 'exponent notation (like 1e3) is not accepted');
  for (const char of body.split(decimal).join('')) {
    if (!isAsciiDigit(char) && !info.groupSeparators.includes(char)) {
      reject('unexpected_characters', `${quote(char)} is not a digit or a separator of ${info.locale}`);
    }
  }
  const pieces = body.split(decimal);
  if (pieces.length > 2)
    reject('multiple_decimal_separators', `it has more than one decimal separator "${decimal}"`);
  const [integerPart = '', fraction = ''] = pieces;
  if ([...fraction].some((char) => !isAsciiDigit(char))) {
    reject('bad_grouping', 'a grouping separator comes after the decimal separator');
  }

  const groups = [...integerPart]
    .map((char) => (info.groupSeparators.includes(char) ? '|' : char))
    .join('')
    .split('|');
  if (groups.length > 1) {
    const primary = info.primaryGroupSize;
    const secondary = info.secondaryGroupSize;
    const wellGrouped = groups.every((group, index) => {
      if (index === groups.length - 1) return group.length === primary;
      if (index === 0) return group.length >= 1 && group.length <= secondary;
      return group.length === secondary;
    });
    if (!wellGrouped) {
      const separator = info.groupSeparators[0] ?? ',';
      const example =
        primary === secondary ? `1${separator}234${separator}567` : `12${separator}34${separator}567`;
      reject('bad_grouping', `grouping separators are not in ${info.locale}'s places (like ${example})`);
    }
  }

  if (fraction.length > scale) {
    reject(
      'too_many_decimals',
      scale === 0
        ? `${asset} has no decimals`
        : `${asset} has at most ${scale} decimal${scale === 1 ? '' : 's'}`,
    );
  }
  const digits = groups.join('') + fraction.padEnd(scale, '0');
  return BigInt(digits === '' ? '0' : digits);
}

/** Whether parseMoney would accept `text` for `asset`. */
export function isValidMoneyText(text: string, asset: string, options: ParseMoneyOptions = {}): boolean {
  try {
    parseMoney(text, asset, options);
    return true;
  } catch (error) {
    if (error instanceof TillpointError && error.code === 'bad_input') return false;
    throw error;
  }
}
