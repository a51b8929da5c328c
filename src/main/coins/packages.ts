/**
 * Coin packages as pure rules: the default set, and the bonus of a package.
 *
 * Rounding of the bonus: coins × bonus % rounded DOWN to a whole coin (COIN has scale 0; the store
 * never promises a fraction of a coin). The bonus percent is text with at most 2 decimals, worked in
 * integers (hundredths of a percent), never through a float.
 */
import { TillpointError } from '../../shared/api/errors';

export interface PackageSpec {
  readonly name: string;
  readonly coins: bigint;
  readonly bonusPercent: string;
  /** Minor units per currency. */
  readonly prices: Readonly<Record<string, bigint>>;
}

/** The default set a new store starts with (the owner edits it). */
export const defaultPackages: readonly PackageSpec[] = [
  { name: 'Starter', coins: 100n, bonusPercent: '0', prices: { USD: 99n } },
  { name: 'Reader', coins: 500n, bonusPercent: '5', prices: { USD: 499n } },
  { name: 'Enthusiast', coins: 1_200n, bonusPercent: '10', prices: { USD: 999n } },
  { name: 'Premium', coins: 2_500n, bonusPercent: '15', prices: { USD: 1_999n } },
  { name: 'Ultimate', coins: 5_500n, bonusPercent: '20', prices: { USD: 3_999n } },
];

/** A percent with at most 2 decimals ("12.5") as hundredths of a percent (1250n). */
export function hundredthsOfPercent(percent: string): bigint {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!match) {
    throw new TillpointError(
      'bad_input',
      `A bonus must be a percent with at most 2 decimals, not "${percent}".`,
    );
  }
  const whole = BigInt(match[1] ?? '0');
  const fraction = BigInt((match[2] ?? '').padEnd(2, '0'));
  const value = whole * 100n + fraction;
  if (value > 10_000n) throw new TillpointError('bad_input', 'A bonus is at most 100 %.');
  return value;
}

/** The bonus coins of a package: coins × percent / 100, rounded down to a whole coin. */
export function bonusCoinsOf(coins: bigint, bonusPercent: string): bigint {
  return (coins * hundredthsOfPercent(bonusPercent)) / 10_000n;
}

/** Coins bought plus bonus. */
export function totalCoinsOf(coins: bigint, bonusPercent: string): bigint {
  return coins + bonusCoinsOf(coins, bonusPercent);
}
