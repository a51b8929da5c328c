/**
 * The one interface every rate source offers, and the errors they raise. A rate is a decimal string of
 * fiat per one whole unit of the asset (`"97123.45"` USD per BTC), never a float.
 */
import { TillpointError } from '../../shared/api/errors';

/** Crypto assets the till prices; any other code is passed on to the provider as it is. */
export type RateAsset = 'BTC' | 'ETH' | 'POL' | 'BNB' | 'USDC' | 'USDT' | 'DAI' | (string & {});

export interface RateQuote {
  /** Fiat per one whole unit of the asset, a plain decimal string (`"97123.45"`), above zero. */
  readonly rate: string;
  /** When the source says the price was made; the time of its answer when it gives none. */
  readonly at: Date;
  /** `kraken`, `coinbase`, `coingecko`, `demo`, `manual`. */
  readonly source: string;
}

export interface RateProvider {
  /** Names the source in quotes, errors and the owner's settings (`kraken`). */
  readonly name: string;
  /** Fiat per one `base`; throws `RateProviderError`. */
  quote(base: RateAsset, fiat: string): Promise<RateQuote>;
}

/**
 * Why a source gave no rate:
 * - `rate_limited`: HTTP 429 or the provider's own "too many requests" answer (retry after a while);
 * - `unknown_pair`: the provider does not quote this asset in this currency;
 * - `unavailable`: the provider says it is down or busy (5xx, maintenance);
 * - `timeout`, `network`: no answer in time, or no connection;
 * - `bad_response`: an answer not in the provider's documented format, or a rate that is not a price;
 * - `stale`: a rate older than the store's limit.
 */
export type RateProviderErrorKind =
  'rate_limited' | 'unknown_pair' | 'unavailable' | 'timeout' | 'network' | 'bad_response' | 'stale';

export class RateProviderError extends TillpointError {
  readonly kind: RateProviderErrorKind;
  readonly source: string;
  /** From a `Retry-After` header, when the provider sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    source: string,
    kind: RateProviderErrorKind,
    message: string,
    extra: { retryAfterMs?: number; httpStatus?: number; providerMessage?: string } = {},
  ) {
    super('unavailable', message, { reason: kind, source, ...extra });
    this.name = 'RateProviderError';
    this.kind = kind;
    this.source = source;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

export interface RateAttempt {
  readonly source: string;
  readonly kind: RateProviderErrorKind | 'no_manual_rate';
  readonly message: string;
}

/**
 * No rate can be given: every source failed (or the owner chose manual rates and none is set). The
 * message is for the cashier: what happened and what to do; the attempts are for the owner's log.
 */
export class RateUnavailableError extends TillpointError {
  readonly reason = 'rate_unavailable';
  readonly asset: string;
  readonly fiat: string;
  readonly attempts: readonly RateAttempt[];

  constructor(asset: string, fiat: string, message: string, attempts: readonly RateAttempt[]) {
    super('unavailable', message, { reason: 'rate_unavailable', asset, fiat, attempts });
    this.name = 'RateUnavailableError';
    this.asset = asset;
    this.fiat = fiat;
    this.attempts = attempts;
  }
}

/** Base URL, timeout and fetch of one provider; every field optional. */
export interface ProviderOptions {
  /** The API root, e.g. `https://api.kraken.com` (a loopback server in tests). */
  readonly baseUrl?: string;
  /** Per request, default 5,000 ms. */
  readonly timeoutMs?: number;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** The clock (for `at` when the provider gives no time). */
  readonly now?: () => Date;
}
