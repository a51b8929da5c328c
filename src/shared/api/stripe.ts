/**
 * The `stripe.*` handlers: this till's Stripe set-up for the card tender. The secret key goes in
 * and never comes back out (callers see its mode and last four); a Terminal location is created or
 * picked; a reader is registered with its registration code (`simulated-wpe` makes a simulated
 * reader with a test key) and chosen for this till; readers are listed with their status.
 */
import { z } from 'zod';
import { text, ulidText } from './bounds';
import { defineHandler } from './define';
import { paystackHandlers } from './paystack';

const stripeIdText = (prefix: string, what: string) =>
  text({
    max: 64,
    trim: true,
    pattern: new RegExp(`^${prefix}_[A-Za-z0-9]{1,60}$`),
    patternMessage: `must be a Stripe ${what} id (${prefix}_…)`,
  });

/** The test cards the demo buttons tap, by Stripe's names for them. */
export const stripeTestCards = [
  'visa',
  'mastercard',
  'charge_declined',
  'charge_declined_insufficient_funds',
  'charge_declined_expired_card',
] as const;

export const stripeLocationIdSchema = stripeIdText('tml', 'location');
export const stripeReaderIdSchema = stripeIdText('tmr', 'reader');

export const stripeStatusSchema = z.object({
  keySource: z
    .enum(['file', 'env', 'demo', 'none'])
    .describe('env: TILLPOINT_STRIPE_SECRET_KEY, which wins over the file; demo: demo mode’s own simulator'),
  mode: z.enum(['test', 'live']).nullable(),
  keyHint: z.string().nullable().describe('the key kind, mode and last four characters: never the key'),
  locationId: z.string().nullable(),
  readerId: z.string().nullable().describe('the reader this till sends card payments to'),
  tipOnReader: z.boolean().describe('the reader asks the customer for a tip before the card'),
  connection: z
    .object({ ok: z.boolean(), message: z.string().nullable() })
    .nullable()
    .describe('present when a connection test was asked for'),
});

export const stripeLocationSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  city: z.string().nullable(),
  country: z.string().nullable(),
});

export const stripeReaderSchema = z.object({
  id: z.string(),
  label: z.string(),
  deviceType: z.string(),
  serialNumber: z.string(),
  status: z.string().nullable().describe('online or offline'),
  locationId: z.string().nullable(),
  simulated: z.boolean(),
  chosen: z.boolean().describe('this till sends its card payments to it'),
});

export const tillReaderSchema = z.object({
  id: z.string(),
  label: z.string(),
  state: z
    .enum(['online', 'offline', 'busy'])
    .describe('busy: collecting a payment (or a refund) now, for this till or another'),
  chosen: z.boolean().describe('this till sends its card payments to it'),
});

const addressSchema = z
  .object({
    line1: text({ max: 200, min: 1 }),
    line2: text({ max: 200 }).optional(),
    city: text({ max: 100, min: 1 }),
    state: text({ max: 100 }).optional(),
    postalCode: text({ max: 20, min: 1 }),
    country: text({
      max: 2,
      pattern: /^[A-Z]{2}$/,
      patternMessage: 'must be a two-letter country code (US, GB)',
    }),
  })
  .strict();

