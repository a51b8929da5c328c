/**
 * Coinbase's public spot price: `GET {baseUrl}/v2/prices/BTC-USD/spot` (no authentication).
 *
 * The documented answer is `{"data": {"amount": "97123.45", "base": "BTC", "currency": "USD"}}`, the
 * amount a decimal string. Errors come as `{"errors": [{"id": "not_found", "message": "…"}]}`; the rate
 * limit as HTTP 429 with `{"errors": [{"id": "rate_limit_exceeded", "message": "Too many requests"}]}`;
 * 503 when throttled or down for maintenance. The spot price carries no time: `at` is the time of the
 * answer.
 */
import { normalizeRate } from './amounts';
import { defaultTimeoutMs, getJson, isRecord, trimBaseUrl } from './http';
import { type ProviderOptions, type RateProvider, RateProviderError, type RateQuote } from './types';

export const coinbaseDefaultBaseUrl = 'https://api.coinbase.com';
const source = 'coinbase';

function errorsOf(body: unknown): { id: string; message: string }[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((e) => ({
    id: typeof e.id === 'string' ? e.id : '',
    message: typeof e.message === 'string' ? e.message.slice(0, 200) : '',
  }));
}

export function coinbaseProvider(options: ProviderOptions = {}): RateProvider {
  const baseUrl = trimBaseUrl(options.baseUrl ?? coinbaseDefaultBaseUrl);
  const now = options.now ?? (() => new Date());
  return {
    name: source,
    async quote(base: string, fiat: string): Promise<RateQuote> {
      const pair = `${encodeURIComponent(base)}-${encodeURIComponent(fiat)}`;
      const answer = await getJson(`${baseUrl}/v2/prices/${pair}/spot`, {
        source,
        timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const errors = errorsOf(answer.body);
      const text = errors.map((e) => `${e.id}: ${e.message}`).join('; ');
      const extra = { httpStatus: answer.status, ...(text ? { providerMessage: text } : {}) };
      if (answer.status === 429 || errors.some((e) => e.id === 'rate_limit_exceeded')) {
        throw new RateProviderError(
          source,
          'rate_limited',
          `Coinbase is limiting requests (${text || 'HTTP 429'}).`,
          {
            ...extra,
            ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
          },
        );
      }
      if (answer.status === 404 || errors.some((e) => e.id === 'not_found' || e.id === 'invalid_request')) {
        throw new RateProviderError(
          source,
          'unknown_pair',
          `Coinbase does not quote ${base}-${fiat} (${text || 'HTTP 404'}).`,
          extra,
        );
      }
      if (answer.status >= 500) {
        throw new RateProviderError(
          source,
          'unavailable',
          `Coinbase is unavailable (${text || `HTTP ${answer.status}`}).`,
          extra,
        );
      }
      if (answer.status !== 200 || errors.length > 0) {
        throw new RateProviderError(
          source,
          'bad_response',
          `Coinbase answered with an error (${text || `HTTP ${answer.status}`}).`,
          extra,
        );
      }
      const data = isRecord(answer.body) ? answer.body.data : undefined;
      if (!isRecord(data))
        throw new RateProviderError(source, 'bad_response', "Coinbase's answer has no price data.");
      // `base` and `currency` must be the pair asked for, when the answer names them.
      if (
        (data.base !== undefined && data.base !== base) ||
        (data.currency !== undefined && data.currency !== fiat)
      ) {
        throw new RateProviderError(
          source,
          'bad_response',
          `Coinbase answered for ${String(data.base)}-${String(data.currency)}, not ${base}-${fiat}.`,
        );
      }
      const rate = normalizeRate(data.amount);
      if (rate === undefined) {
        throw new RateProviderError(
          source,
          'bad_response',
          `Coinbase's amount for ${base}-${fiat} is not a price.`,
        );
      }
      return { rate, at: now(), source };
    },
  };
}
