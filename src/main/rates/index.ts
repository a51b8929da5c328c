/**
 * Exchange rates for crypto invoices. Offers
 * - one `RateProvider` interface and three real sources, each with a configurable base URL and timeout,
 *   mapping its documented errors and rate limits to `RateProviderError` (`rate_limited`, `unknown_pair`,
 *   `unavailable`, `timeout`, `network`, `bad_response`, `stale`): `krakenProvider` (public Ticker),
 *   `coinbaseProvider` (spot price), `coingeckoProvider` (simple/price with coin ids);
 * - `fixedRateProvider`: demo rates that drift slightly, labelled "demo";
 * - `createRateService`: primary, fallback, staleness limit, cache, spread, and the manager's manual rate
 *   when every source is down (or when the owner chose manual rates); `RateUnavailableError`
 *   (`rate_unavailable`) with a sentence for the cashier when there is no rate;
 * - `cryptoAmountFor` (what the customer owes, rounded UP to the asset's unit) and `fiatValueOf`
 *   (reports, half-even);
 * - `rateSettingsSchema` (zod, with defaults) for the settings the crypto domain stores, and
 *   `rateServiceFromSettings` to build the service from them (demo mode: the demo rates).
 */
export { cryptoAmountFor, fiatValueOf, isRateText, maxSpreadBps, normalizeRate } from './amounts';
export { coinbaseDefaultBaseUrl, coinbaseProvider } from './coinbase';
export { type CoingeckoOptions, coingeckoDefaultBaseUrl, coingeckoIds, coingeckoProvider } from './coingecko';
export {
  demoRateLabel,
  type FixedRateProvider,
  type FixedRateProviderOptions,
  fixedRateProvider,
} from './demo';
export { krakenDefaultBaseUrl, krakenProvider } from './kraken';
export {
  createRateService,
  defaultCacheMs,
  defaultMaxAgeMs,
  type ManualRate,
  type ManualRates,
  type RateService,
  type RateServiceOptions,
  type ServiceQuote,
} from './service';
export {
  defaultRateSettings,
  maxManualRates,
  maxSettingsSpreadBps,
  type RateServiceEnvironment,
  rateProviderFor,
  rateServiceFromSettings,
  type RateSettings,
  type RateSettingsInput,
  rateSettingsSchema,
  type RateSource,
  rateSources,
} from './settings';
export {
  type ProviderOptions,
  type RateAsset,
  type RateAttempt,
  type RateProvider,
  RateProviderError,
  type RateProviderErrorKind,
  type RateQuote,
  RateUnavailableError,
} from './types';
