import { describe, expect, it } from 'vitest';
import { TillpointError } from '../api/errors';
import { assetScale, isFiatAsset, isKnownAsset, minorPerUnit } from './assets';

describe('assetScale', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['CAD', 2],
    ['GBP', 2],
    ['NGN', 2],
    ['CHF', 2],
    ['CLF', 4],
    ['IQD', 3], // ISO 4217 says 3 even though ICU shows 0
    ['IDR', 2], // ISO 4217 says 2 even though ICU shows 0
    ['XOF', 0],
    ['HRK', 2], // not in the table: read from Intl
    ['BTC', 8],
    ['ETH', 18],
    ['USDC', 6],
    ['USDT', 6],
    ['DAI', 18],
    ['COIN', 0],
  ])('%s has %i decimals', (asset, scale) => {
    expect(assetScale(asset)).toBe(scale);
    expect(isKnownAsset(asset)).toBe(true);
  });

  it.each([['XYZ'], ['usd'], ['XTS'], ['XXX'], ['XAU'], [''], ['DOGE'], ['US']])('refuses %j', (asset) => {
    expect(isKnownAsset(asset)).toBe(false);
    expect(() => assetScale(asset)).toThrowError(TillpointError);
    try {
      assetScale(asset);
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad_input', details: { asset, reason: 'unknown_asset' } });
    }
  });

  it('hints at upper case for a lower-case code', () => {
    expect(() => assetScale('usd')).toThrow(/upper case: USD/);
  });

  it.each([
    ['USD', true],
    ['JPY', true],
    ['BTC', false],
    ['USDC', false],
    ['COIN', false],
    ['XYZ', false],
  ])('isFiatAsset(%s) is %s', (asset, fiat) => {
    expect(isFiatAsset(asset)).toBe(fiat);
  });

  it.each([
    ['USD', 100n],
    ['JPY', 1n],
    ['ETH', 10n ** 18n],
  ])('minorPerUnit(%s) is %s', (asset, perUnit) => {
    expect(minorPerUnit(asset)).toBe(perUnit);
  });
});
