import { describe, expect, it } from 'vitest';
import { convert } from './convert';
import { type RoundingMode } from './rounding';

describe('convert', () => {
  it.each<[bigint, string, string, string, RoundingMode, bigint]>([
    // $12.50 at 0.0000152 BTC/USD = 0.00019 BTC exactly.
    [1250n, 'USD', 'BTC', '0.0000152', 'up', 19000n],
    // $12.34 at 0.0000153 = 0.000188802 BTC = 18880.2 sats: owed rounds up, change down.
    [1234n, 'USD', 'BTC', '0.0000153', 'up', 18881n],
    [1234n, 'USD', 'BTC', '0.0000153', 'down', 18880n],
    [1234n, 'USD', 'BTC', '0.0000153', 'half_up', 18880n],
    // $123.45 at 0.000312 ETH/USD = 0.0385164 ETH in wei, exact.
    [12345n, 'USD', 'ETH', '0.000312', 'up', 38516400000000000n],
    // $10 at 1/3000 ETH written with 30 decimals: 0.00333…3 ETH, beyond 2^63 wei arithmetic.
    [1000n, 'USD', 'ETH', '0.000333333333333333333333333333', 'up', 3333333333333334n],
    [1000n, 'USD', 'ETH', '0.000333333333333333333333333333', 'down', 3333333333333333n],
    // 1 ETH at 3201.555 USD/ETH = 320155.5 cents, an exact half: half_even goes to the even 320156.
    [10n ** 18n, 'ETH', 'USD', '3201.555', 'half_even', 320156n],
    [10n ** 18n, 'ETH', 'USD', '3201.545', 'half_even', 320154n],
    [10n ** 18n, 'ETH', 'USD', '3201.545', 'half_up', 320155n],
    // 2^70 wei = 1180.591620717411303424 ETH × 2000 = $2,361,183.241434822606848.
    [2n ** 70n, 'ETH', 'USD', '2000', 'down', 236118324n],
    [2n ** 70n, 'ETH', 'USD', '2000', 'up', 236118325n],
    // The other way: $2,361,183.24 at 0.0005 ETH/USD = 1180.59162 ETH, exact in wei.
    [236118324n, 'USD', 'ETH', '0.0005', 'up', 1180591620000000000000n],
    // Stablecoin 1:1 from 6 to 2 decimals: 12.345678 USDC → $12.35 up, $12.34 down.
    [12345678n, 'USDC', 'USD', '1', 'up', 1235n],
    [12345678n, 'USDC', 'USD', '1', 'down', 1234n],
    // USD to DAI 1:1: 2 → 18 decimals, exact.
    [1250n, 'USD', 'DAI', '1', 'half_even', 12500000000000000000n],
    // JPY (0 decimals) to USD at 0.0067: ¥1,000 = $6.70.
    [1000n, 'JPY', 'USD', '0.0067', 'half_up', 670n],
    // USD to store coins, 10 coins per dollar: $1.25 = 12.5 coins.
    [125n, 'USD', 'COIN', '10', 'down', 12n],
    [125n, 'USD', 'COIN', '10', 'half_even', 12n],
    [135n, 'USD', 'COIN', '10', 'half_even', 14n],
    // Negative amounts (refunds) round by magnitude, mirroring positives.
    [-1234n, 'USD', 'BTC', '0.0000153', 'up', -18881n],
    [-1234n, 'USD', 'BTC', '0.0000153', 'down', -18880n],
    [0n, 'USD', 'BTC', '0.0000153', 'up', 0n],
    [500n, 'USD', 'USD', '1', 'up', 500n],
  ])('%s %s → %s at %s (%s) = %s', (amountMinor, from, to, rate, rounding, result) => {
    expect(convert(amountMinor, from, to, rate, rounding)).toBe(result);
  });

  it.each<[string, string, string, RoundingMode, string]>([
    ['USD', 'BTC', '0', 'up', 'zero_rate'],
    ['USD', 'BTC', '0.000', 'up', 'zero_rate'],
    ['USD', 'BTC', '-1', 'up', 'bad_rate'],
    ['USD', 'BTC', '1e-5', 'up', 'bad_rate'],
    ['USD', 'BTC', '.5', 'up', 'bad_rate'],
    ['USD', 'BTC', '', 'up', 'bad_rate'],
    ['USD', 'BTC', 'NaN', 'up', 'bad_rate'],
    ['USD', 'BTC', `0.${'1'.repeat(70)}`, 'up', 'too_many_digits'],
  ])('%s → %s at %j refuses (%s)', (from, to, rate, rounding, reason) => {
    expect(() => convert(100n, from, to, rate, rounding)).toThrowError(
      expect.objectContaining({ code: 'bad_input', details: expect.objectContaining({ reason }) }),
    );
  });

  it('refuses unknown assets and roundings', () => {
    expect(() => convert(100n, 'USD', 'XYZ', '1', 'up')).toThrowError(/Unknown asset "XYZ"/);
    expect(() => convert(100n, 'usd', 'BTC', '1', 'up')).toThrowError(/Unknown asset "usd"/);
    expect(() => convert(100n, 'USD', 'BTC', '1', 'nearest' as RoundingMode)).toThrowError(
      /Unknown rounding/,
    );
    expect(() => convert(10n ** 81n, 'USD', 'BTC', '1', 'up')).toThrowError(/at most 80 digits/);
  });
});