export const stripeHandlers = [
  defineHandler({
    name: 'stripe.status',
    summary:
      'This till’s Stripe set-up: where the secret key comes from, test or live, its last four characters, the ' +
      'location and the chosen reader; with `check`, a connection test against Stripe.',
    permission: 'settings.edit',
    input: z.object({ check: z.boolean().optional() }).strict(),
    output: stripeStatusSchema,
  }),
  defineHandler({
    name: 'stripe.setKey',
    summary:
      'Checks a secret key with Stripe and keeps it in the main process only (0600 file, sealed in the desktop ' +
      'app); it is never returned or logged. Refused when the key comes from the environment.',
    permission: 'settings.edit',
    input: z
      .object({
        secretKey: text({
          max: 255,
          trim: true,
          pattern: /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,247}$/,
          patternMessage: 'must be a Stripe secret or restricted key (sk_test_…, sk_live_…, rk_…)',
        }),
      })
      .strict(),
    output: stripeStatusSchema,
  }),
  defineHandler({
    name: 'stripe.removeKey',
    summary: 'Forgets the stored secret key (the card tender is then not set up).',
    permission: 'settings.edit',
    input: z.object({}).strict(),
    output: stripeStatusSchema,
  }),
  defineHandler({
    name: 'stripe.locations',
    summary: 'The Terminal locations of the Stripe account.',
    permission: 'settings.edit',
    input: z.object({}).strict(),
    output: z.object({ locations: z.array(stripeLocationSchema) }),
  }),
  defineHandler({
    name: 'stripe.createLocation',
    summary: 'Creates a Terminal location (a store’s address) and makes it this till’s location.',
    permission: 'settings.edit',
    input: z.object({ displayName: text({ max: 100, min: 1 }), address: addressSchema }).strict(),
    output: z.object({ location: stripeLocationSchema }),
  }),
  defineHandler({
    name: 'stripe.setTipping',
    summary:
      'Turns the reader’s tip screen on or off: when on, the customer adds a tip on the reader, taken with the ' +
      'payment and added to the order’s tip.',
    permission: 'settings.edit',
    input: z.object({ onReader: z.boolean() }).strict(),
    output: stripeStatusSchema,
  }),
  defineHandler({
    name: 'stripe.useLocation',
    summary: 'Picks an existing Terminal location as this till’s (where its readers are registered).',
    permission: 'settings.edit',
    input: z.object({ locationId: stripeLocationIdSchema }).strict(),
    output: z.object({ location: stripeLocationSchema }),
  }),
  defineHandler({
    name: 'stripe.registerReader',
    summary:
      'Registers a reader at a location with the code it shows (`simulated-wpe` for a simulated reader with a ' +
      'test key) and chooses it for this till.',
    permission: 'settings.edit',
    input: z
      .object({
        registrationCode: text({
          max: 64,
          min: 1,
          pattern: /^[A-Za-z0-9-]+$/,
          patternMessage: 'must be the code the reader shows (letters, digits, dashes)',
        }),
        label: text({ max: 60 }).optional(),
        locationId: stripeLocationIdSchema.optional().describe('absent: this till’s location'),
      })
      .strict(),
    output: z.object({ reader: stripeReaderSchema }),
  }),
  defineHandler({
    name: 'stripe.readers',
    summary: 'The readers of the Stripe account (or of one location) with their status.',
    permission: 'settings.edit',
    input: z.object({ locationId: stripeLocationIdSchema.optional() }).strict(),
    output: z.object({ readers: z.array(stripeReaderSchema) }),
  }),
  defineHandler({
    name: 'stripe.useReader',
    summary: 'Chooses the reader this till sends its card payments to.',
    permission: 'settings.edit',
    input: z.object({ readerId: stripeReaderIdSchema }).strict(),
    output: z.object({ reader: stripeReaderSchema }),
  }),
  defineHandler({
    name: 'stripe.testCards',
    summary:
      'The test cards a cashier can tap on this till’s reader when it is a simulated reader on a test key (demo ' +
      'mode, or a Stripe test account): approved and declined cards; none otherwise.',
    permission: 'sales.sell',
    input: z.object({}).strict(),
    output: z.object({
      available: z.boolean(),
      cards: z.array(z.object({ card: z.enum(stripeTestCards), label: z.string(), approves: z.boolean() })),
    }),
  }),
  defineHandler({
    name: 'stripe.presentTestCard',
    summary:
      'Taps a test card on this till’s simulated reader (Stripe’s test helper), as a customer would: the payment ' +
      'the reader is collecting is then approved or declined. Refused unless the reader is simulated on a test key.',
    permission: 'sales.sell',
    input: z.object({ card: z.enum(stripeTestCards) }).strict(),
    output: z.object({ presented: z.literal(true) }),
  }),
  defineHandler({
    name: 'stripe.checkoutLink',
    summary:
      'The link of a pay-by-phone payment (a Stripe Checkout Session) while it is open, for its QR code; null ' +
      'once it is paid, expired or cancelled.',
    permission: 'sales.sell',
    input: z.object({ paymentId: ulidText() }).strict(),
    output: z.object({ url: z.string().nullable(), expiresAt: z.iso.datetime().nullable() }),
  }),
  defineHandler({
    name: 'stripe.tillReaders',
    summary:
      'The readers at this till’s Terminal location, for the checkout’s reader picker: each with its state ' +
      '(online, offline, or busy with a payment) and whether this till sends its card payments to it.',
    permission: 'sales.sell',
    input: z.object({}).strict(),
    output: z.object({ readers: z.array(tillReaderSchema) }),
  }),
  defineHandler({
    name: 'stripe.pickReader',
    summary:
      'At the checkout: sends this till’s card payments to another reader of its location (remembered for ' +
      'the next sales; a payment in flight stays with its own reader). Refused for a reader of another location.',
    permission: 'sales.sell',
    input: z.object({ readerId: stripeReaderIdSchema }).strict(),
    output: z.object({ reader: tillReaderSchema }),
  }),
  defineHandler({
    name: 'stripe.readerDriver',
    summary:
      'Who drives this till’s reader: `server` (the core hands the payment to the reader) or `js_sdk` (the page ' +
      'drives it with Stripe’s @stripe/terminal-js). Public: the host reads it to decide whether its pages may ' +
      'load Stripe’s script (the Content-Security-Policy).',
    permission: 'public',
    input: z.object({}).strict(),
    output: z.object({ driver: z.enum(['server', 'js_sdk']) }),
  }),
  defineHandler({
    name: 'stripe.setReaderDriver',
    summary:
      'Switches how this till drives its reader. `js_sdk` lets the page load Stripe’s script from js.stripe.com ' +
      '(the Content-Security-Policy allows it only then).',
    permission: 'settings.edit',
    input: z.object({ driver: z.enum(['server', 'js_sdk']) }).strict(),
    output: z.object({ driver: z.enum(['server', 'js_sdk']) }),
  }),
  defineHandler({
    name: 'stripe.connectionToken',
    summary:
      'A Stripe Terminal connection token for the page’s @stripe/terminal-js (only while the till drives its ' +
      'reader with it), scoped to this till’s location.',
    permission: 'sales.sell',
    input: z.object({}).strict(),
    output: z.object({ secret: z.string(), locationId: z.string().nullable() }),
  }),
  defineHandler({
    name: 'stripe.sdkPayment',
    summary:
      'What the page’s @stripe/terminal-js needs to collect a card payment in flight: the PaymentIntent’s client ' +
      'secret and the reader; null when the payment is not one the page drives.',
    permission: 'sales.sell',
    input: z.object({ paymentId: ulidText() }).strict(),
    output: z.object({
      payment: z.object({ clientSecret: z.string(), readerId: z.string().nullable() }).nullable(),
    }),
  }),
  // Paystack's set-up (paystack.ts): listed here, with the other card providers' handlers.
  ...paystackHandlers,
] as const;
