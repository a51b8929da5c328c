import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  coinbaseProvider,
  coingeckoProvider,
  krakenProvider,
  type RateProvider,
  RateProviderError,
} from '../../src/main/rates';
import {
  type Answer,
  closedPortUrl,
  coinbaseSpot,
  coingeckoError,
  krakenTicker,
  type LoopbackServer,
  startLoopbackServer,
} from './loopbackServer';

let server: LoopbackServer;
const fixedNow = new Date('2026-12-06T22:00:00Z');
const now = (): Date => fixedNow;

beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
});

async function failure(provider: RateProvider, base = 'BTC', fiat = 'USD'): Promise<RateProviderError> {
  const error = await provider.quote(base, fiat).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateProviderError);
  return error as RateProviderError;
}

describe('Kraken (public Ticker)', () => {
  const kraken = (): RateProvider => krakenProvider({ baseUrl: server.url, now });

  it('asks for XBTUSD and prices at the middle of bid and ask, exactly', async () => {
    server.answer(() => ({ json: krakenTicker('XXBTZUSD', '97123.50000', '97123.40000', '97123.45000') }));
    const before = server.requests.length;
    expect(await kraken().quote('BTC', 'USD')).toEqual({ rate: '97123.45', at: fixedNow, source: 'kraken' });
    const request = server.requests[before]!;
    expect(request.path).toBe('/0/public/Ticker');
    expect(request.query.get('pair')).toBe('XBTUSD');
  });

  it('prices a stablecoin at its own rate', async () => {
    server.answer(() => ({ json: krakenTicker('USDCUSD', '0.99990000', '0.99970000', '0.99980000') }));
    expect((await kraken().quote('USDC', 'USD')).rate).toBe('0.9998');
    expect(server.requests.at(-1)!.query.get('pair')).toBe('USDCUSD');
  });

  it.each([
    [{ json: { error: ['EQuery:Unknown asset pair'] } }, 'unknown_pair', /does not quote/],
    [{ json: { error: ['EAPI:Rate limit exceeded'] } }, 'rate_limited', /limiting/],
    [{ json: { error: ['EGeneral:Too many requests'] } }, 'rate_limited', /limiting/],
    [{ json: { error: ['EService:Unavailable'] } }, 'unavailable', /unavailable/],
    [{ json: { error: ['EService:Busy'] } }, 'unavailable', /unavailable/],
    [{ json: { error: ['EGeneral:Invalid arguments'] } }, 'bad_response', /error/],
    [{ status: 429, text: 'Too Many Requests', headers: { 'retry-after': '7' } }, 'rate_limited', /HTTP 429/],
    [{ status: 502, text: '<html>Bad gateway</html>' }, 'unavailable', /HTTP 502/],
    [{ json: { error: [], result: {} } }, 'bad_response', /0 tickers/],
    [{ json: { error: [], result: { XXBTZUSD: { c: ['1', '1'] } } } }, 'bad_response', /no bid and ask/],
    [
      { json: { error: [], result: { XXBTZUSD: { a: ['0', '1'], b: ['0', '1'] } } } },
      'bad_response',
      /no bid/,
    ],
    [{ text: 'not json' }, 'bad_response', /not a ticker/],
  ] as [Answer, string, RegExp][])('maps %j to %s', async (answer, kind, message) => {
    server.answer(() => answer);
    const error = await failure(kraken());
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.code).toBe('unavailable');
    if (answer.headers?.['retry-after']) expect(error.retryAfterMs).toBe(7000);
  });
});

describe('Coinbase (spot price)', () => {
  const coinbase = (): RateProvider => coinbaseProvider({ baseUrl: `${server.url}/`, now });

  it('asks for /v2/prices/BTC-EUR/spot and reads data.amount', async () => {
    server.answer(() => ({ json: coinbaseSpot('BTC', 'EUR', '92267.28') }));
    expect(await coinbase().quote('BTC', 'EUR')).toEqual({
      rate: '92267.28',
      at: fixedNow,
      source: 'coinbase',
    });
    expect(server.requests.at(-1)!.path).toBe('/v2/prices/BTC-EUR/spot');
  });

  it('prices DAI at its own rate', async () => {
    server.answer(() => ({ json: coinbaseSpot('DAI', 'USD', '0.99970000') }));
    expect((await coinbase().quote('DAI', 'USD')).rate).toBe('0.9997');
  });

  it.each([
    [
      { status: 404, json: { errors: [{ id: 'not_found', message: 'Invalid currency (NGX)' }] } },
      'unknown_pair',
    ],
    [
      { status: 400, json: { errors: [{ id: 'invalid_request', message: 'Invalid currency pair' }] } },
      'unknown_pair',
    ],
    [
      { status: 429, json: { errors: [{ id: 'rate_limit_exceeded', message: 'Too many requests' }] } },
      'rate_limited',
    ],
    [{ status: 503, text: 'Service Unavailable' }, 'unavailable'],
    [{ status: 500, json: { errors: [{ id: 'internal_server_error', message: 'oops' }] } }, 'unavailable'],
    [{ status: 401, json: { errors: [{ id: 'authentication_error', message: 'no' }] } }, 'bad_response'],
    [{ json: coinbaseSpot('ETH', 'USD', '3650.12') }, 'bad_response'],
    [{ json: coinbaseSpot('BTC', 'USD', 'NaN') }, 'bad_response'],
    [{ json: { data: null } }, 'bad_response'],
  ])('maps %j to %s', async (answer, kind) => {
    server.answer(() => answer);
    expect((await failure(coinbase())).kind).toBe(kind);
  });
});

