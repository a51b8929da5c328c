import { describe, expect, it } from 'vitest';
import { decimalStringToMinor, minorToDecimalString } from './decimalString';

const beyond2pow63 = 2n ** 64n + 12345n; // 18446744073709563961

describe('minorToDecimalString', () => {
  it.each([
    [1250n, 'USD', '12.50'],
    [5n, 'USD', '0.05'],
    [0n, 'USD', '0.00'],
    [-5n, 'USD', '-0.05'],
    [-123456n, 'USD', '-1234.56'],
    [7n, 'JPY', '7'],
    [-7n, 'JPY', '-7'],
    [1234n, 'BHD', '1.234'],
    [123456n, 'BTC', '0.00123456'],
    [1n, 'ETH', '0.000000000000000001'],
    [beyond2pow63, 'ETH', '18.446744073709563961'],
    [-beyond2pow63 * 10n ** 6n, 'DAI', '-18446744.073709563961000000'],
    [150n, 'COIN', '150'],
  ])('%s %s → %s', (amountMinor, asset, text) => {
    expect(minorToDecimalString(amountMinor, asset)).toBe(text);
  });

  it('refuses an unknown asset', () => {
    expect(() => minorToDecimalString(1n, 'XYZ')).toThrow(/Unknown asset "XYZ"/);
  });
});

describe('decimalStringToMinor', () => {
  it.each([
    ['12.50', 'USD', 1250n],
    ['12.5', 'USD', 1250n],
    ['12', 'USD', 1200n],
    ['0', 'USD', 0n],
    ['-0', 'USD', 0n],
    ['-0.05', 'USD', -5n],
    ['007.10', 'USD', 710n],
    ['1234', 'JPY', 1234n],
    ['1.234', 'KWD', 1234n],
    ['0.00123456', 'BTC', 123456n],
    ['18.446744073709563961', 'ETH', beyond2pow63],
    ['-18446744.073709563961', 'DAI', -beyond2pow63 * 10n ** 6n],
    ['150', 'COIN', 150n],
  ])('%j %s → %s', (text, asset, amountMinor) => {
    expect(decimalStringToMinor(text, asset)).toBe(amountMinor);
  });

  it.each([
    ['12.345', 'USD', 'too_many_decimals'],
    ['1.5', 'JPY', 'too_many_decimals'],
    ['0.000000001', 'BTC', 'too_many_decimals'],
    ['', 'USD', 'not_a_decimal'],
    ['.5', 'USD', 'not_a_decimal'],
    ['5.', 'USD', 'not_a_decimal'],
    ['1,234.00', 'USD', 'not_a_decimal'],
    ['+5', 'USD', 'not_a_decimal'],
    ['--5', 'USD', 'not_a_decimal'],
    ['1e3', 'USD', 'not_a_decimal'],
    [' 12', 'USD', 'not_a_decimal'],
    ['$12', 'USD', 'not_a_decimal'],
    ['NaN', 'USD', 'not_a_decimal'],
    ['12,50', 'EUR', 'not_a_decimal'],
  ])('refuses %j for %s (%s)', (text, asset, reason) => {
    expect(() => decimalStringToMinor(text, asset)).toThrowError(
      expect.objectContaining({ code: 'bad_input', details: { text, asset, reason } }),
    );
  });

  it('says how many decimals the asset has', () => {
    expect(() => decimalStringToMinor('12.345', 'USD')).toThrow(
      '"12.345" has 3 decimals but USD has at most 2.',
    );
    expect(() => decimalStringToMinor('1.5', 'JPY')).toThrow('"1.5" has 1 decimal but JPY has none.');
  });

  it.each([
    [0n, 'USD'],
    [-1n, 'USD'],
    [999999999999n, 'JPY'],
    [beyond2pow63, 'ETH'],
    [-beyond2pow63, 'BTC'],
  ])('round-trips %s %s', (amountMinor, asset) => {
    expect(decimalStringToMinor(minorToDecimalString(amountMinor, asset), asset)).toBe(amountMinor);
  });
});
