import { describe, expect, it } from 'vitest';
import { btcTextToSats, eip681NumberToUnits, satsToBtcText } from './amounts';

describe('satsToBtcText', () => {
  it.each([
    [1n, '0.00000001'],
    [123456n, '0.00123456'],
    [12870n, '0.0001287'],
    [2_030_000_000n, '20.3'],
    [100_000_000n, '1'],
    [5_000_000_000n, '50'],
    [2_100_000_000_000_000n, '21000000'],
    [0n, '0'],
  ])('%s sats → %s', (sats, text) => {
    expect(satsToBtcText(sats)).toBe(text);
  });

  it('refuses a negative amount', () => {
    expect(() => satsToBtcText(-1n)).toThrow(/non-negative/);
  });
});

describe('btcTextToSats', () => {
  it.each([
    ['0.00123456', 123456n],
    ['20.3', 2_030_000_000n],
    ['50', 5_000_000_000n],
    ['50.00', 5_000_000_000n],
    ['.5', 50_000_000n],
    ['1.', 100_000_000n],
    ['0.00000001', 1n],
    ['21000000', 2_100_000_000_000_000n],
  ])('%s BTC → %s sats', (text, sats) => {
    expect(btcTextToSats(text)).toBe(sats);
  });

  it.each([
    ['', 'bad_amount'],
    ['.', 'bad_amount'],
    ['50,000.00', 'bad_amount'],
    ['-1', 'bad_amount'],
    ['1e-3', 'bad_amount'],
    ['0.000000001', 'too_many_decimals'],
    ['21000000.00000001', 'amount_too_large'],
    ['9'.repeat(41), 'bad_amount'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(() => btcTextToSats(text)).toThrow(
      expect.objectContaining({ code: 'bad_input', details: { reason } }),
    );
  });
});

describe('eip681NumberToUnits', () => {
  it.each([
    ['1000', 1000n],
    ['2.014e18', 2_014_000_000_000_000_000n],
    ['2.014E18', 2_014_000_000_000_000_000n],
    ['1e6', 1_000_000n],
    ['1.5e1', 15n],
    ['12.50e6', 12_500_000n],
    ['0', 0n],
    ['007', 7n],
    ['1e', 1n],
    ['1.0', 1n],
    ['115792089237316195423570985008687907853269984665640564039457584007913129639935', 2n ** 256n - 1n],
  ])('%s → %s', (text, units) => {
    expect(eip681NumberToUnits(text)).toBe(units);
  });

  it.each([
    ['', 'bad_amount'],
    ['-1', 'bad_amount'],
    ['+1', 'bad_amount'],
    ['1.5', 'fractional_units'],
    ['1.2345e3', 'fractional_units'],
    ['1e91', 'amount_too_large'],
    ['1e78', 'amount_too_large'],
    ['0x10', 'bad_amount'],
    ['1 000', 'bad_amount'],
    ['1e-3', 'bad_amount'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(() => eip681NumberToUnits(text)).toThrow(expect.objectContaining({ details: { reason } }));
  });
});
