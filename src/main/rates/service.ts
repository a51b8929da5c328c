/**
 * The rate service: which source prices an invoice, and when the till must refuse to price one.
 *
 * Order of sources for `quote(asset, fiat)`:
 * 1. the owner chose manual rates (`mode: 'manual'`): the manager's rate, or refused;
 * 2. a cached market quote younger than `cacheMs` (and still within `maxAgeMs`);
 * 3. the primary provider, then the fallback; a quote older than `maxAgeMs` counts as a failure
 *    (stale), and a provider that said "too many requests" is skipped until its Retry-After passes;
 * 4. the manager's manual rate for this asset and fiat, only when every source failed;
 * 5. otherwise `RateUnavailableError` (`rate_unavailable`) with a sentence for the cashier.
 *
 * Stablecoins are priced like any other asset, at their own market rate (never assumed 1.00). The rate
 * returned is the market rate; the spread travels beside it, to be locked on the invoice and applied
 * by `cryptoAmountFor`.
 */
import { TillpointError } from '../../shared/api/errors';
import { isRateText, maxSpreadBps } from './amounts';
import {
  type RateAttempt,
  type RateProvider,
  RateProviderError,
  type RateProviderErrorKind,
  type RateQuote,
  RateUnavailableError,
} from './types';

export interface ManualRate {
  /** Fiat per one whole unit, a decimal string (`"97000"`). */
  readonly rate: string;
  /** The fiat the rate is in; a manual rate in another fiat is never used. */
  readonly fiat: string;
  /** When the manager set it (shown with the quote). */
  readonly setAt?: Date | string;
}

/** Manual rates by asset (`{ BTC: { rate: '97000', fiat: 'USD' } }`), or a function reading the current ones. */
export type ManualRates = Readonly<Record<string, ManualRate>>;

export interface RateServiceOptions {
  readonly primary?: RateProvider | null;
  readonly fallback?: RateProvider | null;
  /** The merchant's margin over the market rate, in basis points (default 0). */
  readonly spreadBps?: number;
  /** A market quote older than this is refused (default 10 minutes). */
  readonly maxAgeMs?: number;
  readonly manualRates?: ManualRates | (() => ManualRates);
  /** `auto` (default): market sources, the manual rate when they all fail; `manual`: manual rates only. */
  readonly mode?: 'auto' | 'manual';
  /** How long a market quote is reused before asking again (default 30 s). */
  readonly cacheMs?: number;
  /** How long to leave a provider alone after "too many requests" with no Retry-After (default 60 s). */
  readonly rateLimitCooldownMs?: number;
  readonly now?: () => Date;
}

export interface ServiceQuote {
  /** Market rate: fiat per one whole unit, a decimal string. */
  readonly rate: string;
  /** `kraken`, `coinbase`, `coingecko`, `demo`, or `manual`. */
  readonly source: string;
  readonly at: Date;
  readonly spreadBps: number;
  readonly asset: string;
  readonly fiat: string;
}

export interface RateService {
  quote(asset: string, fiat: string): Promise<ServiceQuote>;
  /** Forget cached quotes and cool-downs (after the owner changes sources). */
  reset(): void;
}

export const defaultMaxAgeMs = 10 * 60_000;
export const defaultCacheMs = 30_000;
const defaultCooldownMs = 60_000;

const providerLabels: Readonly<Record<string, string>> = {
  kraken: 'Kraken',
  coinbase: 'Coinbase',
  coingecko: 'CoinGecko',
  demo: 'The demo rates',
};

function labelOf(source: string): string {
  return providerLabels[source] ?? source;
}

