import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cryptoAmountFor, fiatValueOf, normalizeRate } from './amounts';

describe('cryptoAmountFor (rounded UP to the asset unit)', () => {
  it.each([
    // fiatMinor, fiatScale, rate, spreadBps, assetScale, expected units
    ['USD 12.50 at 97,123.45 USD/BTC: 12,870.2… sats', 1250n, 2, '97123.45', 0, 8, 12871n],
    ['the same with a 1 % spread', 1250n, 2, '97123.45', 100, 8, 12999n],
    ['USD 12.50 in ETH (wei)', 1250n, 2, '3650.12', 0, 18, 3424544946467514n],
    ['USD 12.50 in DAI (18 decimals) at 0.9997', 1250n, 2, '0.9997', 0, 18, 12503751125337601281n],
    ['USD 12.50 in USDC at 0.9998: more than 12.50 USDC', 1250n, 2, '0.9998', 0, 6, 12502501n],
    ['USD 12.50 in USDT at 1.0002: less than 12.50 USDT', 1250n, 2, '1.0002', 0, 6, 12497501n],
    ['USD 12.50 in USDC at exactly 1: no rounding', 1250n, 2, '1', 0, 6, 12500000n],
    ['NGN 15,500.00 at 150,541,347.5 NGN/BTC', 1550000n, 2, '150541347.5', 0, 8, 10297n],
    ['NGN with a 1.5 % spread', 1550000n, 2, '150541347.5', 150, 8, 10451n],
    ['JPY 1,000 (scale 0) at 14,500,000', 1000n, 0, '14500000', 0, 8, 6897n],
    ['KWD 1.250 (scale 3) at 0.3', 1250n, 3, '0.3', 0, 8, 416666667n],
    ['an exact quotient stays itself', 100n, 2, '100', 0, 8, 1000000n],
    ['1 cent of bitcoin: 10.29… sats → 11', 1n, 2, '97123.45', 0, 8, 11n],
    ['nothing owed', 0n, 2, '97123.45', 0, 8, 0n],
  ])('%s', (_name, fiatMinor, fiatScale, rate, spreadBps, assetScale, expected) => {
    expect(cryptoAmountFor(fiatMinor, fiatScale, rate, spreadBps, assetScale)).toBe(expected);
  });

  it.each([
    [() => cryptoAmountFor(-1n, 2, '1', 0, 8), /non-negative/],
    [() => cryptoAmountFor(1n, 2, '0', 0, 8), /positive decimal/],
    [() => cryptoAmountFor(1n, 2, '0.000', 0, 8), /positive decimal/],
    [() => cryptoAmountFor(1n, 2, '-5', 0, 8), /positive decimal/],
    [() => cryptoAmountFor(1n, 2, '1e5', 0, 8), /positive decimal/],
    [() => cryptoAmountFor(1n, 2, '1', -1, 8), /spread/],
    [() => cryptoAmountFor(1n, 2, '1', 10_001, 8), /spread/],
    [() => cryptoAmountFor(1n, 2, '1', 1.5, 8), /spread/],
    [() => cryptoAmountFor(1n, 2.5, '1', 0, 8), /scale/],
    [() => cryptoAmountFor(1n, 2, '1', 0, 31), /scale/],
  ])('refuses bad input (%#)', (call, message) => {
    expect(call).toThrow(message);
  });

  it('is the exact ceiling (against integer arithmetic)', () => {
    const rateArb = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }))
      .map(([digits, decimals]) => ({ digits, decimals }));
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.integer({ min: 0, max: 3 }),
        rateArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(0, 6, 8, 18),
        (fiatMinor, fiatScale, { digits, decimals }, spreadBps, assetScale) => {
          const text = digits.toString().padStart(decimals + 1, '0');
          const rate = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
          // units = ceil(fiatMinor × (10^4 + bps) × 10^assetScale × 10^decimals / (10^fiatScale × 10^4 × digits))
          const numerator = fiatMinor * BigInt(10_000 + spreadBps) * 10n ** BigInt(assetScale + decimals);
          const denominator = 10n ** BigInt(fiatScale) * 10_000n * digits;
          const exact = (numerator + denominator - 1n) / denominator;
          expect(cryptoAmountFor(fiatMinor, fiatScale, rate, spreadBps, assetScale)).toBe(exact);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never charges less than the price: the amount is worth at least the fiat at the rate', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.constantFrom('97123.45', '0.9998', '3650.12'),
        (fiatMinor, rate) => {
          const sats = cryptoAmountFor(fiatMinor, 2, rate, 0, 8);
          // sats × rate ≥ fiatMinor × 10^6 (both sides in 10^-10 units of fiat), and one sat less is short
          const [whole = '', frac = ''] = rate.split('.');
          const rateUnits = BigInt(whole + frac);
          const scale = 10n ** BigInt(frac.length);
          expect(sats * rateUnits * 100n >= fiatMinor * 10n ** 8n * scale).toBe(true);
          expect((sats - 1n) * rateUnits * 100n < fiatMinor * 10n ** 8n * scale).toBe(true);
        },
      ),
    );
  });
});

describe('fiatValueOf (half-even, for reports)', () => {
  it.each([
    ['12,871 sats at 97,123.45 → USD 12.50', 12871n, 8, '97123.45', 2, 1250n],
    ['1 ETH at 3,650.12', 10n ** 18n, 18, '3650.12', 2, 365012n],
    ['12.502501 USDC at 0.9998', 12502501n, 6, '0.9998', 2, 1250n],
    ['half a cent rounds to even (down)', 1n, 0, '0.125', 2, 12n],
    ['half a cent rounds to even (up)', 1n, 0, '0.135', 2, 14n],
    ['10,297 sats in NGN', 10297n, 8, '150541347.5', 2, 1550124n],
    ['nothing', 0n, 8, '97123.45', 2, 0n],
  ])('%s', (_name, units, assetScale, rate, fiatScale, expected) => {
    expect(fiatValueOf(units, assetScale, rate, fiatScale)).toBe(expected);
  });
});

describe('normalizeRate', () => {
  it.each([
    ['97123.4500', '97123.45'],
    [97123.45, '97123.45'],
    [0.9998, '0.9998'],
    [1e-7, '0.0000001'],
    ['1.5e3', '1500'],
    [1, '1'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeRate(input)).toBe(expected);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '0', '-1', 'abc', '', null, undefined, {}, '1,000'])(
    'refuses %s',
    (input) => {
      expect(normalizeRate(input)).toBeUndefined();
    },
  );
});
