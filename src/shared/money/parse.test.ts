import { describe, expect, it } from 'vitest';
import { isValidMoneyText, parseMoney, type ParseMoneyOptions, type ParseMoneyRejection } from './parse';

const negative: ParseMoneyOptions = { allowNegative: true };

describe('parseMoney accepts', () => {
  it.each<[string, string, ParseMoneyOptions, bigint]>([
    ['12.5', 'USD', {}, 1250n],
    ['12.50', 'USD', {}, 1250n],
    ['12', 'USD', {}, 1200n],
    ['0', 'USD', {}, 0n],
    ['.5', 'USD', {}, 50n],
    ['0.05', 'USD', {}, 5n],
    ['007.10', 'USD', {}, 710n],
    ['1,234.56', 'USD', {}, 123456n],
    ['1234.56', 'USD', {}, 123456n],
    ['1,234,567.89', 'USD', {}, 123456789n],
    ['$12.50', 'USD', {}, 1250n],
    ['$ 12.50', 'USD', {}, 1250n],
    ['12.50 USD', 'USD', {}, 1250n],
    ['usd 12.50', 'USD', {}, 1250n],
    ['  12.50  ', 'USD', {}, 1250n],
    ['\u00A012.50\t', 'USD', {}, 1250n],
    ['-12.50', 'USD', negative, -1250n],
    ['-$12.50', 'USD', negative, -1250n],
    ['$-12.50', 'USD', negative, -1250n],
    ['- 12.50', 'USD', negative, -1250n],
    ['\u221212.50', 'USD', negative, -1250n],
    ['-0', 'USD', negative, 0n],
    ['CA$5', 'CAD', {}, 500n],
    ['$5', 'CAD', {}, 500n],
    ['€12.50', 'EUR', {}, 1250n],
    ['£0.99', 'GBP', {}, 99n],
    ['1.234,56', 'EUR', { locale: 'de-DE' }, 123456n],
    ['1.234,56 €', 'EUR', { locale: 'de-DE' }, 123456n],
    ['12,5', 'EUR', { locale: 'de-DE' }, 1250n],
    ['1.234', 'EUR', { locale: 'de-DE' }, 123400n],
    ['-1.234,56 €', 'EUR', { locale: 'de-DE', allowNegative: true }, -123456n],
    ['1 234,50 €', 'EUR', { locale: 'fr-FR' }, 123450n],
    ['1\u202F234,50\u00A0€', 'EUR', { locale: 'fr-FR' }, 123450n],
    ["CHF 1'234.50", 'CHF', { locale: 'de-CH' }, 123450n],
    ['CHF 1’234.50', 'CHF', { locale: 'de-CH' }, 123450n],
    ['12,34,567.50', 'INR', { locale: 'en-IN' }, 123456750n],
    ['₹1,234', 'INR', { locale: 'en-IN' }, 123400n],
    ['¥1,234', 'JPY', {}, 1234n],
    ['￥1,234', 'JPY', { locale: 'ja-JP' }, 1234n],
    ['1.234', 'BHD', {}, 1234n],
    ['1,234', 'BHD', {}, 1234000n],
    ['₦1,500', 'NGN', {}, 150000n],
    ['\u061C-\u200F١٬٢٣٤٫٥٠ ج.م.\u200F', 'EGP', { locale: 'ar-EG', allowNegative: true }, -123450n],
    ['\u22121 234,50 kr', 'SEK', { locale: 'sv-SE', allowNegative: true }, -123450n],
    ['0.00123456 BTC', 'BTC', {}, 123456n],
    ['0.00123456', 'BTC', {}, 123456n],
    ['1,000.123456789012345678 ETH', 'ETH', {}, 1000123456789012345678n],
    ['18446744073.709551616', 'DAI', {}, 18446744073709551616000000000n],
    ['12.345678 USDC', 'USDC', {}, 12345678n],
    ['150 COIN', 'COIN', {}, 150n],
    ['1,500', 'COIN', {}, 1500n],
  ])('%j %s %j → %s', (text, asset, options, amountMinor) => {
    expect(parseMoney(text, asset, options)).toBe(amountMinor);
    expect(isValidMoneyText(text, asset, options)).toBe(true);
  });
});

