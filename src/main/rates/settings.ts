/**
 * The rate settings the crypto domain stores (owner-set): which sources, the spread, the staleness
 * limit, manual rates set by a manager, and optional provider URLs (a proxy or a self-hosted mirror).
 * `rateServiceFromSettings` builds the rate service from them. No secret lives here (a CoinGecko key,
 * if ever needed, belongs with the main process's secrets, never in settings the renderer reads).
 */
import { z } from 'zod';
import { isoDateTimeText, text } from '../../shared/api/bounds';
import { isRateText } from './amounts';
import { coinbaseProvider } from './coinbase';
import { coingeckoProvider } from './coingecko';
import { fixedRateProvider } from './demo';
import { krakenProvider } from './kraken';
import { createRateService, type ManualRates, type RateService } from './service';
import { type RateProvider } from './types';

export const rateSources = ['kraken', 'coinbase', 'coingecko'] as const;
export type RateSource = (typeof rateSources)[number];

/** Most manual rates kept at once (one per asset). */
export const maxManualRates = 32;
/** The spread an owner may set: 0 to 20 % (the pure rules accept up to 100 %). */
export const maxSettingsSpreadBps = 2_000;

const assetCodeText = text({
  max: 12,
  trim: false,
  pattern: /^[A-Z0-9]{2,12}$/,
  patternMessage: 'must be an asset code in capitals, like BTC',
});

const manualRateSchema = z.object({
  rate: text({ max: 61, trim: false }).refine(isRateText, {
    message: 'must be a positive decimal number like "97000.50"',
    abort: true,
  }),
  fiat: text({
    max: 3,
    trim: false,
    pattern: /^[A-Z]{3}$/,
    patternMessage: 'must be a currency code like USD',
  }),
  setAt: isoDateTimeText().optional(),
  /** The manager who set it (a staff id). */
  setBy: text({ max: 40, trim: false }).optional(),
});

const providerUrl = z
  .string()
  .max(200, { message: 'must be at most 200 characters', abort: true })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'https:' || url.protocol === 'http:') &&
          url.username === '' &&
          url.password === ''
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http(s) URL with no user name or password', abort: true },
  );

export const rateSettingsSchema = z.object({
  /** `auto`: market sources, the manual rate only when all fail; `manual`: manual rates only. */
  mode: z.enum(['auto', 'manual']).default('auto'),
  primary: z.enum(rateSources).default('kraken'),
  /** A second source when the first fails; null for none. */
  fallback: z.enum(rateSources).nullable().default('coingecko'),
  spreadBps: z.number().int().min(0).max(maxSettingsSpreadBps).default(0),
  /** A market rate older than this is refused: 1 minute to 1 hour, default 10 minutes. */
  maxAgeMs: z.number().int().min(60_000).max(3_600_000).default(600_000),
  manualRates: z
    .record(assetCodeText, manualRateSchema)
    .refine((rates) => Object.keys(rates).length <= maxManualRates, {
      message: `at most ${maxManualRates} manual rates`,
    })
    .default({}),
  providerUrls: z
    .object({
      kraken: providerUrl.optional(),
      coinbase: providerUrl.optional(),
      coingecko: providerUrl.optional(),
    })
    .optional(),
});

export type RateSettings = z.infer<typeof rateSettingsSchema>;
export type RateSettingsInput = z.input<typeof rateSettingsSchema>;

/** The settings with every default filled in. */
export const defaultRateSettings: RateSettings = rateSettingsSchema.parse({});

export interface RateServiceEnvironment {
  /** Demo mode: the labelled demo rates take the place of every market source. */
  readonly demo?: boolean;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly cacheMs?: number;
  readonly now?: () => Date;
}

export function rateProviderFor(
  source: RateSource,
  settings: RateSettings,
  environment: RateServiceEnvironment = {},
): RateProvider {
  const baseUrl = settings.providerUrls?.[source];
  const options = {
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(environment.fetch ? { fetch: environment.fetch } : {}),
    ...(environment.timeoutMs !== undefined ? { timeoutMs: environment.timeoutMs } : {}),
    ...(environment.now ? { now: environment.now } : {}),
  };
  if (source === 'kraken') return krakenProvider(options);
  if (source === 'coinbase') return coinbaseProvider(options);
  return coingeckoProvider(options);
}

/**
 * The rate service for these settings. `manualRates` may be a function, so a manager's new manual rate
 * is used at once without building the service again.
 */
export function rateServiceFromSettings(
  settings: RateSettings,
  environment: RateServiceEnvironment = {},
  manualRates?: () => ManualRates,
): RateService {
  const now = environment.now;
  const demo = environment.demo === true;
  return createRateService({
    primary: demo
      ? fixedRateProvider(now ? { now } : {})
      : rateProviderFor(settings.primary, settings, environment),
    fallback:
      demo || settings.fallback === null || settings.fallback === settings.primary
        ? null
        : rateProviderFor(settings.fallback, settings, environment),
    spreadBps: settings.spreadBps,
    maxAgeMs: settings.maxAgeMs,
    mode: settings.mode,
    manualRates: manualRates ?? settings.manualRates,
    ...(environment.cacheMs !== undefined ? { cacheMs: environment.cacheMs } : {}),
    ...(now ? { now } : {}),
  });
}
