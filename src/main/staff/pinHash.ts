/**
 * PIN hashing with scrypt, keyed with the device secret (deviceSecret.ts): the hash is
 * scrypt(HMAC-SHA256(deviceKey, pin), salt), so a copied database alone cannot be searched through
 * the PINs: without the key, even all 10,000 four-digit PINs give no match. scrypt stays slow on
 * purpose (about 50-100 ms) for whoever has both.
 *
 * Stored forms (parameters included, so they can be raised later):
 * - version 2, keyed: `$scrypt-keyed$ln=15,r=8,p=1$<keyId>$<salt>$<hash>` (base64url); `keyId` names
 *   the device key (an HMAC of it, so a hash made with another key is told apart from a wrong PIN);
 * - version 1, unkeyed (before the device key): `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`. Still
 *   verified, and re-hashed as version 2 at its next successful use, as are weaker parameters.
 */
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface PinHashParams {
  /** log2 of scrypt's cost N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
  readonly keyLengthBytes: number;
}

/** What production uses: N = 2^15, r = 8, p = 1 (32 MiB of memory, ~70 ms on a till). */
export const productionPinHashParams: PinHashParams = { logN: 15, r: 8, p: 1, keyLengthBytes: 32 };

/**
 * For tests of other parts (sales, shifts, cards, the fuzz run...), which make members and log in
 * hundreds of times: N = 2^10, well under a millisecond. At production's cost the hashing took most
 * of their time. Staff's own tests, and every door, keep production's cost.
 */
export const testPinHashParams: PinHashParams = { logN: 10, r: 8, p: 1, keyLengthBytes: 32 };

export const pinSaltBytes = 16;
/** The version new hashes are made with. */
export const currentPinHashVersion = 2;

export interface ParsedPinHash {
  readonly version: 1 | 2;
  readonly params: PinHashParams;
  /** Version 2: which device key the hash was made with. */
  readonly keyId: string | null;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const b64 = '([A-Za-z0-9_-]+)';
const paramsPattern = 'ln=(\\d{1,2}),r=(\\d{1,3}),p=(\\d{1,3})';
const v1Pattern = new RegExp(`^\\$scrypt\\$${paramsPattern}\\$${b64}\\$${b64}$`);
const v2Pattern = new RegExp(`^\\$scrypt-keyed\\$${paramsPattern}\\$${b64}\\$${b64}\\$${b64}$`);

export function formatPinHash(parsed: ParsedPinHash): string {
  const { logN, r, p } = parsed.params;
  const params = `ln=${logN},r=${r},p=${p}`;
  const salt = parsed.salt.toString('base64url');
  const hash = parsed.hash.toString('base64url');
  return parsed.version === 1
    ? `$scrypt$${params}$${salt}$${hash}`
    : `$scrypt-keyed$${params}$${parsed.keyId ?? ''}$${salt}$${hash}`;
}

export function parsePinHash(stored: string): ParsedPinHash {
  const v2 = v2Pattern.exec(stored);
  const v1 = v2 ? null : v1Pattern.exec(stored);
  const match = v2 ?? v1;
  if (!match) {
    throw new Error(
      'A stored PIN hash is not in the $scrypt-keyed$… or $scrypt$ln=..,r=..,p=..$salt$hash form.',
    );
  }
  const [logN, r, p] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const [keyId, salt, hash] = v2 ? [match[4], match[5], match[6]] : [null, match[4], match[5]];
  const hashBytes = Buffer.from(hash as string, 'base64url');
  return {
    version: v2 ? 2 : 1,
    params: { logN, r, p, keyLengthBytes: hashBytes.length },
    keyId: keyId ?? null,
    salt: Buffer.from(salt as string, 'base64url'),
    hash: hashBytes,
  };
}

/** A short public name of a device key (an HMAC of it, which gives nothing of the key away). */
export function deviceKeyId(deviceKey: Buffer): string {
  return createHmac('sha256', deviceKey)
    .update('tillpoint device key id')
    .digest()
    .subarray(0, 8)
    .toString('base64url');
}

/** What scrypt is given for a PIN: the PIN itself (version 1), or its HMAC under the device key. */
function secretOf(pin: string, version: 1 | 2, deviceKey: Buffer): Buffer {
  return version === 1
    ? Buffer.from(pin, 'utf8')
    : createHmac('sha256', deviceKey).update(pin, 'utf8').digest();
}

function derive(secret: Buffer, salt: Buffer, params: PinHashParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  // scrypt needs 128·N·r bytes (plus a little); Node's default cap of 32 MiB is exactly the
  // production figure, so the cap is set to twice the need.
  const maxmem = 2 * 128 * N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, params.keyLengthBytes, { N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes a PIN, keyed with the device key, with a fresh random salt (async: the loop keeps serving). */
export async function hashPin(pin: string, params: PinHashParams, deviceKey: Buffer): Promise<string> {
  const salt = randomBytes(pinSaltBytes);
  const hash = await derive(secretOf(pin, 2, deviceKey), salt, params);
  return formatPinHash({ version: 2, params, keyId: deviceKeyId(deviceKey), salt, hash });
}

/**
 * Whether the PIN matches the stored hash (either version), compared in constant time. A version 2
 * hash made with another device key never matches (`madeWithOtherKey` tells it apart).
 */
export async function verifyPin(pin: string, stored: string, deviceKey: Buffer): Promise<boolean> {
  const parsed = parsePinHash(stored);
  const candidate = await derive(secretOf(pin, parsed.version, deviceKey), parsed.salt, parsed.params);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** True when a stored version 2 hash was made with a device key other than this one. */
export function madeWithOtherKey(stored: string, deviceKey: Buffer): boolean {
  const parsed = parsePinHash(stored);
  return parsed.version === 2 && parsed.keyId !== deviceKeyId(deviceKey);
}

/** Whether a stored hash is unkeyed (version 1) or made with weaker parameters than `params`. */
export function needsRehash(stored: string, params: PinHashParams): boolean {
  const parsed = parsePinHash(stored);
  const current = parsed.params;
  return (
    parsed.version < currentPinHashVersion ||
    current.logN < params.logN ||
    current.r < params.r ||
    current.p < params.p ||
    current.keyLengthBytes < params.keyLengthBytes
  );
}
