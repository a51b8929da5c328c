/**
 * CoinGecko's simple price: `GET {baseUrl}/api/v3/simple/price?ids=bitcoin&vs_currencies=usd&
 * include_last_updated_at=true&precision=full`.
 *
 * The documented answer is `{"bitcoin": {"usd": 97123.45, "last_updated_at": 1765058400}}`: coins by
 * CoinGecko id, prices as JSON numbers under the lower-case currency, the time in Unix seconds. An id or
 * currency it does not know is simply left out (`{}`). Errors come as HTTP statuses (400, 401, 403, 429
 * "Too many requests", 500, 503) with `{"status": {"error_code": 429, "error_message": "…"}}`, and
 * CoinGecko's own codes in `error_code` (10002 API key missing, 10005 plan restricted, 10010/10011 wrong
 * key for the root URL). A demo or pro API key goes in `x-cg-demo-api-key` / `x-cg-pro-api-key` (the pro
 * key with the root `https://pro-api.coingecko.com`).
 */
import { normalizeRate } from './amounts';
import { defaultTimeoutMs, getJson, isRecord, trimBaseUrl } from './http';
import { type ProviderOptions, type RateProvider, RateProviderError, type RateQuote } from './types';

export const coingeckoDefaultBaseUrl = 'https://api.coingecko.com';
const source = 'coingecko';

/** CoinGecko's coin ids of the assets the till prices (see its `/coins/list`). */
export const coingeckoIds: Readonly<Record<string, string>> = {
  BTC: 'bitcoin',
  ETH: 'ethereum',
  POL: 'polygon-ecosystem-token',
  BNB: 'binancecoin',
  USDC: 'usd-coin',
  USDT: 'tether',
  DAI: 'dai',
};

export interface CoingeckoOptions extends ProviderOptions {
  /** More asset → CoinGecko id pairs (or overrides), for tokens added by config. */
  readonly ids?: Readonly<Record<string, string>>;
  readonly apiKey?: string;
  /** `demo` (default) or `pro`: which header carries the key. */
  readonly apiKeyKind?: 'demo' | 'pro';
}

function statusOf(body: unknown): { code: number | undefined; message: string } {
  const status = isRecord(body) && isRecord(body.status) ? body.status : undefined;
  const error = isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
  return {
    code: typeof status?.error_code === 'number' ? status.error_code : undefined,
    message: (typeof status?.error_message === 'string' ? status.error_message : (error ?? '')).slice(0, 200),
  };
}

export function coingeckoProvider(options: CoingeckoOptions = {}): RateProvider {
  const baseUrl = trimBaseUrl(options.baseUrl ?? coingeckoDefaultBaseUrl);
  const now = options.now ?? (() => new Date());
  const ids = { ...coingeckoIds, ...options.ids };
  const headers: Record<string, string> =
    options.apiKey === undefined
      ? {}
      : { [options.apiKeyKind === 'pro' ? 'x-cg-pro-api-key' : 'x-cg-demo-api-key']: options.apiKey };
  return {
    name: source,
    async quote(base: string, fiat: string): Promise<RateQuote> {
      const id = ids[base];
      if (id === undefined) {
        throw new RateProviderError(
          source,
          'unknown_pair',
          `CoinGecko has no coin id configured for ${base}.`,
        );
      }
      const vs = fiat.toLowerCase();
      const query = `ids=${encodeURIComponent(id)}&vs_currencies=${encodeURIComponent(vs)}&include_last_updated_at=true&precision=full`;
      const answer = await getJson(`${baseUrl}/api/v3/simple/price?${query}`, {
        source,
        headers,
        timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const status = statusOf(answer.body);
      const detail = status.message || `HTTP ${answer.status}`;
      const extra = {
        httpStatus: answer.status,
        ...(status.message ? { providerMessage: `${status.code ?? answer.status}: ${status.message}` } : {}),
      };
      if (answer.status === 429 || status.code === 429) {
        throw new RateProviderError(source, 'rate_limited', `CoinGecko is limiting requests (${detail}).`, {
          ...extra,
          ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
        });
      }
      if (answer.status >= 500 || status.code === 503 || status.code === 500) {
        throw new RateProviderError(source, 'unavailable', `CoinGecko is unavailable (${detail}).`, extra);
      }
      if (answer.status !== 200 || status.code !== undefined || status.message !== '') {
        // 400, 401, 403, 1020 and CoinGecko's 100xx codes: a set-up problem the owner must fix
        throw new RateProviderError(
          source,
          'bad_response',
          `CoinGecko refused the request (${status.code ?? answer.status}: ${detail}).`,
          extra,
        );
      }
      const coin = isRecord(answer.body) ? answer.body[id] : undefined;
      if (!isRecord(coin) || coin[vs] === undefined) {
        throw new RateProviderError(source, 'unknown_pair', `CoinGecko does not quote ${id} in ${vs}.`);
      }
      const rate = normalizeRate(coin[vs]);
      if (rate === undefined) {
        throw new RateProviderError(
          source,
          'bad_response',
          `CoinGecko's ${vs} price of ${id} is not a price.`,
        );
      }
      const updated = coin.last_updated_at;
      const at =
        typeof updated === 'number' && Number.isSafeInteger(updated) && updated > 0
          ? new Date(updated * 1000)
          : now();
      return { rate, at, source };
    },
  };
}