function duration(ms: number): string {
  if (ms < 90_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

/** A few words per failure, for the cashier's sentence. */
function phrase(attempt: RateAttempt, asset: string, fiat: string): string {
  const who = labelOf(attempt.source);
  const phrases: Record<RateProviderErrorKind | 'no_manual_rate', string> = {
    rate_limited: `${who} is busy (too many requests)`,
    unknown_pair: `${who} has no ${asset} price in ${fiat}`,
    unavailable: `${who} is down`,
    timeout: `${who} did not answer in time`,
    network: `${who} cannot be reached (is the internet connection down?)`,
    bad_response: `${who} sent an answer the till cannot read`,
    stale: attempt.message,
    no_manual_rate: `no manual ${asset} rate in ${fiat} is set`,
  };
  return phrases[attempt.kind];
}

const assetPattern = /^[A-Z0-9]{2,12}$/;
const fiatPattern = /^[A-Z]{3}$/;

export function createRateService(options: RateServiceOptions): RateService {
  const spreadBps = options.spreadBps ?? 0;
  if (!Number.isInteger(spreadBps) || spreadBps < 0 || spreadBps > maxSpreadBps) {
    throw new TillpointError('bad_input', `The spread must be 0 to ${maxSpreadBps} basis points.`, {
      reason: 'bad_spread',
    });
  }
  const maxAgeMs = options.maxAgeMs ?? defaultMaxAgeMs;
  const cacheMs = Math.min(options.cacheMs ?? defaultCacheMs, maxAgeMs);
  const cooldownMs = options.rateLimitCooldownMs ?? defaultCooldownMs;
  const now = options.now ?? (() => new Date());
  const providers = [options.primary, options.fallback].filter(
    (p): p is RateProvider => p !== null && p !== undefined,
  );
  const cache = new Map<string, { quote: RateQuote; fetchedAtMs: number }>();
  const inFlight = new Map<string, Promise<RateQuote | RateAttempt[]>>();
  const cooldownUntilMs = new Map<string, number>();

  function manualRates(): ManualRates {
    const rates = typeof options.manualRates === 'function' ? options.manualRates() : options.manualRates;
    return rates ?? {};
  }

  function manualQuote(asset: string, fiat: string): ServiceQuote | undefined {
    const manual = Object.hasOwn(manualRates(), asset) ? manualRates()[asset] : undefined;
    if (manual === undefined || manual.fiat !== fiat || !isRateText(manual.rate)) return undefined;
    const setAt = manual.setAt === undefined ? now() : new Date(manual.setAt);
    return {
      rate: manual.rate,
      source: 'manual',
      at: Number.isNaN(setAt.getTime()) ? now() : setAt,
      spreadBps,
      asset,
      fiat,
    };
  }

  async function askProvider(provider: RateProvider, asset: string, fiat: string): Promise<RateQuote> {
    const quote = await provider.quote(asset, fiat);
    if (!isRateText(quote.rate)) {
      throw new RateProviderError(
        provider.name,
        'bad_response',
        `${labelOf(provider.name)} gave no usable rate.`,
      );
    }
    const ageMs = now().getTime() - quote.at.getTime();
    if (!(ageMs <= maxAgeMs)) {
      throw new RateProviderError(
        provider.name,
        'stale',
        `${labelOf(provider.name)}'s ${asset} price is ${duration(ageMs)} old (the limit is ${duration(maxAgeMs)})`,
      );
    }
    return quote;
  }

  /** Every market source in turn: the first good quote, or the list of failures. */
  async function fromMarket(asset: string, fiat: string): Promise<RateQuote | RateAttempt[]> {
    const attempts: RateAttempt[] = [];
    for (const provider of providers) {
      const waitUntil = cooldownUntilMs.get(provider.name) ?? 0;
      if (now().getTime() < waitUntil) {
        attempts.push({
          source: provider.name,
          kind: 'rate_limited',
          message: 'still cooling down after "too many requests"',
        });
        continue;
      }
      try {
        return await askProvider(provider, asset, fiat);
      } catch (error) {
        const kind = error instanceof RateProviderError ? error.kind : 'bad_response';
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof RateProviderError && kind === 'rate_limited') {
          cooldownUntilMs.set(provider.name, now().getTime() + (error.retryAfterMs ?? cooldownMs));
        }
        attempts.push({ source: provider.name, kind, message });
      }
    }
    return attempts;
  }

  function refuse(
    asset: string,
    fiat: string,
    attempts: RateAttempt[],
    manualMode: boolean,
  ): RateUnavailableError {
    const what = `No ${asset} price in ${fiat} right now`;
    const todo = `Take another payment method, or ask a manager to set a manual ${asset} rate in Settings.`;
    if (manualMode) {
      return new RateUnavailableError(
        asset,
        fiat,
        `${what}: the store uses manual rates and no ${asset} rate in ${fiat} is set. ${todo}`,
        attempts,
      );
    }
    if (providers.length === 0) {
      return new RateUnavailableError(asset, fiat, `${what}: no rate source is set up. ${todo}`, attempts);
    }
    const reasons = attempts.filter((a) => a.kind !== 'no_manual_rate').map((a) => phrase(a, asset, fiat));
    return new RateUnavailableError(asset, fiat, `${what}: ${reasons.join('; ')}. ${todo}`, attempts);
  }

  return {
    async quote(asset: string, fiat: string): Promise<ServiceQuote> {
      if (
        typeof asset !== 'string' ||
        !assetPattern.test(asset) ||
        typeof fiat !== 'string' ||
        !fiatPattern.test(fiat)
      ) {
        throw new TillpointError(
          'bad_input',
          'A rate is asked for an asset code (BTC) in a currency code (USD).',
          {
            reason: 'bad_pair',
          },
        );
      }
      const manualMode = options.mode === 'manual';
      if (manualMode) {
        const manual = manualQuote(asset, fiat);
        if (manual) return manual;
        throw refuse(
          asset,
          fiat,
          [{ source: 'manual', kind: 'no_manual_rate', message: 'no manual rate set' }],
          true,
        );
      }
      const key = `${asset}/${fiat}`;
      const nowMs = now().getTime();
      const cached = cache.get(key);
      if (cached && nowMs - cached.fetchedAtMs < cacheMs && nowMs - cached.quote.at.getTime() <= maxAgeMs) {
        return { ...cached.quote, spreadBps, asset, fiat };
      }
      let pending = inFlight.get(key);
      if (pending === undefined) {
        pending = fromMarket(asset, fiat).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      const result = await pending;
      if (!Array.isArray(result)) {
        cache.set(key, { quote: result, fetchedAtMs: now().getTime() });
        return { rate: result.rate, source: result.source, at: result.at, spreadBps, asset, fiat };
      }
      const manual = manualQuote(asset, fiat);
      if (manual) return manual;
      throw refuse(
        asset,
        fiat,
        [...result, { source: 'manual', kind: 'no_manual_rate', message: 'no manual rate set' }],
        false,
      );
    },
    reset(): void {
      cache.clear();
      cooldownUntilMs.clear();
    },
  };
}
