/**
 * PIN hashing with scrypt: slow on purpose (about 50-100 ms), so a stolen database cannot be
 * searched through all 10^8 PINs cheaply. The hash is stored as
 * `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64url), parameters included, so they can be raised
 * later: a PIN hashed with weaker parameters is re-hashed at its next successful use.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface PinHashParams {
  /** log2 of scrypt's cost N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
  readonly keyLengthBytes: number;
}

/** What production uses: N = 2^15, r = 8, p = 1 (32 MiB of memory, ~70 ms on a till). */
export const productionPinHashParams: PinHashParams = { logN: 15, r: 8, p: 1, keyLengthBytes: 32 };

export const pinSaltBytes = 16;

export interface ParsedPinHash {
  readonly params: PinHashParams;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const storedPattern = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export function formatPinHash(parsed: ParsedPinHash): string {
  const { logN, r, p } = parsed.params;
  return `$scrypt$ln=${logN},r=${r},p=${p}$${parsed.salt.toString('base64url')}$${parsed.hash.toString('base64url')}`;
}

export function parsePinHash(stored: string): ParsedPinHash {
  const match = storedPattern.exec(stored);
  if (!match) throw new Error('A stored PIN hash is not in the $scrypt$ln=..,r=..,p=..$salt$hash form.');
  const [, logN, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const hashBytes = Buffer.from(hash, 'base64url');
  return {
    params: { logN: Number(logN), r: Number(r), p: Number(p), keyLengthBytes: hashBytes.length },
    salt: Buffer.from(salt, 'base64url'),
    hash: hashBytes,
  };
}

function derive(pin: string, salt: Buffer, params: PinHashParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  // scrypt needs 128·N·r bytes (plus a little); Node's default cap of 32 MiB is exactly the
  // production figure, so the cap is set to twice the need.
  const maxmem = 2 * 128 * N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, params.keyLengthBytes, { N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes a PIN with a fresh random salt (async: the event loop keeps serving meanwhile). */
export async function hashPin(pin: string, params: PinHashParams = productionPinHashParams): Promise<string> {
  const salt = randomBytes(pinSaltBytes);
  const hash = await derive(pin, salt, params);
  return formatPinHash({ params, salt, hash });
}

/** Whether the PIN matches the stored hash, compared in constant time. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  const candidate = await derive(pin, parsed.salt, parsed.params);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
}

/** Whether a stored hash was made with weaker parameters than `params` (re-hash it then). */
export function needsRehash(stored: string, params: PinHashParams): boolean {
  const current = parsePinHash(stored).params;
  return (
    current.logN < params.logN ||
    current.r < params.r ||
    current.p < params.p ||
    current.keyLengthBytes < params.keyLengthBytes
  );
}
