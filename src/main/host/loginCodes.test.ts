import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modeOf } from '../kernel';
import {
  loginCodePattern,
  loginCodesDirName,
  loginCodeTtlMs,
  maxPendingLoginCodes,
  mintLoginCode,
  redeemLoginCode,
} from './loginCodes';

let dir: string;
const t0 = Date.parse('2026-12-06T10:00:00Z');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-codes-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('one-time login codes', () => {
  it('works once', () => {
    const { code, expiresAtMs } = mintLoginCode(dir, t0);
    expect(code).toMatch(loginCodePattern);
    expect(expiresAtMs).toBe(t0 + loginCodeTtlMs);
    expect(redeemLoginCode(dir, code, t0 + 1)).toBe(true);
    expect(redeemLoginCode(dir, code, t0 + 2)).toBe(false);
  });

  it('is stored only as its hash, in a 0600 file in a 0700 folder', () => {
    const { code } = mintLoginCode(dir, t0);
    const codesDir = path.join(dir, loginCodesDirName);
    expect(modeOf(codesDir)).toBe(0o700);
    const files = fs.readdirSync(codesDir);
    expect(files).toHaveLength(1);
    const file = path.join(codesDir, files[0] as string);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(code);
  });

  it('expires', () => {
    const { code } = mintLoginCode(dir, t0);
    expect(redeemLoginCode(dir, code, t0 + loginCodeTtlMs)).toBe(false);
    // The expired one is swept.
    expect(fs.readdirSync(path.join(dir, loginCodesDirName))).toEqual([]);
  });

  it('refuses a code it never minted, or of another folder, without spending the real one', () => {
    const { code } = mintLoginCode(dir, t0);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-codes-other-'));
    expect(redeemLoginCode(other, code, t0)).toBe(false);
    fs.rmSync(other, { recursive: true, force: true });
    const wrong = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(redeemLoginCode(dir, wrong, t0)).toBe(false);
    expect(redeemLoginCode(dir, code, t0)).toBe(true);
  });

  it.each([[undefined], [null], [42], [''], ['short'], ['x'.repeat(10_000)], [{ code: 'a' }]])(
    'refuses malformed input %j without throwing',
    (input) => {
      mintLoginCode(dir, t0);
      expect(redeemLoginCode(dir, input, t0)).toBe(false);
    },
  );

  it('keeps at most a few codes waiting, dropping the oldest', () => {
    const codes = Array.from({ length: maxPendingLoginCodes + 3 }, (_, i) => mintLoginCode(dir, t0 + i).code);
    expect(fs.readdirSync(path.join(dir, loginCodesDirName))).toHaveLength(maxPendingLoginCodes);
    expect(redeemLoginCode(dir, codes[0], t0 + 100)).toBe(false);
    expect(redeemLoginCode(dir, codes.at(-1), t0 + 100)).toBe(true);
  });

  it('ignores a damaged code file', () => {
    const { code } = mintLoginCode(dir, t0);
    fs.writeFileSync(path.join(dir, loginCodesDirName, '0-junk.json'), '{not json');
    expect(redeemLoginCode(dir, code, t0)).toBe(true);
  });
});
