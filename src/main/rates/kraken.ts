/**
 * Kraken's public Ticker: `GET {baseUrl}/0/public/Ticker?pair=XBTUSD`.
 *
 * The documented answer is `{"error": [], "result": {"XXBTZUSD": {"a": [ask, wholeLotVolume, lotVolume],
 * "b": [bid, …], "c": [lastTradePrice, lotVolume], "v": […], "p": […], "t": […], "l": […], "h": […],
 * "o": open}}`, the result keyed by the pair's Kraken name (which may differ from the name asked:
 * `XBTUSD` answers as `XXBTZUSD`). Failures come as `{"error": ["EQuery:Unknown asset pair"]}`, an array
 * of `<severity E|W><category>:<message>` strings, usually with HTTP 200; rate limits as
 * `EAPI:Rate limit exceeded` / `EGeneral:Too many requests`, outages as `EService:Unavailable` /
 * `EService:Busy`, and HTTP 429 / 5xx from the edge.
 *
 * The rate is the middle of the best bid and ask (`b[0]`, `a[0]`), exact; the ticker carries no time,
 * so `at` is the time of the answer.
 */
import Decimal from 'decimal.js';
import { normalizeRate } from './amounts';
import { defaultTimeoutMs, getJson, isRecord, trimBaseUrl } from './http';
import { type ProviderOptions, type RateProvider, RateProviderError, type RateQuote } from './types';

export const krakenDefaultBaseUrl = 'https://api.kraken.com';
const source = 'kraken';

/** Kraken names bitcoin XBT; the other assets go by their usual codes. */
const krakenAssetCodes: Readonly<Record<string, string>> = { BTC: 'XBT' };

function errorFrom(messages: readonly string[], httpStatus: number): RateProviderError {
  const text = messages.join('; ');
  const extra = { httpStatus, providerMessage: text };
  if (messages.some((m) => /^E(API|General):(Rate limit exceeded|Too many requests)/.test(m))) {
    return new RateProviderError(source, 'rate_limited', `Kraken is limiting requests (${text}).`, extra);
  }
  if (messages.some((m) => m.startsWith('EQuery:Unknown asset pair'))) {
    return new RateProviderError(source, 'unknown_pair', `Kraken does not quote this pair (${text}).`, extra);
  }
  if (messages.some((m) => m.startsWith('EService:'))) {
    return new RateProviderError(source, 'unavailable', `Kraken is unavailable (${text}).`, extra);
  }
  return new RateProviderError(source, 'bad_response', `Kraken answered with an error (${text}).`, extra);
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

export function krakenProvider(options: ProviderOptions = {}): RateProvider {
  const baseUrl = trimBaseUrl(options.baseUrl ?? krakenDefaultBaseUrl);
  const now = options.now ?? (() => new Date());
  return {
    name: source,
    async quote(base: string, fiat: string): Promise<RateQuote> {
      const pair = `${krakenAssetCodes[base] ?? base}${fiat}`;
      const answer = await getJson(`${baseUrl}/0/public/Ticker?pair=${encodeURIComponent(pair)}`, {
        source,
        timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const body = answer.body;
      const errors =
        isRecord(body) && Array.isArray(body.error)
          ? body.error.filter((e): e is string => typeof e === 'string' && e.startsWith('E'))
          : [];
      if (answer.status === 429) {
        throw new RateProviderError(source, 'rate_limited', 'Kraken is limiting requests (HTTP 429).', {
          httpStatus: 429,
          ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
        });
      }
      if (errors.length > 0) throw errorFrom(errors, answer.status);
      if (answer.status >= 500) {
        throw new RateProviderError(source, 'unavailable', `Kraken is unavailable (HTTP ${answer.status}).`, {
          httpStatus: answer.status,
        });
      }
      if (answer.status !== 200 || !isRecord(body) || !isRecord(body.result)) {
        throw new RateProviderError(
          source,
          'bad_response',
          `Kraken's answer is not a ticker (HTTP ${answer.status}).`,
        );
      }
      const tickers = Object.values(body.result);
      if (tickers.length !== 1 || !isRecord(tickers[0])) {
        throw new RateProviderError(
          source,
          'bad_response',
          `Kraken answered ${tickers.length} tickers for ${pair}.`,
        );
      }
      const ticker = tickers[0];
      const ask = normalizeRate(firstOf(ticker.a));
      const bid = normalizeRate(firstOf(ticker.b));
      if (ask === undefined || bid === undefined) {
        throw new RateProviderError(
          source,
          'bad_response',
          `Kraken's ticker for ${pair} has no bid and ask prices.`,
        );
      }
      // The middle of bid and ask: (bid + ask) / 2 is exact in decimal (a half of a decimal terminates).
      const rate = new Decimal(bid).plus(ask).dividedBy(2).toFixed();
      return { rate, at: now(), source };
    },
  };
}
