/**
 * From Stripe's objects to our words: amounts (bigint minor units ↔ Stripe's integers), what we send
 * to create a PaymentIntent (a pure function of the payment, so a retry with the same idempotency key
 * sends the same request), and the card facts a receipt needs, from the charge's `card_present`.
 */
import type Stripe from 'stripe';
import { TillpointError } from '../../shared/api/errors';

/** Stripe's largest amount: eight digits of minor units. */
const maxStripeAmount = 99_999_999n;

export function toStripeAmount(amountMinor: bigint): number {
  if (amountMinor <= 0n || amountMinor > maxStripeAmount) {
    throw new TillpointError(
      'bad_input',
      'A card payment must be more than zero and at most 99,999,999 minor units.',
      {
        amountMinor: amountMinor.toString(),
      },
    );
  }
  return Number(amountMinor);
}

/** Idempotency keys: one per Stripe write of a payment or a refund share, from our own ids. */
export const idempotencyKey = (id: string, step: 'create' | 'process' | 'capture' | 'cancel' | 'refund') =>
  `tillpoint-${step}-${id}`;

export function paymentIntentParams(payment: {
  paymentId: string;
  orderId: string;
  currency: string;
  amountMinor: bigint;
}): Stripe.PaymentIntentCreateParams {
  return {
    amount: toStripeAmount(payment.amountMinor),
    currency: payment.currency.toLowerCase(),
    allowed_payment_method_types: ['card_present'],
    capture_method: 'manual',
    description: `Tillpoint order ${payment.orderId}`,
    metadata: { tillpoint_payment_id: payment.paymentId, tillpoint_order_id: payment.orderId },
  };
}

export interface CardDetails {
  readonly paymentIntentId: string;
  readonly chargeId: string | null;
  readonly readerId: string | null;
  readonly brand: string | null;
  readonly last4: string | null;
  readonly readMethod: string | null;
  readonly receipt: {
    readonly applicationPreferredName: string | null;
    readonly dedicatedFileName: string | null;
    readonly accountType: string | null;
    readonly authorizationCode: string | null;
    readonly authorizationResponseCode: string | null;
    readonly cardholderVerificationMethod: string | null;
  } | null;
}

/** The card facts of a PaymentIntent retrieved with `expand: ['latest_charge']`. */
export function cardDetailsOf(pi: Stripe.PaymentIntent, readerId: string | null): CardDetails {
  const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  const card = charge?.payment_method_details?.card_present ?? null;
  const receipt = card?.receipt ?? null;
  return {
    paymentIntentId: pi.id,
    chargeId: charge?.id ?? (typeof pi.latest_charge === 'string' ? pi.latest_charge : null),
    readerId,
    brand: card?.brand ?? null,
    last4: card?.last4 ?? null,
    readMethod: card?.read_method ?? null,
    receipt: receipt
      ? {
          applicationPreferredName: receipt.application_preferred_name ?? null,
          dedicatedFileName: receipt.dedicated_file_name ?? null,
          accountType: receipt.account_type ?? null,
          authorizationCode: receipt.authorization_code ?? null,
          authorizationResponseCode: receipt.authorization_response_code ?? null,
          cardholderVerificationMethod: receipt.cardholder_verification_method ?? null,
        }
      : null,
  };
}

/** The card in the cashier's words: "visa •••• 4242". */
export function cardWords(details: CardDetails): string | undefined {
  return details.brand && details.last4 ? `${details.brand} •••• ${details.last4}` : undefined;
}
