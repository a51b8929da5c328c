import { randomBytes, scrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deviceKeyId,
  formatPinHash,
  hashPin,
  madeWithOtherKey,
  needsRehash,
  parsePinHash,
  productionPinHashParams,
  verifyPin,
  type PinHashParams,
} from './pinHash';

const cheap: PinHashParams = { logN: 10, r: 8, p: 1, keyLengthBytes: 32 };
/** Cheap enough to try all 10,000 four-digit PINs in a test. */
const tiny: PinHashParams = { logN: 1, r: 1, p: 1, keyLengthBytes: 32 };
const key = randomBytes(32);

/** A version 1 hash, as the till stored them before the device key. */
async function unkeyedPinHash(pin: string, params: PinHashParams): Promise<string> {
  const salt = randomBytes(16);
  const hash = await new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, params.keyLengthBytes, { N: 2 ** params.logN, r: params.r, p: params.p }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
  return formatPinHash({ version: 1, params, keyId: null, salt, hash });
}

describe('PIN hashing', () => {
  it('uses scrypt N=2^15, r=8, p=1 by default, keyed with the device key, with a 16-byte salt', async () => {
    expect(productionPinHashParams).toEqual({ logN: 15, r: 8, p: 1, keyLengthBytes: 32 });
    const stored = await hashPin('4826', productionPinHashParams, key);
    expect(stored).toMatch(
      /^\$scrypt-keyed\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{11}\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/,
    );
    const parsed = parsePinHash(stored);
    expect(parsed).toMatchObject({ version: 2, params: productionPinHashParams, keyId: deviceKeyId(key) });
    expect(parsed.salt).toHaveLength(16);
    expect(await verifyPin('4826', stored, key)).toBe(true);
    expect(await verifyPin('4827', stored, key)).toBe(false);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPin('4826', cheap, key), hashPin('4826', cheap, key)]);
    expect(a).not.toBe(b);
    expect(await verifyPin('4826', a, key)).toBe(true);
    expect(await verifyPin('4826', b, key)).toBe(true);
  });

  it('round-trips both stored forms', async () => {
    const stored = await hashPin('90210', cheap, key);
    expect(formatPinHash(parsePinHash(stored))).toBe(stored);
    const old = await unkeyedPinHash('90210', cheap);
    expect(formatPinHash(parsePinHash(old))).toBe(old);
  });

  it('refuses a stored hash in another form', async () => {
    expect(() => parsePinHash('plain-4826')).toThrow(/\$scrypt/);
    await expect(verifyPin('4826', 'sha1$abc', key)).rejects.toThrow(/\$scrypt/);
  });

  it('still verifies a hash from before the device key, and wants it re-hashed', async () => {
    const old = await unkeyedPinHash('4826', cheap);
    expect(parsePinHash(old).version).toBe(1);
    expect(await verifyPin('4826', old, key)).toBe(true);
    expect(await verifyPin('4827', old, key)).toBe(false);
    expect(needsRehash(old, cheap)).toBe(true);
  });

  it('wants a re-hash only when the stored hash is unkeyed or its parameters are weaker', async () => {
    const weak = await hashPin('4826', cheap, key);
    expect(needsRehash(weak, productionPinHashParams)).toBe(true);
    expect(needsRehash(weak, cheap)).toBe(false);
    expect(needsRehash(weak, { ...cheap, logN: 9 })).toBe(false);
    expect(needsRehash(weak, { ...cheap, p: 2 })).toBe(true);
  });

  it('never matches without the device key, and tells a hash of another key from a wrong PIN', async () => {
    const stored = await hashPin('4826', cheap, key);
    const otherKey = randomBytes(32);
    expect(await verifyPin('4826', stored, otherKey)).toBe(false);
    expect(madeWithOtherKey(stored, otherKey)).toBe(true);
    expect(madeWithOtherKey(stored, key)).toBe(false);
  });

  it('a copied hash alone gives up no PIN: searching all 10,000 four-digit PINs finds nothing without the key', async () => {
    const stored = await hashPin('4826', tiny, key);
    const { salt, hash, params } = parsePinHash(stored);
    const derive = (secret: string | Buffer) =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(
          secret,
          salt,
          params.keyLengthBytes,
          { N: 2 ** params.logN, r: params.r, p: params.p },
          (e, k) => (e ? reject(e) : resolve(k)),
        ),
      );
    const pins = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));
    const guessedKeys = [Buffer.alloc(32), randomBytes(32)];
    const found: string[] = [];
    for (const pin of pins) {
      // The attacker's best tries without the key: the PIN itself (as before), or a guessed key.
      if ((await derive(pin)).equals(hash)) found.push(`${pin} unkeyed`);
      for (const guess of guessedKeys) {
        if (await verifyPin(pin, stored, guess)) found.push(`${pin} with a guessed key`);
      }
    }
    expect(found).toEqual([]);
    // With the key, the same search finds it at once: the test can see a leak.
    expect(await verifyPin('4826', stored, key)).toBe(true);
  });
});
