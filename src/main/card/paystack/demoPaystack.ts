/**
 * Demo mode's Paystack: the simulator started in this process on a loopback port with a test key
 * for it, kept in memory (nothing of it is written to the data folder). A Paystack payment shows
 * the simulator's checkout page as its QR code; the "customer" pays there, and the till learns it
 * by verifying the reference (or at once, from a signed webhook posted to the host's
 * `/webhooks/paystack` with this key).
 */
import { keyMode, type StripeSettingsStore } from '../stripeSettings';
import { startPaystackSimulator, type PaystackSimulator } from './paystackSim';

export const demoPaystackKey = 'sk_test_tillpointDemoPaystack0001';

export interface DemoPaystack {
  readonly sim: PaystackSimulator;
  readonly settings: StripeSettingsStore;
  close(): Promise<void>;
}

export async function startDemoPaystack(): Promise<DemoPaystack> {
  const sim = await startPaystackSimulator();
  let secretKey: string | null = demoPaystackKey;
  const settings: StripeSettingsStore = {
    read: () =>
      secretKey
        ? {
            secretKey,
            keySource: 'demo',
            mode: keyMode(secretKey),
            locationId: null,
            readerId: null,
            tipOnReader: false,
          }
        : null,
    keySource: () => (secretKey ? 'demo' : 'none'),
    saveKey: (key) => {
      secretKey = key;
    },
    removeKey: () => {
      secretKey = null;
    },
    saveLocation: () => undefined,
    saveReader: () => undefined,
    saveTipping: () => undefined,
  };
  return { sim, settings, close: () => sim.close() };
}
