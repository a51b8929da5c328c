import { describe, expect, it } from 'vitest';
import {
  formatPinHash,
  hashPin,
  needsRehash,
  parsePinHash,
  productionPinHashParams,
  verifyPin,
} from './pinHash';

const cheap = { logN: 10, r: 8, p: 1, keyLengthBytes: 32 };

describe('PIN hashing', () => {
  it('uses scrypt N=2^15, r=8, p=1 by default, with a 16-byte salt and the parameters in the hash', async () => {
    expect(productionPinHashParams).toEqual({ logN: 15, r: 8, p: 1, keyLengthBytes: 32 });
    const stored = await hashPin('4826');
    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const parsed = parsePinHash(stored);
    expect(parsed.params).toEqual(productionPinHashParams);
    expect(parsed.salt).toHaveLength(16);
    expect(await verifyPin('4826', stored)).toBe(true);
    expect(await verifyPin('4827', stored)).toBe(false);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPin('4826', cheap), hashPin('4826', cheap)]);
    expect(a).not.toBe(b);
    expect(await verifyPin('4826', a)).toBe(true);
    expect(await verifyPin('4826', b)).toBe(true);
  });

  it('round-trips the stored form', async () => {
    const stored = await hashPin('90210', cheap);
    expect(formatPinHash(parsePinHash(stored))).toBe(stored);
  });

  it('refuses a stored hash in another form', async () => {
    expect(() => parsePinHash('plain-4826')).toThrow(/\$scrypt\$/);
    await expect(verifyPin('4826', 'sha1$abc')).rejects.toThrow(/\$scrypt\$/);
  });

  it('wants a re-hash only when the stored parameters are weaker', async () => {
    const weak = await hashPin('4826', cheap);
    expect(needsRehash(weak, productionPinHashParams)).toBe(true);
    expect(needsRehash(weak, cheap)).toBe(false);
    expect(needsRehash(weak, { ...cheap, logN: 9 })).toBe(false);
    expect(needsRehash(weak, { ...cheap, p: 2 })).toBe(true);
  });
});
