/**
 * The `paystack.*` handlers: this till's Paystack key (NGN and other African currencies), kept in the
 * main process only and never returned (callers see its mode and last four), and the checkout link
 * of a Paystack payment in flight, for its QR code. Listed with the Stripe handlers (stripe.ts).
 */
import { z } from 'zod';
import { text, ulidText } from './bounds';
import { defineHandler } from './define';

/** The largest Paystack webhook body the till reads (Paystack's charge events are a few kilobytes). */
export const paystackWebhookMaxBytes = 64 * 1024;

export const paystackStatusSchema = z.object({
  keySource: z.enum(['file', 'env', 'demo', 'none']).describe('env: TILLPOINT_PAYSTACK_SECRET_KEY'),
  mode: z.enum(['test', 'live']).nullable(),
  keyHint: z.string().nullable().describe('the key kind, mode and last four characters: never the key'),
});

export const paystackHandlers = [
  defineHandler({
    name: 'paystack.status',
    summary: 'This till’s Paystack key: where it comes from, test or live, and its last four characters.',
    permission: 'settings.edit',
    input: z.object({}).strict(),
    output: paystackStatusSchema,
  }),
  defineHandler({
    name: 'paystack.setKey',
    summary:
      'Checks a Paystack secret key with Paystack and keeps it in the main process only (a 0600 file, sealed in ' +
      'the desktop app); never returned or logged. Refused when the key comes from the environment.',
    permission: 'settings.edit',
    input: z
      .object({
        secretKey: text({
          max: 255,
          trim: true,
          pattern: /^sk_(test|live)_[A-Za-z0-9]{8,247}$/,
          patternMessage: 'must be a Paystack secret key (sk_test_… or sk_live_…)',
        }),
      })
      .strict(),
    output: paystackStatusSchema,
  }),
  defineHandler({
    name: 'paystack.removeKey',
    summary: 'Forgets the stored Paystack key (the Paystack tender is then not set up).',
    permission: 'settings.edit',
    input: z.object({}).strict(),
    output: paystackStatusSchema,
  }),
  defineHandler({
    name: 'paystack.webhook',
    summary:
      'A Paystack webhook (the host’s POST /webhooks/paystack hands it on with its raw body): checked against ' +
      '`x-paystack-signature`, HMAC-SHA512 of the raw body with the secret key, before anything is read; taken once ' +
      'per event (a repeat is answered as a duplicate); `charge.success` of one of our payments is confirmed with ' +
      'Paystack and settles it at once instead of at the next poll. Needs no staff session.',
    permission: 'public',
    input: z
      .object({
        rawBody: z
          .string()
          .min(2, 'the webhook body is empty')
          .max(paystackWebhookMaxBytes, `the webhook body is over ${paystackWebhookMaxBytes} bytes`),
        signature: text({ max: 200 }).describe('the x-paystack-signature header'),
      })
      .strict(),
    output: z.object({
      outcome: z
        .enum(['applied', 'duplicate', 'ignored'])
        .describe('ignored: an event or a reference that is not one of our payments'),
      event: z.string(),
    }),
  }),
  defineHandler({
    name: 'paystack.checkoutLink',
    summary:
      'The checkout link of a Paystack payment in flight, for its QR code (null when not known or decided).',
    permission: 'sales.sell',
    input: z.object({ paymentId: ulidText() }).strict(),
    output: z.object({ url: z.string().nullable() }),
  }),
] as const;
