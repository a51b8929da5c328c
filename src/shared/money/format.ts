/**
 * Formatting amounts for people with Intl.NumberFormat in the store's locale. The number goes to Intl as an
 * exact decimal string (never through a JS number), so amounts of any size print exactly.
 *
 * The rule for the number of decimals:
 * - A government currency shows its full scale (`$12.50`, `¥1,234`, `BHD 1.234`). Where ISO 4217 gives a
 *   currency more decimals than people use (IDR, IQD, ...: Intl's own digits are fewer than the scale) the
 *   extra decimals are shown only when they are not zero (`IDR 10,000`, but `IDR 10,000.50`).
 * - A crypto asset or store coins show the amount and the code (`0.00123456 BTC`, `150 COIN`), with the
 *   trailing zeros of the fraction trimmed but at least two decimals kept when the asset has them
 *   (`1.00 BTC`, `0.50 ETH`, `12.345 USDC`), so nothing is ever rounded away.
 */
import { TillpointError } from '../api/errors';
import { assetScale, isFiatAsset } from './assets';
import { minorToDecimalString } from './decimalString';

const formatterCache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    try {
      cached = new Intl.NumberFormat(locale, options);
    } catch (error) {
      throw new TillpointError('bad_input', `Cannot format for locale "${locale}".`, {
        locale,
        reason: 'unknown_locale',
        cause: error instanceof Error ? error.message : String(error),
      });
    }
    formatterCache.set(key, cached);
  }
  return cached;
}

/** The digits Intl (CLDR) shows for a currency by default, which may be fewer than its ISO scale. */
function intlCurrencyDigits(asset: string): number {
  return formatter('en', { style: 'currency', currency: asset }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `1250n` USD → `$12.50`; `123456n` EUR de-DE → `1.234,56 €`; `123456n` BTC → `0.00123456 BTC`. */
export function formatMoney(amountMinor: bigint, asset: string, locale = 'en-US'): string {
  const scale = assetScale(asset);
  const decimal = minorToDecimalString(amountMinor, asset) as `${number}`;

  if (isFiatAsset(asset)) {
    const wholeUnits = amountMinor % 10n ** BigInt(scale) === 0n;
    const digits = wholeUnits ? Math.min(intlCurrencyDigits(asset), scale) : scale;
    return formatter(locale, {
      style: 'currency',
      currency: asset,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(decimal);
  }

  const number = formatter(locale, {
    minimumFractionDigits: Math.min(2, scale),
    maximumFractionDigits: scale,
  }).format(decimal);
  return `${number} ${asset}`;
}
