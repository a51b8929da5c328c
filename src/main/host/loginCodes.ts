/**
 * One-time login codes: how the browser on the till gets in without a door that any local process
 * can open. `tillpoint serve` mints one at start and prints the link `http://127.0.0.1:PORT/login#CODE`;
 * `tillpoint login-link` mints another for a running host. The page exchanges the code once for an
 * HttpOnly cookie (see browserAccess.ts).
 *
 * A code is kept only as its SHA-256, in a file of its own under `DIR/login-codes/` (folder 0700,
 * file 0600): only the till's own OS user can mint one, and the host reads them when a code is
 * offered, so the command line needs no channel to the running host. A code works once (the host
 * deletes its file before it answers; of two racing redemptions, only the one whose delete succeeds
 * gets in) and for `loginCodeTtlMs`; expired files are swept at every redemption.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../kernel';

export const loginCodesDirName = 'login-codes';
/** How long a printed link works: long enough to start a browser, short enough to be worthless later. */
export const loginCodeTtlMs = 15 * 60_000;
/** A code is 24 random bytes in base64url: 32 characters. */
export const loginCodePattern = /^[A-Za-z0-9_-]{32}$/;
/** At most this many codes wait at once; minting more first drops the oldest. */
export const maxPendingLoginCodes = 20;

interface StoredCode {
  readonly sha256: string;
  readonly expiresAtMs: number;
}

const hashOf = (code: string): Buffer => createHash('sha256').update(code, 'utf8').digest();

function codesDir(dataDir: string): string {
  return path.join(dataDir, loginCodesDirName);
}

function readStored(file: string): StoredCode | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoredCode>;
    if (typeof parsed.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(parsed.sha256)) return null;
    if (typeof parsed.expiresAtMs !== 'number' || !Number.isFinite(parsed.expiresAtMs)) return null;
    return { sha256: parsed.sha256, expiresAtMs: parsed.expiresAtMs };
  } catch {
    return null;
  }
}

/** Deletes a file; true when this call deleted it (false when another got there first). */
function claim(file: string): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function codeFiles(dataDir: string): string[] {
  try {
    return fs
      .readdirSync(codesDir(dataDir))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => path.join(codesDir(dataDir), name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Mints a one-time code for the host on `dataDir`; returns the code (shown once, never stored). */
export function mintLoginCode(
  dataDir: string,
  nowMs: number = Date.now(),
): { code: string; expiresAtMs: number } {
  ensurePrivateDir(codesDir(dataDir));
  const waiting = codeFiles(dataDir);
  for (const file of waiting.slice(0, Math.max(0, waiting.length - maxPendingLoginCodes + 1))) claim(file);
  const code = randomBytes(24).toString('base64url');
  const expiresAtMs = nowMs + loginCodeTtlMs;
  const stored: StoredCode = { sha256: hashOf(code).toString('hex'), expiresAtMs };
  // The name sorts by time, so the oldest are dropped first; the random part keeps names apart.
  const name = `${String(nowMs).padStart(15, '0')}-${randomBytes(6).toString('hex')}.json`;
  writePrivateFile(path.join(codesDir(dataDir), name), JSON.stringify(stored));
  return { code, expiresAtMs };
}

/**
 * Spends a code: true when it was minted for this data folder, has not expired and was not spent
 * before (it is deleted now). Compares hashes in constant time; never throws for bad input.
 */
export function redeemLoginCode(dataDir: string, code: unknown, nowMs: number = Date.now()): boolean {
  if (typeof code !== 'string' || !loginCodePattern.test(code)) return false;
  const given = hashOf(code);
  let found: string | null = null;
  for (const file of codeFiles(dataDir)) {
    const stored = readStored(file);
    if (stored === null || stored.expiresAtMs <= nowMs) {
      claim(file);
      continue;
    }
    if (timingSafeEqual(Buffer.from(stored.sha256, 'hex'), given) && found === null) found = file;
  }
  return found !== null && claim(found);
}
