/**
 * The exchange rate an invoice locks: the rate sources' quote, or else the owner's manual rate for
 * the asset, or else a `rate_unavailable` worded for the cashier (take another tender, or enter a
 * manual rate).
 */
import { TillpointError } from '../../shared/api/errors';
import { type CryptoLibs, type RateQuote, RateUnavailable } from './libs';

export async function lockableQuote(
  libs: CryptoLibs,
  manualRates: Readonly<Record<string, string>>,
  asset: string,
  currency: string,
  nowMs: number,
): Promise<RateQuote> {
  try {
    return await libs.quote(asset, currency);
  } catch (error) {
    const manual = Object.hasOwn(manualRates, asset) ? manualRates[asset] : undefined;
    if (manual) return { rate: manual, source: 'manual', atMs: nowMs };
    const why = error instanceof RateUnavailable || error instanceof Error ? error.message : String(error);
    throw new TillpointError(
      'unavailable',
      `No exchange rate for ${asset} in ${currency} is available right now (${why}). Take another tender, or enter a manual rate in Settings › Crypto.`,
      { asset, currency, reason: 'rate_unavailable' },
    );
  }
}
