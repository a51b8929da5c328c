/**
 * The host's bearer token: made once per data folder, kept in `host.token` readable by the owner
 * only (mode 0600), and compared in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateFileMode, secureDataDir, writePrivateFile } from '../kernel';

export const tokenFileName = 'host.token';

export function loadOrCreateToken(dataDir: string): string {
  const file = path.join(dataDir, tokenFileName);
  secureDataDir(dataDir);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(existing)) {
      fs.chmodSync(file, privateFileMode);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  // 'wx' would fail on a malformed leftover; a temp file renamed over it, mode 0600 from the start.
  writePrivateFile(file, token + '\n');
  return token;
}

export function tokensEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads `Authorization: Bearer <token>`; returns null when absent or malformed. */
export function bearerFrom(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]+)$/.exec(header.trim());
  return match?.[1] ?? null;
}
