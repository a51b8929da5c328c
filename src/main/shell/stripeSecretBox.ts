/**
 * The desktop app seals the Stripe secret key with the OS keychain through Electron's `safeStorage`
 * (the card domain keeps the sealed text in DIR/stripe.json); without a keychain (a Linux desktop
 * with no keyring) the key stays in that 0600 file as the headless host keeps it. Types only from
 * electron: this file loads in plain Node for tests.
 */
import { type SecretBox } from '../card/stripeSettings';
import { type SafeStorageLike } from './deviceSecret';

export function shellStripeSecretBox(safeStorage: SafeStorageLike): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    seal: (text) => safeStorage.encryptString(text).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
