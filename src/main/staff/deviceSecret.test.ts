import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { createCore } from '../core';
import { modeOf } from '../kernel';
import { shellDeviceSecret } from '../shell/deviceSecret';
import {
  deviceKeyFileName,
  fileDeviceSecret,
  sealedDeviceKeyFileName,
  sealedDeviceSecret,
  type Sealer,
} from './deviceSecret';
import { formatPinHash, parsePinHash, productionPinHashParams, verifyPin } from './pinHash';
import { ownerPin } from './staffTestKit';

let dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-devkey-'));
  dirs.push(dir);
  return dir;
};
beforeEach(() => {
  dirs = [];
});
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the OS keychain: reversible, and never the key in the clear. */
const fakeSealer: Sealer = {
  seal: (plain) => Buffer.concat([Buffer.from('sealed:'), Buffer.from(plain.map((b) => b ^ 0x5a))]),
  open: (sealed) => Buffer.from(sealed.subarray(7).map((b) => b ^ 0x5a)),
};

async function tillWithOwner(dir: string) {
  const core = await createCore({ dataDir: dir, logger: pino({ level: 'silent' }) });
  const { staff } = await core.call('staff.setupOwner', { name: 'Olive Owner', pin: ownerPin });
  return { core, staffId: staff.staffId };
}

describe('the device key', () => {
  it('is made once in a 0600 file in the data folder, and the same at every start', () => {
    const dir = tempDir();
    const first = fileDeviceSecret(dir).deviceKey();
    expect(first).toHaveLength(32);
    expect(modeOf(path.join(dir, deviceKeyFileName))).toBe(0o600);
    expect(fileDeviceSecret(dir).deviceKey().equals(first)).toBe(true);
  });

  it('refuses a damaged key file with a clear error', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, deviceKeyFileName), 'short');
    expect(() => fileDeviceSecret(dir).deviceKey()).toThrow(/damaged/);
  });

  it('is sealed by the OS keychain in the desktop app, never stored in the clear', () => {
    const dir = tempDir();
    const key = sealedDeviceSecret(dir, fakeSealer).deviceKey();
    const file = path.join(dir, sealedDeviceKeyFileName);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.existsSync(path.join(dir, deviceKeyFileName))).toBe(false);
    const raw = fs.readFileSync(file);
    expect(raw.includes(key)).toBe(false);
    expect(raw.toString('utf8')).not.toContain(key.toString('base64url'));
    expect(sealedDeviceSecret(dir, fakeSealer).deviceKey().equals(key)).toBe(true);
    // The headless host cannot open it, and says so.
    expect(() => fileDeviceSecret(dir).deviceKey()).toThrow(/sealed by the desktop app/);
  });

  it('in the desktop app, keeps using a plain key the headless host made first', () => {
    const dir = tempDir();
    const plain = fileDeviceSecret(dir).deviceKey();
    expect(sealedDeviceSecret(dir, fakeSealer).deviceKey().equals(plain)).toBe(true);
  });

  it('falls back to the 0600 file when the OS keychain cannot encrypt, with a warning', () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const unavailable = {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    };
    const key = shellDeviceSecret(dir, unavailable, (m) => warnings.push(m)).deviceKey();
    expect(fs.readFileSync(path.join(dir, deviceKeyFileName), 'utf8').trim()).toBe(key.toString('base64url'));
    expect(warnings).toHaveLength(1);
  });
});

describe('PIN hashes keyed with the device key', () => {
  it('a copied database alone does not give up a PIN: without device.key the right PIN does not verify', async () => {
    const dir = tempDir();
    const { core, staffId } = await tillWithOwner(dir);
    await core.close();
    const copy = tempDir();
    fs.copyFileSync(path.join(dir, 'tillpoint.sqlite'), path.join(copy, 'tillpoint.sqlite'));

    const stolen = await createCore({ dataDir: copy, logger: pino({ level: 'silent' }) });
    const stored = stolen.db
      .prepare('SELECT pin_hash FROM staff WHERE id = ?')
      .pluck()
      .get(staffId) as string;
    expect(parsePinHash(stored).version).toBe(2);
    // The right PIN, with any key but the till's (the copy's own new key, or none at all).
    expect(await verifyPin(ownerPin, stored, randomBytes(32))).toBe(false);
    expect(await verifyPin(ownerPin, stored, Buffer.alloc(32))).toBe(false);
    await expect(stolen.call('staff.login', { staffId, pin: ownerPin })).rejects.toThrow(ApiCallError);
    await stolen.close();

    // With its device key beside it, the same database logs in: the key is all that was missing.
    const reopened = await createCore({ dataDir: dir, logger: pino({ level: 'silent' }) });
    await expect(reopened.call('staff.login', { staffId, pin: ownerPin })).resolves.toMatchObject({
      staff: { staffId },
    });
    await reopened.close();
  });

  it('a PIN hash from before the device key still logs in, and is keyed at that login', async () => {
    const dir = tempDir();
    const { core, staffId } = await tillWithOwner(dir);
    // Put back the unkeyed form an older till stored (same scrypt, no key).
    const { scryptSync } = await import('node:crypto');
    const salt = randomBytes(16);
    const hash = scryptSync(ownerPin, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = formatPinHash({ version: 1, params: productionPinHashParams, keyId: null, salt, hash });
    core.db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(old, staffId);

    await expect(core.call('staff.login', { staffId, pin: '5937' })).rejects.toThrow(ApiCallError);
    await core.call('staff.login', { staffId, pin: ownerPin });
    const upgraded = core.db
      .prepare('SELECT pin_hash FROM staff WHERE id = ?')
      .pluck()
      .get(staffId) as string;
    expect(parsePinHash(upgraded).version).toBe(2);
    expect(await verifyPin(ownerPin, upgraded, fileDeviceSecret(dir).deviceKey())).toBe(true);
    await core.call('staff.login', { staffId, pin: ownerPin });
    await core.close();
  });
});
