/**
 * The device secret: 32 random bytes kept outside the database, that every PIN hash is keyed with
 * (pinHash.ts). A copy of the database alone then gives up no PIN, however short: an offline search
 * of all 10,000 four-digit PINs needs the key as well.
 *
 * - Headless (`tillpoint serve`) and tests: `DIR/device.key`, mode 0600 in the 0700 data folder.
 * - The Electron shell: `DIR/device.key.sealed`, the key encrypted by the OS keychain through
 *   Electron's `safeStorage` (shell/deviceSecret.ts gives the `Sealer`). When a plain `device.key`
 *   is already there (the folder was first used by the headless host), that one is used, so both
 *   doors keep reading the same PINs.
 *
 * Losing the key makes every stored PIN unusable (an owner resets them); back the folder up whole.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TillpointError } from '../../shared/api';
import { privateFileMode, secureDataDir } from '../kernel';

export interface DeviceSecretProvider {
  /** The device key (32 bytes): made on first use, the same at every later start. */
  deviceKey(): Buffer;
}

export const deviceKeyFileName = 'device.key';
export const sealedDeviceKeyFileName = 'device.key.sealed';
export const deviceKeyBytes = 32;

/** Encrypts and decrypts small secrets with a key the OS keeps (Electron's safeStorage). */
export interface Sealer {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

function readKeyFile(file: string, decode: (raw: Buffer) => Buffer): Buffer | null {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = decode(raw);
  if (key.length !== deviceKeyBytes) {
    throw new TillpointError(
      'internal',
      `The device key ${file} is damaged (not ${deviceKeyBytes} bytes): restore it from a backup of the data folder.`,
    );
  }
  fs.chmodSync(file, privateFileMode);
  return key;
}

/**
 * Writes a new key file, or reads the one a racing process wrote first ('wx' creates exclusively,
 * mode 0600 from the start).
 */
function createKeyFile(
  file: string,
  encode: (key: Buffer) => Buffer,
  decode: (raw: Buffer) => Buffer,
): Buffer {
  const key = randomBytes(deviceKeyBytes);
  try {
    fs.writeFileSync(file, encode(key), { mode: privateFileMode, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = readKeyFile(file, decode);
    if (!existing) throw error;
    return existing;
  }
}

const fromText = (raw: Buffer) => Buffer.from(raw.toString('utf8').trim(), 'base64url');
const toText = (key: Buffer) => Buffer.from(key.toString('base64url') + '\n');

function cached(load: () => Buffer): DeviceSecretProvider {
  let key: Buffer | null = null;
  return {
    deviceKey() {
      key ??= load();
      return key;
    },
  };
}

/** The headless host's key: `DIR/device.key` (0600). */
export function fileDeviceSecret(dataDir: string): DeviceSecretProvider {
  return cached(() => {
    secureDataDir(dataDir);
    const file = path.join(dataDir, deviceKeyFileName);
    const existing = readKeyFile(file, fromText);
    if (existing) return existing;
    const sealed = path.join(dataDir, sealedDeviceKeyFileName);
    if (fs.existsSync(sealed)) {
      throw new TillpointError(
        'unavailable',
        `This till's PINs are keyed with a secret sealed by the desktop app (${sealed}), which only the desktop app can open: use the desktop app on this data folder.`,
      );
    }
    return createKeyFile(file, toText, fromText);
  });
}

/** The desktop app's key: sealed by the OS keychain in `DIR/device.key.sealed` (0600). */
export function sealedDeviceSecret(dataDir: string, sealer: Sealer): DeviceSecretProvider {
  return cached(() => {
    secureDataDir(dataDir);
    const plain = readKeyFile(path.join(dataDir, deviceKeyFileName), fromText);
    if (plain) return plain;
    const file = path.join(dataDir, sealedDeviceKeyFileName);
    const open = (raw: Buffer) => sealer.open(raw);
    return readKeyFile(file, open) ?? createKeyFile(file, (key) => sealer.seal(key), open);
  });
}
