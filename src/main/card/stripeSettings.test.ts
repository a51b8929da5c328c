import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shellStripeSecretBox } from '../shell/stripeSecretBox';
import { createStripeSettingsStore, keyHint, stripeKeyEnv } from './stripeSettings';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-stripe-settings-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const key = 'sk_test_aSecretKeyForTests42';
/** A stand-in for Electron's safeStorage: "encrypts" by reversing the bytes. */
const fakeSafeStorage = (available = true) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8'),
});

describe('where the Stripe key lives', () => {
  it('keeps the key in a 0600 file, and its hint shows only the mode and last four', () => {
    const store = createStripeSettingsStore({ dataDir: dir, env: {} });
    expect(store.read()).toBeNull();
    store.saveKey(key);
    store.saveReader('tmr_123');
    const file = path.join(dir, 'stripe.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(store.read()).toMatchObject({
      secretKey: key,
      keySource: 'file',
      mode: 'test',
      readerId: 'tmr_123',
    });
    expect(keyHint(key)).toBe('sk_test_…ts42');
    expect(keyHint('rk_live_abcdefgh1234')).toBe('rk_live_…1234');
    store.removeKey();
    expect(store.read()).toBeNull();
  });

  it('seals the key with the desktop app’s keychain, and a key it cannot open counts as none', () => {
    const box = shellStripeSecretBox(fakeSafeStorage());
    expect(box).toBeDefined();
    const store = createStripeSettingsStore({ dataDir: dir, env: {}, ...(box ? { secretBox: box } : {}) });
    store.saveKey(key);
    const text = fs.readFileSync(path.join(dir, 'stripe.json'), 'utf8');
    expect(text).not.toContain(key);
    expect(store.read()?.secretKey).toBe(key);
    const broken = createStripeSettingsStore({
      dataDir: dir,
      env: {},
      secretBox: {
        seal: (t) => t,
        open: () => {
          throw new Error('keychain locked');
        },
      },
    });
    expect(broken.read()).toBeNull();
    expect(shellStripeSecretBox(fakeSafeStorage(false))).toBeUndefined();
  });

  it('takes the key from the environment first, and will not overwrite it', () => {
    const store = createStripeSettingsStore({ dataDir: dir, env: { [stripeKeyEnv]: key } });
    expect(store.read()).toMatchObject({ keySource: 'env', secretKey: key });
    expect(() => store.saveKey('sk_test_anotherOne123')).toThrow(/environment/);
  });
});
