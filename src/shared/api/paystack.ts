/**
 * The `paystack.*` handlers: this till's Paystack key (NGN and other African currencies), kept in the
 * main process only and never returned (callers see its mode and last four), and the checkout link
 * of a Paystack payment in flight, for its QR code. Listed with the Stripe handlers (stripe.ts).
 */
import { z } from 'zod';
import { text, ulidText } from './bounds';
import { defineHandler } from './define';

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
    name: 'paystack.checkoutLink',
    summary:
      'The checkout link of a Paystack payment in flight, for its QR code (null when not known or decided).',
    permission: 'sales.sell',
    input: z.object({ paymentId: ulidText() }).strict(),
    output: z.object({ url: z.string().nullable() }),
  }),
] as const;
