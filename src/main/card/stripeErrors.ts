/**
 * Stripe's errors, worded for the cashier and sorted by what to do: a decline (try another card),
 * a reader that is offline, busy or timed out, a refusal (bad request), or the network (try again:
 * the same idempotency key makes the retry safe).
 */
import Stripe from 'stripe';

export type StripeTrouble = 'declined' | 'reader' | 'refused' | 'network';

export interface DescribedError {
  readonly kind: StripeTrouble;
  readonly code: string | null;
  readonly message: string;
}

const readerWords: Record<string, string> = {
  terminal_reader_offline: 'The card reader is offline: check its power and network.',
  terminal_reader_busy: 'The card reader is busy with another payment.',
  terminal_reader_timeout: 'The card reader did not answer in time.',
  terminal_reader_hardware_fault: 'The card reader reports a hardware fault.',
  customer_canceled: 'The customer cancelled on the reader.',
  payment_intent_canceled: 'The payment was cancelled.',
};

/** The cashier's words for a decline: its code and what Stripe says. */
export function declineWords(
  code: string | null | undefined,
  declineCode: string | null | undefined,
  message?: string | null,
): string {
  const reason =
    declineCode && declineCode !== code
      ? `${code ?? 'card_declined'}: ${declineCode}`
      : (code ?? 'card_declined');
  return `Declined (${reason})${message ? `: ${message}` : ''}`;
}

export function readerFailureWords(
  code: string | null | undefined,
  message: string | null | undefined,
): string {
  return (code && readerWords[code]) ?? message ?? 'The reader stopped without a result.';
}

export function describeStripeError(error: unknown): DescribedError {
  if (error instanceof Stripe.errors.StripeCardError) {
    return {
      kind: 'declined',
      code: error.code ?? null,
      message: declineWords(error.code, error.decline_code, error.message),
    };
  }
  if (error instanceof Stripe.errors.StripeError) {
    const code = error.code ?? null;
    if (code && code.startsWith('terminal_reader_')) {
      return { kind: 'reader', code, message: readerWords[code] ?? error.message };
    }
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError ||
      (error.statusCode !== undefined && error.statusCode >= 500)
    ) {
      return { kind: 'network', code, message: 'Stripe could not be reached; trying again.' };
    }
    if (error instanceof Stripe.errors.StripeAuthenticationError) {
      return {
        kind: 'refused',
        code,
        message: 'Stripe refused the secret key: check it in the Stripe settings.',
      };
    }
    return { kind: 'refused', code, message: `Stripe refused it: ${error.message}` };
  }
  return { kind: 'network', code: null, message: error instanceof Error ? error.message : String(error) };
}
