/**
 * For tests: the Stripe simulator on a free loopback port and a client of the real `stripe`
 * package pointed at it, a location and a registered simulated reader, and Stripe's own samples
 * (fixtures3.json) to compare objects with.
 */
import fs from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import {
  startStripeSimulator,
  type StripeSimOptions,
  type StripeSimulator,
} from '../../src/main/card/stripeSim';

export const testKey = 'sk_test_tillpointSimulatorKey0001';

export interface SimKit {
  readonly sim: StripeSimulator;
  readonly stripe: Stripe;
  close(): Promise<void>;
}

export function clientFor(sim: StripeSimulator, key = testKey, maxNetworkRetries = 2): Stripe {
  return new Stripe(key, { ...sim.clientOptions, maxNetworkRetries, timeout: 10_000 });
}

export async function openSimKit(options: StripeSimOptions = {}): Promise<SimKit> {
  const sim = await startStripeSimulator(options);
  return { sim, stripe: clientFor(sim), close: () => sim.close() };
}

/** A location and a simulated WisePOS E registered at it. */
export async function simulatedReader(stripe: Stripe): Promise<{ locationId: string; readerId: string }> {
  const location = await stripe.terminal.locations.create({
    display_name: 'Corner Café',
    address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US' },
  });
  const reader = await stripe.terminal.readers.create({
    registration_code: 'simulated-wpe',
    location: location.id,
    label: 'Till 1',
  });
  return { locationId: location.id, readerId: reader.id };
}

const fixturesPath = path.resolve(__dirname, '../../../shared/reference/stripe/fixtures3.json');

/** Stripe's sample of each resource, by its name in the fixtures (`payment_intent`, `terminal.reader`, ...). */
export function stripeFixtures(): Record<string, Record<string, unknown>> {
  const parsed = JSON.parse(fs.readFileSync(fixturesPath, 'utf8')) as {
    resources: Record<string, Record<string, unknown>>;
  };
  return parsed.resources;
}

export const fieldsOf = (value: object) => Object.keys(value).sort();
