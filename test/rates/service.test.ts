import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  coinbaseProvider,
  coingeckoProvider,
  createRateService,
  cryptoAmountFor,
  demoRateLabel,
  fixedRateProvider,
  krakenProvider,
  type RateProvider,
  rateServiceFromSettings,
  rateSettingsSchema,
  RateUnavailableError,
} from '../../src/main/rates';
import {
  coinbaseSpot,
  coingeckoError,
  krakenTicker,
  type LoopbackServer,
  startLoopbackServer,
} from './loopbackServer';

let krakenServer: LoopbackServer;
let coinbaseServer: LoopbackServer;
let geckoServer: LoopbackServer;
let clockMs: number;
const now = (): Date => new Date(clockMs);

beforeAll(async () => {
  [krakenServer, coinbaseServer, geckoServer] = await Promise.all([
    startLoopbackServer(),
    startLoopbackServer(),
    startLoopbackServer(),
  ]);
});
afterAll(async () => {
  await Promise.all([krakenServer.close(), coinbaseServer.close(), geckoServer.close()]);
});
beforeEach(() => {
  clockMs = Date.parse('2026-12-06T22:00:00Z');
  krakenServer.answer(() => ({ json: krakenTicker('XXBTZUSD', '97123.50', '97123.40', '97123.45') }));
  coinbaseServer.answer(() => ({ json: coinbaseSpot('BTC', 'USD', '97100.00') }));
  geckoServer.answer(() => ({
    json: { bitcoin: { usd: 97050, last_updated_at: Math.floor(clockMs / 1000) - 30 } },
  }));
});

const kraken = (): RateProvider => krakenProvider({ baseUrl: krakenServer.url, now, timeoutMs: 2000 });
const coinbase = (): RateProvider => coinbaseProvider({ baseUrl: coinbaseServer.url, now, timeoutMs: 2000 });
const gecko = (): RateProvider => coingeckoProvider({ baseUrl: geckoServer.url, now, timeoutMs: 2000 });

async function refusal(promise: Promise<unknown>): Promise<RateUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateUnavailableError);
  const refused = error as RateUnavailableError;
  expect(refused.code).toBe('unavailable');
  expect(refused.reason).toBe('rate_unavailable');
  expect(refused.toApiError().details).toMatchObject({ reason: 'rate_unavailable' });
  return refused;
}

