/**
 * Demo rates: plausible prices that drift a little (at most ±`driftBps`, on a slow wave), so the demo
 * shows a living rate with nothing configured. Always labelled: source `demo`, and the label says these
 * are not market prices. Never used outside demo mode.
 */
import Decimal from 'decimal.js';
import { type RateProvider, RateProviderError, type RateQuote } from './types';

/** USD per unit, as a demo would show them (not market data). */
const demoUsdRates: Readonly<Record<string, string>> = {
  BTC: '97123.45',
  ETH: '3650.12',
  POL: '0.5214',
  BNB: '690.40',
  USDC: '0.9998',
  USDT: '1.0002',
  DAI: '0.9997',
};

/** Units of each fiat per USD, for the demo only. */
const demoFiatPerUsd: Readonly<Record<string, string>> = {
  USD: '1',
  EUR: '0.95',
  GBP: '0.79',
  CAD: '1.40',
  AUD: '1.55',
  CHF: '0.89',
  JPY: '150',
  NGN: '1550',
  INR: '84.5',
  KES: '129',
  ZAR: '18.2',
  MXN: '20.1',
  BRL: '5.9',
};

export const demoRateLabel = 'Demo rates (not market prices)';

export interface FixedRateProviderOptions {
  /** Rates by asset then fiat (`{ BTC: { USD: '97000' } }`); defaults to the demo table above. */
  readonly rates?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The largest drift either way, in basis points (default 30 = 0.3 %); 0 for fixed rates. */
  readonly driftBps?: number;
  /** One full wave of the drift (default 10 minutes). */
  readonly periodMs?: number;
  readonly now?: () => Date;
}

export interface FixedRateProvider extends RateProvider {
  readonly label: string;
}

function demoRate(asset: string, fiat: string, table: FixedRateProviderOptions['rates']): string | undefined {
  if (table) return table[asset]?.[fiat];
  const usd = demoUsdRates[asset];
  const perUsd = demoFiatPerUsd[fiat];
  return usd === undefined || perUsd === undefined ? undefined : new Decimal(usd).times(perUsd).toFixed();
}

export function fixedRateProvider(options: FixedRateProviderOptions = {}): FixedRateProvider {
  const driftBps = options.driftBps ?? 30;
  const periodMs = options.periodMs ?? 10 * 60_000;
  const now = options.now ?? (() => new Date());
  return {
    name: 'demo',
    label: demoRateLabel,
    quote(base: string, fiat: string): Promise<RateQuote> {
      const rate = demoRate(base, fiat, options.rates);
      if (rate === undefined) {
        return Promise.reject(
          new RateProviderError('demo', 'unknown_pair', `The demo rates have no ${base} price in ${fiat}.`),
        );
      }
      const at = now();
      // The drift is a whole number of basis points (the wave is only used to pick it), applied exactly.
      const wave = Math.sin((2 * Math.PI * (at.getTime() % periodMs)) / periodMs);
      const drift = Math.round(driftBps * wave);
      const drifted = new Decimal(rate).times(10_000 + drift).dividedBy(10_000);
      // Shown like a market price: 2 decimals above 100, else 6 significant digits (half-even; a demo only).
      const shown = drifted.gte(100)
        ? drifted.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)
        : drifted.toSignificantDigits(6, Decimal.ROUND_HALF_EVEN);
      return Promise.resolve({ rate: shown.toFixed(), at, source: 'demo' });
    },
  };
}