describe('CoinGecko (simple/price)', () => {
  const lastUpdated = Math.floor(fixedNow.getTime() / 1000) - 42;

  it('asks by coin id and currency, reads the number exactly and its last_updated_at', async () => {
    server.answer(() => ({ json: { bitcoin: { usd: 97123.45, last_updated_at: lastUpdated } } }));
    const provider = coingeckoProvider({ baseUrl: server.url, now, apiKey: 'CG-demo-key' });
    expect(await provider.quote('BTC', 'USD')).toEqual({
      rate: '97123.45',
      at: new Date(lastUpdated * 1000),
      source: 'coingecko',
    });
    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/api/v3/simple/price');
    expect(request.query.get('ids')).toBe('bitcoin');
    expect(request.query.get('vs_currencies')).toBe('usd');
    expect(request.query.get('include_last_updated_at')).toBe('true');
    expect(request.headers['x-cg-demo-api-key']).toBe('CG-demo-key');
  });

  it('maps every asset the till prices to its coin id, and stablecoins keep their own rate', async () => {
    server.answer((request) => ({
      json: { [request.query.get('ids')!]: { ngn: 0.999812 * 1550, last_updated_at: lastUpdated } },
    }));
    const provider = coingeckoProvider({ baseUrl: server.url, now, apiKey: 'k', apiKeyKind: 'pro' });
    for (const [asset, id] of [
      ['BTC', 'bitcoin'],
      ['ETH', 'ethereum'],
      ['POL', 'polygon-ecosystem-token'],
      ['BNB', 'binancecoin'],
      ['USDC', 'usd-coin'],
      ['USDT', 'tether'],
      ['DAI', 'dai'],
    ] as const) {
      expect((await provider.quote(asset, 'NGN')).rate).toBe(String(0.999812 * 1550));
      expect(server.requests.at(-1)!.query.get('ids')).toBe(id);
      expect(server.requests.at(-1)!.headers['x-cg-pro-api-key']).toBe('k');
    }
  });

  it.each([
    [{ json: {} }, 'unknown_pair'],
    [{ json: { bitcoin: {} } }, 'unknown_pair'],
    [
      {
        status: 429,
        json: coingeckoError(
          429,
          "You've exceeded the Rate Limit. Please visit https://www.coingecko.com/en/api/pricing",
        ),
        headers: { 'retry-after': '30' },
      },
      'rate_limited',
    ],
    [{ status: 401, json: coingeckoError(10002, 'API Key Missing') }, 'bad_response'],
    [
      {
        status: 400,
        json: coingeckoError(10010, 'If you are using Pro API key, please change your root URL'),
      },
      'bad_response',
    ],
    [{ status: 503, text: '<html>maintenance</html>' }, 'unavailable'],
    [{ status: 500, json: coingeckoError(500, 'Internal error') }, 'unavailable'],
    [{ json: { bitcoin: { usd: 0 } } }, 'bad_response'],
    [{ json: { bitcoin: { usd: 'lots' } } }, 'bad_response'],
  ])('maps %j to %s', async (answer, kind) => {
    server.answer(() => answer);
    const error = await failure(coingeckoProvider({ baseUrl: server.url, now }));
    expect(error.kind).toBe(kind);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(30_000);
  });

  it('refuses an asset with no coin id without asking', async () => {
    const before = server.requests.length;
    expect((await failure(coingeckoProvider({ baseUrl: server.url }), 'XYZ')).kind).toBe('unknown_pair');
    expect(server.requests.length).toBe(before);
    server.answer(() => ({ json: { 'my-token': { usd: 2.5 } } }));
    expect(
      (await coingeckoProvider({ baseUrl: server.url, ids: { XYZ: 'my-token' } }).quote('XYZ', 'USD')).rate,
    ).toBe('2.5');
  });
});

describe('every provider, when the network fails', () => {
  const makers: [string, (baseUrl: string) => RateProvider][] = [
    ['kraken', (baseUrl) => krakenProvider({ baseUrl, timeoutMs: 300 })],
    ['coinbase', (baseUrl) => coinbaseProvider({ baseUrl, timeoutMs: 300 })],
    ['coingecko', (baseUrl) => coingeckoProvider({ baseUrl, timeoutMs: 300 })],
  ];

  it.each(makers)('%s: no answer within the timeout is a timeout', async (_name, make) => {
    server.answer(() => ({ hang: true }));
    const error = await failure(make(server.url));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 0.3 s/);
  });

  it.each(makers)('%s: nobody listening is a network failure', async (_name, make) => {
    expect((await failure(make(await closedPortUrl()))).kind).toBe('network');
  });

  it.each(makers)('%s: an answer too large for a price is refused', async (_name, make) => {
    server.answer(() => ({ text: 'x'.repeat(300 * 1024) }));
    expect((await failure(make(server.url))).kind).toBe('bad_response');
  });
});
