/**
 * How this till drives its card reader: `server` (the core asks Stripe to hand the PaymentIntent to
 * the reader: `processPaymentIntent`, the main path) or `js_sdk` (the renderer drives the reader with
 * Stripe's `@stripe/terminal-js`, from a connection token the core makes; the core still makes the
 * PaymentIntent, follows it, and captures it). Kept in `DIR/stripe-reader-driver.json` (0600); the
 * page's Content-Security-Policy allows Stripe's script only while `js_sdk` is on (src/main/csp.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Stripe from 'stripe';
import { type TenderReport } from '../payments';
import { declineWords } from './stripeErrors';

export const readerDrivers = ['server', 'js_sdk'] as const;
export type ReaderDriver = (typeof readerDrivers)[number];

export interface ReaderDriverStore {
  read(): ReaderDriver;
  save(driver: ReaderDriver): void;
}

export function createReaderDriverStore(dataDir: string): ReaderDriverStore {
  const file = path.join(dataDir, 'stripe-reader-driver.json');
  return {
    read() {
      try {
        const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { driver?: unknown };
        return stored.driver === 'js_sdk' ? 'js_sdk' : 'server';
      } catch {
        return 'server';
      }
    },
    save(driver) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify({ driver }), { mode: 0o600 });
      fs.renameSync(temp, file);
    },
  };
}

/**
 * A payment the renderer's SDK collects: nothing to ask the reader (the SDK holds it). While the
 * PaymentIntent waits for a card (or a declined card may be tried again) it stays pending, with the
 * decline said; once authorised, captured or cancelled, `decide` takes over as for the server path.
 */
export async function lookSdk(
  stripe: Stripe,
  paymentId: string,
  piId: string,
  decide: () => Promise<TenderReport>,
): Promise<TenderReport> {
  const pi = await stripe.paymentIntents.retrieve(piId);
  if (['requires_capture', 'succeeded', 'canceled', 'processing'].includes(pi.status)) return decide();
  const error = pi.last_payment_error;
  return {
    paymentId,
    status: 'pending',
    externalId: piId,
    message: error
      ? `${declineWords(error.code, error.decline_code, error.message)} Try the card again, or cancel.`
      : 'Present the card on the reader.',
  };
}