describe('parseMoney refuses', () => {
  it.each<[string, string, ParseMoneyOptions, ParseMoneyRejection]>([
    ['1,2.3', 'USD', {}, 'bad_grouping'],
    ['1,23,4', 'USD', {}, 'bad_grouping'],
    ['12,50', 'USD', {}, 'bad_grouping'],
    ['1234,567', 'USD', {}, 'bad_grouping'],
    ['1,234.5,6', 'USD', {}, 'bad_grouping'],
    ['123,456', 'INR', { locale: 'en-IN' }, 'bad_grouping'],
    ['12.50', 'EUR', { locale: 'de-DE' }, 'bad_grouping'],
    ['1,234.56', 'EUR', { locale: 'de-DE' }, 'bad_grouping'],
    ['12,', 'USD', {}, 'bad_grouping'],
    ['--5', 'USD', negative, 'multiple_minus_signs'],
    ['-$-5', 'USD', negative, 'multiple_minus_signs'],
    ['12-', 'USD', negative, 'misplaced_minus_sign'],
    ['1-2', 'USD', negative, 'misplaced_minus_sign'],
    ['-5', 'USD', {}, 'negative_not_allowed'],
    ['-0', 'USD', {}, 'negative_not_allowed'],
    ['1e3', 'USD', {}, 'exponent_not_allowed'],
    ['1E-2', 'USD', negative, 'misplaced_minus_sign'],
    ['12.345', 'USD', {}, 'too_many_decimals'],
    ['12.340', 'USD', {}, 'too_many_decimals'],
    ['12.5', 'JPY', {}, 'too_many_decimals'],
    ['0.000000001', 'BTC', {}, 'too_many_decimals'],
    ['1.5', 'COIN', {}, 'too_many_decimals'],
    ['', 'USD', {}, 'empty'],
    ['   ', 'USD', {}, 'empty'],
    ['.', 'USD', {}, 'no_digits'],
    ['$', 'USD', {}, 'no_digits'],
    ['abc', 'USD', {}, 'no_digits'],
    ['NaN', 'USD', {}, 'not_a_number'],
    ['Infinity', 'USD', {}, 'not_a_number'],
    ['-Infinity', 'USD', negative, 'not_a_number'],
    ['1.2.3', 'USD', {}, 'multiple_decimal_separators'],
    ['12.', 'USD', {}, 'trailing_decimal_separator'],
    ['€12', 'USD', {}, 'foreign_currency_symbol'],
    ['12 EUR', 'USD', {}, 'foreign_currency_symbol'],
    ['CA$12', 'USD', {}, 'foreign_currency_symbol'],
    ['$12', 'EUR', {}, 'foreign_currency_symbol'],
    ['12 BTC', 'ETH', {}, 'foreign_currency_symbol'],
    ['$1', 'BTC', {}, 'foreign_currency_symbol'],
    ['12 apples', 'USD', {}, 'unexpected_characters'],
    ['$12 USD', 'USD', {}, 'unexpected_characters'],
    ['12 34', 'USD', {}, 'unexpected_characters'],
    ['12_34', 'USD', {}, 'unexpected_characters'],
    ['+5', 'USD', {}, 'unexpected_characters'],
    ['0x10', 'USD', {}, 'unexpected_characters'],
  ])('%j %s %j (%s)', (text, asset, options, reason) => {
    expect(() => parseMoney(text, asset, options)).toThrowError(
      expect.objectContaining({ code: 'bad_input', details: { text, asset, reason } }),
    );
    expect(isValidMoneyText(text, asset, options)).toBe(false);
  });

  it('says what was wrong', () => {
    expect(() => parseMoney('12.345', 'USD')).toThrow(
      '"12.345" is not a valid USD amount: USD has at most 2 decimals.',
    );
    expect(() => parseMoney('1,23,4', 'USD')).toThrow(
      /grouping separators are not in en-US's places \(like 1,234,567\)/,
    );
    expect(() => parseMoney('€12', 'USD')).toThrow(/"€" is not a symbol of USD/);
    expect(() => parseMoney('-5', 'USD')).toThrow(/negative amounts are not allowed here/);
  });

  it('refuses an unknown asset and an unknown locale', () => {
    expect(() => parseMoney('5', 'XYZ')).toThrowError(expect.objectContaining({ code: 'bad_input' }));
    expect(() => parseMoney('5', 'USD', { locale: 'not a locale!' })).toThrowError(
      expect.objectContaining({
        code: 'bad_input',
        details: expect.objectContaining({ reason: 'unknown_locale' }),
      }),
    );
  });
});
