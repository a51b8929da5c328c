/**
 * Assets and their fixed scales (how many decimal places the smallest unit is). An amount is always an
 * integer count of the asset's smallest unit, so the scale of an asset must never change once amounts are
 * stored: that is why the scales live in this table and are not read from the runtime's ICU data, which
 * differs between Node and browser versions for a few currencies (IQD, IDR, ...).
 */
import { TillpointError } from '../api/errors';

/** An asset code: an ISO 4217 currency (`USD`), a crypto asset (`BTC`, `USDC`), or `COIN` (store coins). */
export type AssetCode = string;

/**
 * Minor units of the current ISO 4217 currencies (the ISO "minor unit" column, not CLDR's display
 * digits): 2 unless listed otherwise.
 */
const fiatScaleExceptions: Readonly<Record<string, number>> = {
  BHD: 3,
  BIF: 0,
  CLF: 4,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  UYI: 0,
  UYW: 4,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

/** The current ISO 4217 currencies with 2 decimals. */
const fiatTwoDecimalCodes = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
  'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL ' +
  'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK ' +
  'PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
  'TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG'
).split(' ');

const fiatScales: ReadonlyMap<string, number> = new Map<string, number>([
  ...fiatTwoDecimalCodes.map((code): [string, number] => [code, 2]),
  ...Object.entries(fiatScaleExceptions),
]);

/**
 * Crypto assets and store coins. BTC in satoshis, ETH in wei, the stablecoins at their token decimals on
 * Ethereum mainnet, and store coins in whole coins.
 */
const nonFiatScales: ReadonlyMap<string, number> = new Map<string, number>([
  ['BTC', 8],
  ['ETH', 18],
  ['USDC', 6],
  ['USDT', 6],
  ['DAI', 18],
  ['COIN', 0],
]);

/** Assets that are not a government currency: formatted as `0.5 BTC`, never with a currency symbol. */
export function isFiatAsset(asset: string): boolean {
  return !nonFiatScales.has(asset) && scaleOf(asset) !== undefined;
}

/**
 * A three-letter code that the runtime's ICU knows as a currency but that is not in the table (a
 * currency withdrawn recently, such as HRK). Codes starting with X are funds, metals and test codes
 * (XAU, XDR, XTS, XXX), which a till never prices in, unless the table lists them (XAF, XOF, ...).
 */
function intlCurrencyScale(asset: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(asset) || asset.startsWith('X')) return undefined;
  if (typeof Intl.supportedValuesOf !== 'function' || !Intl.supportedValuesOf('currency').includes(asset)) {
    return undefined;
  }
  return new Intl.NumberFormat('en', { style: 'currency', currency: asset }).resolvedOptions()
    .maximumFractionDigits;
}

const intlScaleCache = new Map<string, number | undefined>();

function scaleOf(asset: string): number | undefined {
  const fixed = fiatScales.get(asset) ?? nonFiatScales.get(asset);
  if (fixed !== undefined) return fixed;
  if (!intlScaleCache.has(asset)) intlScaleCache.set(asset, intlCurrencyScale(asset));
  return intlScaleCache.get(asset);
}

/** Whether `asset` is an asset this till can hold amounts in. Codes are case-sensitive (`USD`, not `usd`). */
export function isKnownAsset(asset: string): boolean {
  return typeof asset === 'string' && scaleOf(asset) !== undefined;
}

/** The number of decimal places of the asset's smallest unit: USD 2, JPY 0, BTC 8, ETH 18, COIN 0. */
export function assetScale(asset: string): number {
  const scale = typeof asset === 'string' ? scaleOf(asset) : undefined;
  if (scale === undefined) {
    const hint =
      typeof asset === 'string' && asset !== asset.toUpperCase() && scaleOf(asset.toUpperCase()) !== undefined
        ? ` (asset codes are upper case: ${asset.toUpperCase()})`
        : '';
    throw new TillpointError('bad_input', `Unknown asset "${String(asset)}"${hint}.`, {
      asset,
      reason: 'unknown_asset',
    });
  }
  return scale;
}

/** 10^scale of the asset as a bigint: how many minor units make one whole unit. */
export function minorPerUnit(asset: string): bigint {
  return 10n ** BigInt(assetScale(asset));
}
