/**
 * Where this till's Stripe set-up lives, in the main process only: the secret key and the chosen
 * Terminal location and reader, in DIR/stripe.json written 0600 (the key sealed by the shell's
 * `secretBox`, Electron's safeStorage, when it gives one), or the key from the environment
 * (TILLPOINT_STRIPE_SECRET_KEY) in headless mode, which then wins over the file. The key is never
 * returned to a caller or written to a log: callers see `keyHint` (its mode and last four).
 */
import fs from 'node:fs';
import path from 'node:path';
import { TillpointError } from '../../shared/api/errors';

export const stripeKeyEnv = 'TILLPOINT_STRIPE_SECRET_KEY';
export const stripeReaderEnv = 'TILLPOINT_STRIPE_READER';
const keyPattern = /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,247}$/;

/** Seals the key at rest (Electron's safeStorage in the desktop app). */
export interface SecretBox {
  seal(text: string): string;
  open(sealed: string): string;
}

export interface StripeSetup {
  readonly secretKey: string;
  /** demo: the in-process simulator of demo mode. */
  readonly keySource: 'file' | 'env' | 'demo';
  readonly mode: 'test' | 'live';
  readonly locationId: string | null;
  readonly readerId: string | null;
  /** The reader asks the customer for a tip (its tip screen) before the card. */
  readonly tipOnReader: boolean;
}

interface StoredSetup {
  secretKey?: string;
  sealedKey?: string;
  locationId?: string | null;
  readerId?: string | null;
  tipOnReader?: boolean;
}

export function isStripeSecretKey(value: string): boolean {
  return keyPattern.test(value);
}

export function keyMode(key: string): 'test' | 'live' {
  return key.includes('_live_') ? 'live' : 'test';
}

/** What may be shown of a key: its kind, mode and last four characters. */
export function keyHint(key: string): string {
  return `${key.slice(0, key.indexOf('_', 3) + 1)}…${key.slice(-4)}`;
}

export interface StripeSettingsStore {
  /** The set-up, or null when no key is known. */
  read(): StripeSetup | null;
  /** Where a key would come from, and whether the environment holds one. */
  keySource(): 'file' | 'env' | 'demo' | 'none';
  saveKey(secretKey: string): void;
  removeKey(): void;
  saveLocation(locationId: string | null): void;
  saveReader(readerId: string | null): void;
  saveTipping(onReader: boolean): void;
}

export function createStripeSettingsStore(options: {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  secretBox?: SecretBox;
  /** Another provider's keys kept the same way (Paystack): its file and environment variable. */
  fileName?: string;
  keyEnv?: string;
}): StripeSettingsStore {
  const keyEnv = options.keyEnv ?? stripeKeyEnv;
  const env = options.env ?? process.env;
  const file = path.join(options.dataDir, options.fileName ?? 'stripe.json');

  const load = (): StoredSetup => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSetup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new TillpointError('internal', 'The Stripe settings file cannot be read.');
    }
  };
  const store = (next: StoredSetup) => {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(next), { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  };
  const envKey = () => {
    const key = env[keyEnv]?.trim();
    return key ? key : null;
  };
  const fileKey = (stored: StoredSetup): string | null => {
    if (stored.sealedKey && options.secretBox) {
      try {
        return options.secretBox.open(stored.sealedKey);
      } catch {
        // The keychain cannot open it (another user, a reset keyring): as if no key were set.
        return null;
      }
    }
    return stored.secretKey ?? null;
  };

  return {
    read() {
      const stored = load();
      const fromEnv = envKey();
      const secretKey = fromEnv ?? fileKey(stored);
      if (!secretKey || !isStripeSecretKey(secretKey)) return null;
      return {
        secretKey,
        keySource: fromEnv ? 'env' : 'file',
        mode: keyMode(secretKey),
        locationId: stored.locationId ?? null,
        readerId: stored.readerId ?? env[stripeReaderEnv]?.trim() ?? null,
        tipOnReader: stored.tipOnReader === true,
      };
    },
    keySource() {
      if (envKey()) return 'env';
      return fileKey(load()) ? 'file' : 'none';
    },
    saveKey(secretKey) {
      if (envKey()) {
        throw new TillpointError(
          'conflict',
          `The key comes from the environment (${keyEnv}); change it there.`,
          {
            reason: 'key_from_environment',
          },
        );
      }
      const { secretKey: _old, sealedKey: _sealed, ...rest } = load();
      store(
        options.secretBox
          ? { ...rest, sealedKey: options.secretBox.seal(secretKey) }
          : { ...rest, secretKey },
      );
    },
    removeKey() {
      const { secretKey: _old, sealedKey: _sealed, ...rest } = load();
      store(rest);
    },
    saveLocation(locationId) {
      store({ ...load(), locationId });
    },
    saveReader(readerId) {
      store({ ...load(), readerId });
    },
    saveTipping(onReader) {
      store({ ...load(), tipOnReader: onReader });
    },
  };
}