describe('createRateService', () => {
  it('takes the primary and carries the spread beside the market rate', async () => {
    const service = createRateService({ primary: kraken(), fallback: coinbase(), spreadBps: 100, now });
    expect(await service.quote('BTC', 'USD')).toEqual({
      rate: '97123.45',
      source: 'kraken',
      at: now(),
      spreadBps: 100,
      asset: 'BTC',
      fiat: 'USD',
    });
  });

  it('primary down → fallback', async () => {
    krakenServer.answer(() => ({ json: { error: ['EService:Unavailable'] } }));
    const service = createRateService({ primary: kraken(), fallback: coinbase(), now });
    expect(await service.quote('BTC', 'USD')).toMatchObject({ rate: '97100', source: 'coinbase' });
  });

  it('primary rate-limited → fallback, and the primary is left alone until its Retry-After passes', async () => {
    krakenServer.answer(() => ({
      status: 429,
      text: 'Too Many Requests',
      headers: { 'retry-after': '120' },
    }));
    const service = createRateService({ primary: kraken(), fallback: coinbase(), cacheMs: 0, now });
    const before = krakenServer.requests.length;
    expect((await service.quote('BTC', 'USD')).source).toBe('coinbase');
    clockMs += 60_000;
    expect((await service.quote('BTC', 'USD')).source).toBe('coinbase');
    expect(krakenServer.requests.length).toBe(before + 1);
    clockMs += 61_000;
    krakenServer.answer(() => ({ json: krakenTicker('XXBTZUSD', '2', '1', '1.5') }));
    expect((await service.quote('BTC', 'USD')).source).toBe('kraken');
  });

  it('CoinGecko rate-limited (its documented 429 body) → fallback', async () => {
    geckoServer.answer(() => ({ status: 429, json: coingeckoError(429, "You've exceeded the Rate Limit.") }));
    const service = createRateService({ primary: gecko(), fallback: kraken(), now });
    expect((await service.quote('BTC', 'USD')).source).toBe('kraken');
  });

  it('both down → the manager’s manual rate, in the same fiat only', async () => {
    krakenServer.answer(() => ({ status: 502, text: 'Bad gateway' }));
    coinbaseServer.answer(() => ({
      status: 429,
      json: { errors: [{ id: 'rate_limit_exceeded', message: 'Too many requests' }] },
    }));
    const setAt = '2026-12-06T20:00:00.000Z';
    const service = createRateService({
      primary: kraken(),
      fallback: coinbase(),
      spreadBps: 50,
      manualRates: { BTC: { rate: '96000', fiat: 'USD', setAt } },
      now,
    });
    expect(await service.quote('BTC', 'USD')).toEqual({
      rate: '96000',
      source: 'manual',
      at: new Date(setAt),
      spreadBps: 50,
      asset: 'BTC',
      fiat: 'USD',
    });
    const refused = await refusal(service.quote('BTC', 'EUR'));
    expect(refused.message).toMatch(/^No BTC price in EUR right now: /);
  });

  it('a manual rate is never used while a source answers', async () => {
    const service = createRateService({
      primary: kraken(),
      manualRates: { BTC: { rate: '1', fiat: 'USD' } },
      now,
    });
    expect((await service.quote('BTC', 'USD')).source).toBe('kraken');
  });

  it('the owner chose manual rates: the manual rate only, no source is asked', async () => {
    let manual = { BTC: { rate: '95000.5', fiat: 'USD' } };
    const before = krakenServer.requests.length;
    const service = createRateService({ primary: kraken(), mode: 'manual', manualRates: () => manual, now });
    expect(await service.quote('BTC', 'USD')).toMatchObject({ rate: '95000.5', source: 'manual', at: now() });
    manual = { BTC: { rate: '94000', fiat: 'USD' } };
    expect((await service.quote('BTC', 'USD')).rate).toBe('94000');
    const refused = await refusal(service.quote('ETH', 'USD'));
    expect(refused.message).toBe(
      'No ETH price in USD right now: the store uses manual rates and no ETH rate in USD is set. Take another payment method, or ask a manager to set a manual ETH rate in Settings.',
    );
    expect(krakenServer.requests.length).toBe(before);
  });

  it('stale → refused with a clear message', async () => {
    geckoServer.answer(() => ({
      json: { bitcoin: { usd: 97050, last_updated_at: Math.floor(clockMs / 1000) - 20 * 60 } },
    }));
    const service = createRateService({ primary: gecko(), maxAgeMs: 10 * 60_000, now });
    const refused = await refusal(service.quote('BTC', 'USD'));
    expect(refused.message).toBe(
      "No BTC price in USD right now: CoinGecko's BTC price is 20 min old (the limit is 10 min). Take another payment method, or ask a manager to set a manual BTC rate in Settings.",
    );
    expect(refused.attempts[0]).toMatchObject({ source: 'coingecko', kind: 'stale' });
  });

  it('stale primary → a fresh fallback', async () => {
    geckoServer.answer(() => ({
      json: { bitcoin: { usd: 97050, last_updated_at: Math.floor(clockMs / 1000) - 3600 } },
    }));
    const service = createRateService({ primary: gecko(), fallback: kraken(), maxAgeMs: 5 * 60_000, now });
    expect((await service.quote('BTC', 'USD')).source).toBe('kraken');
  });

  it('nothing at all → rate_unavailable, saying why in words a cashier understands', async () => {
    krakenServer.answer(() => ({ json: { error: ['EQuery:Unknown asset pair'] } }));
    coinbaseServer.answer(() => ({ hang: true }));
    const service = createRateService({
      primary: kraken(),
      fallback: coinbaseProvider({ baseUrl: coinbaseServer.url, timeoutMs: 200 }),
      now,
    });
    const refused = await refusal(service.quote('BTC', 'NGN'));
    expect(refused.message).toBe(
      'No BTC price in NGN right now: Kraken has no BTC price in NGN; Coinbase did not answer in time. Take another payment method, or ask a manager to set a manual BTC rate in Settings.',
    );
    expect(refused.attempts.map((a) => a.kind)).toEqual(['unknown_pair', 'timeout', 'no_manual_rate']);
    await expect(createRateService({ now }).quote('BTC', 'USD')).rejects.toThrow(/no rate source is set up/);
  });

  it('reuses a quote for cacheMs, and asks once for many invoices at the same moment', async () => {
    const service = createRateService({ primary: kraken(), cacheMs: 30_000, now });
    const before = krakenServer.requests.length;
    const quotes = await Promise.all(Array.from({ length: 5 }, () => service.quote('BTC', 'USD')));
    expect(new Set(quotes.map((q) => q.rate))).toEqual(new Set(['97123.45']));
    clockMs += 29_000;
    await service.quote('BTC', 'USD');
    expect(krakenServer.requests.length).toBe(before + 1);
    clockMs += 2_000;
    await service.quote('BTC', 'USD');
    expect(krakenServer.requests.length).toBe(before + 2);
    service.reset();
    await service.quote('BTC', 'USD');
    expect(krakenServer.requests.length).toBe(before + 3);
  });

  it('prices stablecoins at their own rate, never 1.00', async () => {
    geckoServer.answer(() => ({
      json: { 'usd-coin': { usd: 0.9998, last_updated_at: Math.floor(clockMs / 1000) } },
    }));
    const quote = await createRateService({ primary: gecko(), now }).quote('USDC', 'USD');
    expect(quote.rate).toBe('0.9998');
    expect(cryptoAmountFor(1250n, 2, quote.rate, quote.spreadBps, 6)).toBe(12502501n);
  });

  it.each([
    ['btc', 'USD'],
    ['BTC', 'usd'],
    ['BTC', 'US'],
    ['B', 'USD'],
    ['BTC/../x', 'USD'],
  ])('refuses the pair %s/%s as bad input', async (asset, fiat) => {
    await expect(createRateService({ primary: kraken(), now }).quote(asset, fiat)).rejects.toMatchObject({
      code: 'bad_input',
    });
  });

  it('refuses a spread out of bounds', () => {
    expect(() => createRateService({ spreadBps: -1 })).toThrow(/spread/);
    expect(() => createRateService({ spreadBps: 10_001 })).toThrow(/spread/);
  });
});

