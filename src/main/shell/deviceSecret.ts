/**
 * The desktop app's device secret: the key PIN hashes are keyed with, sealed by the OS keychain
 * through Electron's `safeStorage` (Keychain on macOS, DPAPI on Windows, the Secret Service or
 * KWallet on Linux). Types only from electron: this file loads in plain Node for tests.
 */
import type { SafeStorage } from 'electron';
import { fileDeviceSecret, sealedDeviceSecret, type DeviceSecretProvider } from '../staff/deviceSecret';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/**
 * The sealed key when the OS can encrypt; else the headless host's 0600 key file, with a warning
 * (a Linux desktop without a keyring).
 */
export function shellDeviceSecret(
  dataDir: string,
  safeStorage: SafeStorageLike,
  warn: (message: string) => void,
): DeviceSecretProvider {
  if (!safeStorage.isEncryptionAvailable()) {
    warn('The OS keychain cannot encrypt here: the device key is kept in a 0600 file instead.');
    return fileDeviceSecret(dataDir);
  }
  return sealedDeviceSecret(dataDir, {
    seal: (plain) => safeStorage.encryptString(plain.toString('base64url')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64url'),
  });
}
