import { describe, expect, it } from 'vitest';
import {
  amountText,
  assetCodeSchema,
  maxAnyMinorUnits,
  maxFiatMinorUnits,
  maxMinorUnits,
  minorAmountSchema,
  moneySchema,
  nonNegativeMinorAmountSchema,
} from './schemas';

describe('minorAmountSchema', () => {
  it.each([['0'], ['1250'], ['-300'], ['18446744073709551617000000000']])('accepts %j', (text) => {
    expect(minorAmountSchema.parse(text)).toBe(text);
  });

  it.each([['12.50'], [''], ['1e3'], [' 1'], ['+1'], ['--1'], ['1,000']])('refuses %j', (text) => {
    const result = minorAmountSchema.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/whole number of minor units/);
  });

  it('refuses a JSON number', () => {
    expect(minorAmountSchema.safeParse(1250).success).toBe(false);
  });
});

describe('nonNegativeMinorAmountSchema', () => {
  it.each([
    ['0', true],
    ['1250', true],
    ['-1', false],
    ['-0', false],
    ['1.5', false],
  ])('%j → %s', (text, ok) => {
    expect(nonNegativeMinorAmountSchema.safeParse(text).success).toBe(ok);
  });
});

describe('moneySchema', () => {
  it.each([
    [{ amount: '1250', asset: 'USD' }, true],
    [{ amount: '-1', asset: 'BTC' }, true],
    [{ amount: '1000000000000000000', asset: 'ETH' }, true],
    [{ amount: '5', asset: 'COIN' }, true],
    [{ amount: '12.50', asset: 'USD' }, false],
    [{ amount: 1250, asset: 'USD' }, false],
    [{ amount: '1250', asset: 'usd' }, false],
    [{ amount: '1250', asset: 'XYZ' }, false],
    [{ amount: '1250' }, false],
  ])('%j → %s', (value, ok) => {
    expect(moneySchema.safeParse(value).success).toBe(ok);
  });

  it('says which asset is unknown', () => {
    expect(assetCodeSchema.safeParse('XYZ').error?.issues[0]?.message).toMatch(/known asset code/);
  });
});

describe('amountText', () => {
  it('checks the length, then the digits, then the size, then the sign, stopping at the first failure', () => {
    const positive = amountText({ sign: 'positive', max: 1000n });
    const messages = (text: unknown) => positive.safeParse(text).error?.issues.map((issue) => issue.message);
    expect(messages('9'.repeat(1_000_000))).toEqual([expect.stringMatching(/too long/)]);
    expect(messages('12a')).toEqual([expect.stringMatching(/whole number of minor units above 0/)]);
    expect(messages('1001')).toEqual([expect.stringMatching(/too large: at most 1000/)]);
    expect(messages('0000')).toEqual([expect.stringMatching(/more than 0/)]);
    expect(positive.parse('0100')).toBe('0100');
    expect(positive.parse('1000')).toBe('1000');
  });

  it('bounds both signs', () => {
    const any = amountText({ sign: 'any', max: 50n });
    expect(any.safeParse('-50').success).toBe(true);
    expect(any.safeParse('-51').success).toBe(false);
  });

  it('takes one trillion whole units of each asset', () => {
    expect(maxMinorUnits('USD')).toBe(10n ** 14n);
    expect(maxMinorUnits('JPY')).toBe(10n ** 12n);
    expect(maxMinorUnits('ETH')).toBe(maxAnyMinorUnits);
    expect(maxFiatMinorUnits).toBe(10n ** 16n);
  });
});
