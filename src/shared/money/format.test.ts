import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';
import { parseMoney } from './parse';

// Intl prints a no-break space (U+00A0) or a narrow one (U+202F) in some patterns; spell them out.
const nbsp = '\u00A0';
const nnbsp = '\u202F';

describe('formatMoney', () => {
  it.each<[bigint, string, string | undefined, string]>([
    [1250n, 'USD', undefined, '$12.50'],
    [0n, 'USD', undefined, '$0.00'],
    [5n, 'USD', undefined, '$0.05'],
    [-5n, 'USD', undefined, '-$0.05'],
    [123456789n, 'USD', 'en-US', '$1,234,567.89'],
    [123456n, 'EUR', 'de-DE', `1.234,56${nbsp}€`],
    [-123456n, 'EUR', 'de-DE', `-1.234,56${nbsp}€`],
    [123450n, 'EUR', 'fr-FR', `1${nnbsp}234,50${nbsp}€`],
    [123456750n, 'INR', 'en-IN', '₹12,34,567.50'],
    [1234n, 'JPY', 'en-US', '¥1,234'],
    [1234n, 'JPY', 'ja-JP', '￥1,234'],
    [1234n, 'KRW', 'ko-KR', '₩1,234'],
    [1234n, 'BHD', 'en-US', `BHD${nbsp}1.234`],
    [1234n, 'KWD', 'en-US', `KWD${nbsp}1.234`],
    [1999n, 'CAD', 'en-CA', '$19.99'],
    [1999n, 'CAD', 'en-US', 'CA$19.99'],
    [150000n, 'NGN', 'en-NG', '₦1,500.00'],
    [1000000n, 'IDR', 'en-US', `IDR${nbsp}10,000`],
    [1000050n, 'IDR', 'en-US', `IDR${nbsp}10,000.50`],
    [1000n, 'IQD', 'en-US', `IQD${nbsp}1`],
    [1001n, 'IQD', 'en-US', `IQD${nbsp}1.001`],
    // Beyond 2^63 and beyond a double's 15-17 significant digits: still exact.
    [12345678901234567890123n, 'USD', 'en-US', '$123,456,789,012,345,678,901.23'],
    [123456n, 'BTC', undefined, '0.00123456 BTC'],
    [100000000n, 'BTC', undefined, '1.00 BTC'],
    [150000000n, 'BTC', undefined, '1.50 BTC'],
    [-1n, 'BTC', undefined, '-0.00000001 BTC'],
    [10n ** 18n / 2n, 'ETH', undefined, '0.50 ETH'],
    [1n, 'ETH', undefined, '0.000000000000000001 ETH'],
    [2n ** 70n, 'ETH', undefined, '1,180.591620717411303424 ETH'],
    [-(2n ** 70n), 'DAI', 'de-DE', '-1.180,591620717411303424 DAI'],
    [12345000n, 'USDC', undefined, '12.345 USDC'],
    [12000000n, 'USDT', undefined, '12.00 USDT'],
    [150n, 'COIN', undefined, '150 COIN'],
    [1500n, 'COIN', undefined, '1,500 COIN'],
  ])('%s %s %s → %j', (amountMinor, asset, locale, text) => {
    expect(formatMoney(amountMinor, asset, locale)).toBe(text);
  });

  it('refuses an unknown asset or locale', () => {
    expect(() => formatMoney(1n, 'XYZ')).toThrowError(expect.objectContaining({ code: 'bad_input' }));
    expect(() => formatMoney(1n, 'USD', 'not a locale!')).toThrowError(
      expect.objectContaining({
        code: 'bad_input',
        details: expect.objectContaining({ reason: 'unknown_locale' }),
      }),
    );
  });
});

describe('parseMoney(formatMoney(x)) is x', () => {
  const assets = [
    'USD',
    'EUR',
    'JPY',
    'KRW',
    'BHD',
    'CAD',
    'GBP',
    'NGN',
    'CHF',
    'IDR',
    'IQD',
    'BTC',
    'ETH',
    'USDC',
    'DAI',
    'COIN',
  ];
  const amounts = fc.oneof(
    fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
    fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }),
  );

  it('in en-US, for every asset and amount', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(...assets), (amountMinor, asset) => {
        const text = formatMoney(amountMinor, asset, 'en-US');
        expect(parseMoney(text, asset, { locale: 'en-US', allowNegative: true })).toBe(amountMinor);
      }),
      { numRuns: 500 },
    );
  });

  it.each(['de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP', 'ar-EG', 'sv-SE'])('in %s too', (locale) => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(...assets), (amountMinor, asset) => {
        const text = formatMoney(amountMinor, asset, locale);
        expect(parseMoney(text, asset, { locale, allowNegative: true })).toBe(amountMinor);
      }),
      { numRuns: 100 },
    );
  });
});
