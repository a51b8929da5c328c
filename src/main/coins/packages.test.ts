import { describe, expect, it } from 'vitest';
import { bonusCoinsOf, defaultPackages, hundredthsOfPercent, totalCoinsOf } from './packages';

describe('coin packages', () => {
  it.each([
    ['Starter', 100n, 0n, 100n, 99n],
    ['Reader', 500n, 25n, 525n, 499n],
    ['Enthusiast', 1_200n, 120n, 1_320n, 999n],
    ['Premium', 2_500n, 375n, 2_875n, 1_999n],
    ['Ultimate', 5_500n, 1_100n, 6_600n, 3_999n],
  ])('the default %s gives %i + %i = %i coins for %i cents', (name, coins, bonus, total, price) => {
    const spec = defaultPackages.find((p) => p.name === name);
    expect(spec?.coins).toBe(coins);
    expect(spec?.prices.USD).toBe(price);
    expect(bonusCoinsOf(coins, spec?.bonusPercent ?? '')).toBe(bonus);
    expect(totalCoinsOf(coins, spec?.bonusPercent ?? '')).toBe(total);
  });

  it.each([
    ['0', 999n, 0n],
    ['12.5', 100n, 12n], // 12.5 rounds down
    ['33.33', 3n, 0n], // 0.9999 rounds down
    ['33.34', 3n, 1n],
    ['100', 7n, 7n],
    ['0.01', 10_000n, 1n],
    ['7.5', 1_000_000_000_000n, 75_000_000_000n],
  ])('bonus %s %% of %i coins is %i (rounded down)', (percent, coins, bonus) => {
    expect(bonusCoinsOf(coins, percent)).toBe(bonus);
  });

  it.each(['', '1.234', '101', '-1', 'ten', '1e2'])('refuses the bonus "%s"', (percent) => {
    expect(() => hundredthsOfPercent(percent)).toThrow();
  });
});
