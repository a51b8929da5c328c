import { describe, expect, it } from 'vitest';
import { minorToInputText, parseMoneyInput } from './moneyInput';

describe('parseMoneyInput', () => {
  it.each([
    ['12.50', 'USD', 'en-US', '1250'],
    ['12.5', 'USD', 'en-US', '1250'],
    ['$1,234.56', 'USD', 'en-US', '123456'],
    ['0', 'USD', 'en-US', '0'],
    [' 7 ', 'USD', 'en-US', '700'],
    ['12,50', 'EUR', 'de-DE', '1250'],
    ['1.234,56', 'EUR', 'de-DE', '123456'],
    ['1250', 'JPY', 'ja-JP', '1250'],
  ])('%j %s in %s → %s minor units', (text, currency, locale, expected) => {
    expect(parseMoneyInput(text, currency, locale)).toEqual({ ok: true, amountMinor: expected });
  });

  it.each([
    ['', 'USD', 'en-US', /Enter an amount/],
    ['   ', 'USD', 'en-US', /Enter an amount/],
    ['12.345', 'USD', 'en-US', /at most 2 decimals/],
    ['abc', 'USD', 'en-US', /no digits/],
    ['-5', 'USD', 'en-US', /negative amounts are not allowed/],
    ['12.50', 'EUR', 'de-DE', /grouping/],
    ['1.5', 'JPY', 'ja-JP', /no decimals/],
    ['1e3', 'USD', 'en-US', /exponent/],
  ])('%j %s in %s is refused', (text, currency, locale, message) => {
    const result = parseMoneyInput(text, currency, locale);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    ['0', { requirePositive: true }, false],
    ['0.01', { requirePositive: true }, true],
    ['-2', { allowNegative: true }, true],
  ])('%j with %o accepted: %s', (text, options, accepted) => {
    expect(parseMoneyInput(text, 'USD', 'en-US', options).ok).toBe(accepted);
  });
});

describe('minorToInputText', () => {
  it.each([
    ['350', 'USD', 'en-US', '3.50'],
    ['5', 'USD', 'en-US', '0.05'],
    ['123456', 'USD', 'en-US', '1234.56'],
    ['1250', 'EUR', 'de-DE', '12,50'],
    ['350', 'JPY', 'ja-JP', '350'],
    ['1234', 'BHD', 'en-US', '1.234'],
  ])('%s %s in %s → %j', (minor, currency, locale, expected) => {
    expect(minorToInputText(minor, currency, locale)).toBe(expected);
  });

  it.each([
    ['350', 'USD', 'en-US'],
    ['1250', 'EUR', 'de-DE'],
    ['987654321', 'USD', 'en-IN'],
  ])('reads back %s %s in %s unchanged', (minor, currency, locale) => {
    expect(parseMoneyInput(minorToInputText(minor, currency, locale), currency, locale)).toEqual({
      ok: true,
      amountMinor: minor,
    });
  });
});