describe('fixedRateProvider (demo)', () => {
  it('is labelled demo and drifts only slightly', async () => {
    const demo = fixedRateProvider({ now });
    expect(demo.name).toBe('demo');
    expect(demo.label).toBe(demoRateLabel);
    for (let minute = 0; minute < 10; minute += 1) {
      clockMs += 60_000;
      const quote = await demo.quote('BTC', 'USD');
      expect(quote.source).toBe('demo');
      const rate = Number(quote.rate);
      expect(rate).toBeGreaterThanOrEqual(97123.45 * 0.997 - 0.01);
      expect(rate).toBeLessThanOrEqual(97123.45 * 1.003 + 0.01);
    }
    expect((await fixedRateProvider({ now, driftBps: 0 }).quote('USDT', 'USD')).rate).toBe('1.0002');
    expect((await fixedRateProvider({ now, driftBps: 0 }).quote('BTC', 'NGN')).rate).toBe('150541347.5');
    await expect(demo.quote('BTC', 'XAF')).rejects.toMatchObject({ kind: 'unknown_pair' });
  });

  it('serves a rate service in demo mode', async () => {
    const service = createRateService({
      primary: fixedRateProvider({ now, rates: { ETH: { EUR: '3400' } } }),
      now,
    });
    expect(await service.quote('ETH', 'EUR')).toMatchObject({ source: 'demo', asset: 'ETH', fiat: 'EUR' });
  });
});

describe('rateServiceFromSettings', () => {
  it('points each source at its configured URL, primary then fallback', async () => {
    krakenServer.answer(() => ({ status: 503, text: 'down' }));
    const settings = rateSettingsSchema.parse({
      primary: 'kraken',
      fallback: 'coinbase',
      spreadBps: 75,
      providerUrls: { kraken: krakenServer.url, coinbase: coinbaseServer.url },
    });
    const service = rateServiceFromSettings(settings, { now, timeoutMs: 2000 });
    expect(await service.quote('BTC', 'USD')).toMatchObject({
      rate: '97100',
      source: 'coinbase',
      spreadBps: 75,
    });
  });
});
