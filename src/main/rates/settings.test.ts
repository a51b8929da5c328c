import { describe, expect, it } from 'vitest';
import { defaultRateSettings, rateServiceFromSettings, rateSettingsSchema } from './settings';

describe('rateSettingsSchema', () => {
  it('fills in the defaults', () => {
    expect(defaultRateSettings).toEqual({
      mode: 'auto',
      primary: 'kraken',
      fallback: 'coingecko',
      spreadBps: 0,
      maxAgeMs: 600_000,
      manualRates: {},
    });
  });

  it('keeps a full, valid set', () => {
    const settings = {
      mode: 'manual',
      primary: 'coinbase',
      fallback: null,
      spreadBps: 150,
      maxAgeMs: 120_000,
      manualRates: {
        BTC: { rate: '97000.5', fiat: 'USD', setAt: '2026-12-06T22:00:00.000Z', setBy: 'staff-1' },
      },
      providerUrls: { kraken: 'https://kraken-proxy.example/' },
    };
    expect(rateSettingsSchema.parse(settings)).toEqual(settings);
  });

  it.each([
    [{ primary: 'binance' }, 'primary'],
    [{ fallback: 'x' }, 'fallback'],
    [{ spreadBps: 2001 }, 'spreadBps'],
    [{ spreadBps: 1.5 }, 'spreadBps'],
    [{ spreadBps: -1 }, 'spreadBps'],
    [{ maxAgeMs: 1000 }, 'maxAgeMs'],
    [{ maxAgeMs: 86_400_000 }, 'maxAgeMs'],
    [{ manualRates: { btc: { rate: '1', fiat: 'USD' } } }, 'manualRates'],
    [{ manualRates: { BTC: { rate: '0', fiat: 'USD' } } }, 'manualRates'],
    [{ manualRates: { BTC: { rate: '1e5', fiat: 'USD' } } }, 'manualRates'],
    [{ manualRates: { BTC: { rate: '1', fiat: 'usd' } } }, 'manualRates'],
    [
      {
        manualRates: Object.fromEntries(
          Array.from({ length: 33 }, (_, i) => [`A${i}`, { rate: '1', fiat: 'USD' }]),
        ),
      },
      'manualRates',
    ],
    [{ providerUrls: { kraken: 'ftp://x' } }, 'providerUrls'],
    [{ providerUrls: { coinbase: 'https://user:pw@x.example' } }, 'providerUrls'],
    [{ providerUrls: { coingecko: `https://${'a'.repeat(200)}.example` } }, 'providerUrls'],
    [{ mode: 'sometimes' }, 'mode'],
  ])('refuses %j (%s)', (input, field) => {
    const result = rateSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it('never throws on malformed input', () => {
    for (const input of [
      null,
      1,
      'x',
      [],
      { manualRates: [] },
      { manualRates: { BTC: null } },
      { providerUrls: 5 },
    ]) {
      expect(() => rateSettingsSchema.safeParse(input)).not.toThrow();
    }
  });
});

describe('rateServiceFromSettings', () => {
  it('demo mode prices with the labelled demo rates', async () => {
    const service = rateServiceFromSettings(defaultRateSettings, { demo: true });
    expect(await service.quote('BTC', 'USD')).toMatchObject({ source: 'demo', spreadBps: 0 });
  });

  it('manual mode reads the manager’s current rates', async () => {
    let rates = { ETH: { rate: '3000', fiat: 'EUR' } };
    const settings = rateSettingsSchema.parse({ mode: 'manual', spreadBps: 25 });
    const service = rateServiceFromSettings(settings, {}, () => rates);
    expect(await service.quote('ETH', 'EUR')).toMatchObject({
      rate: '3000',
      source: 'manual',
      spreadBps: 25,
    });
    rates = { ETH: { rate: '3100', fiat: 'EUR' } };
    expect((await service.quote('ETH', 'EUR')).rate).toBe('3100');
  });
});
