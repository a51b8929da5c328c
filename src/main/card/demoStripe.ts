/**
 * Demo mode's Stripe: the simulator started in this process on a loopback port, a test key for it,
 * a location and a simulated reader registered at start, all kept in memory (the simulator starts
 * afresh with the process, so nothing of it is written to the data folder). The checkout's demo
 * buttons tap test cards on the simulated reader through Stripe's own test helper.
 */
import Stripe from 'stripe';
import { startStripeSimulator, type StripeSimulator } from './stripeSim';
import { keyMode, type StripeSettingsStore } from './stripeSettings';

export const demoStripeKey = 'sk_test_tillpointDemoSimulator0001';
export const demoRefundPendingMs = 3_000;

export interface DemoStripe {
  readonly sim: StripeSimulator;
  readonly settings: StripeSettingsStore;
  close(): Promise<void>;
}

export async function startDemoStripe(): Promise<DemoStripe> {
  // Card refunds stay pending a few seconds, as Stripe processes them later: the order shows them on their way.
  const sim = await startStripeSimulator({ refundPendingMs: demoRefundPendingMs });
  const stripe = new Stripe(demoStripeKey, { ...sim.clientOptions, maxNetworkRetries: 0 });
  const location = await stripe.terminal.locations.create({
    display_name: 'Harbor Street Coffee',
    address: {
      line1: '12 Harbor Street',
      city: 'Portland',
      state: 'ME',
      postal_code: '04101',
      country: 'US',
    },
  });
  const reader = await stripe.terminal.readers.create({
    registration_code: 'simulated-wpe',
    location: location.id,
    label: 'Demo reader',
  });
  let state: {
    secretKey: string | null;
    locationId: string | null;
    readerId: string | null;
    tipOnReader: boolean;
  } = { secretKey: demoStripeKey, locationId: location.id, readerId: reader.id, tipOnReader: false };
  const settings: StripeSettingsStore = {
    read: () =>
      state.secretKey
        ? {
            secretKey: state.secretKey,
            keySource: 'demo',
            mode: keyMode(state.secretKey),
            locationId: state.locationId,
            readerId: state.readerId,
            tipOnReader: state.tipOnReader,
          }
        : null,
    keySource: () => (state.secretKey ? 'demo' : 'none'),
    saveKey: (secretKey) => {
      state = { ...state, secretKey };
    },
    removeKey: () => {
      state = { ...state, secretKey: null };
    },
    saveLocation: (locationId) => {
      state = { ...state, locationId };
    },
    saveReader: (readerId) => {
      state = { ...state, readerId };
    },
    saveTipping: (tipOnReader) => {
      state = { ...state, tipOnReader };
    },
  };
  return { sim, settings, close: () => sim.close() };
}
