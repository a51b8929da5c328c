/**
 * Amounts typed by people in a money field, pure: the text goes to the shared parseMoney in the
 * store's locale ("12.50" in en-US, "12,50" in de-DE) and comes back as minor units in a decimal
 * string for the request, or as the parser's own sentence when it is refused. Nothing is rounded
 * here: text with more decimals than the currency has is refused, never rounded.
 */
import { TillpointError } from '../../../shared/api/errors';
import { minorToDecimalString, parseMoney } from '../../../shared/money';
import { localeNumberInfo } from '../../../shared/money/locale';

export type MoneyInputResult = { ok: true; amountMinor: string } | { ok: false; message: string };

export interface MoneyInputOptions {
  /** Accept a leading minus sign (off by default: prices and cash counts are not negative). */
  allowNegative?: boolean;
  /** Refuse 0 (a pay-in of nothing). */
  requirePositive?: boolean;
}

export function parseMoneyInput(
  text: string,
  currency: string,
  locale: string,
  options: MoneyInputOptions = {},
): MoneyInputResult {
  if (text.trim() === '') return { ok: false, message: 'Enter an amount.' };
  let minor: bigint;
  try {
    minor = parseMoney(text, currency, { locale, allowNegative: options.allowNegative ?? false });
  } catch (error) {
    if (error instanceof TillpointError) return { ok: false, message: error.message };
    throw error;
  }
  if (options.requirePositive && minor <= 0n) return { ok: false, message: 'Enter an amount above 0.' };
  return { ok: true, amountMinor: minor.toString() };
}

/**
 * The text an amount starts as in a field, in the locale's decimal separator and with every
 * decimal of the currency ("3.50" in en-US, "3,50" in de-DE, "350" in JPY), no grouping, so
 * parseMoneyInput reads it back to the same amount.
 */
export function minorToInputText(amountMinor: string, currency: string, locale: string): string {
  const machine = minorToDecimalString(BigInt(amountMinor), currency);
  const { decimalSeparator } = localeNumberInfo(locale);
  return machine.replace('.', decimalSeparator);
}
