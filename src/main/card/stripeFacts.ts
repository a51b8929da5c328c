/**
 * From Stripe's objects to our words: amounts (bigint minor units ↔ Stripe's integers), what we send
 * to create a PaymentIntent (a pure function of the payment, so a retry with the same idempotency key
 * sends the same request), and the card facts a receipt needs, from the charge's `card_present`.
 */
import type Stripe from 'stripe';
import { TillpointError } from '../../shared/api/errors';

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

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
  // Interac debit (Canada) cannot be captured later: `manual_preferred` captures it at once and keeps
  // manual capture for the other cards.
  const interac = payment.currency.toUpperCase() === 'CAD';
  return {
    amount: toStripeAmount(payment.amountMinor),
    currency: payment.currency.toLowerCase(),
    allowed_payment_method_types: interac ? ['card_present', 'interac_present'] : ['card_present'],
    capture_method: 'manual',
    ...(interac
      ? { payment_method_options: { card_present: { capture_method: 'manual_preferred' as const } } }
      : {}),
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
  return details.brand && details.last4 ? `${title(details.brand)} •••• ${details.last4}` : undefined;
}

const readMethods: Record<string, string> = {
  contactless_emv: 'Contactless',
  contact_emv: 'Chip',
  contactless_magstripe_mode: 'Contactless (magstripe)',
  magnetic_stripe_track2: 'Swiped',
  magnetic_stripe_fallback: 'Swiped (fallback)',
};

/**
 * What a receipt shows of a card payment, from the facts kept with it (`details` of a succeeded
 * card payment): the label ("Visa •••• 4242") and the lines card brands require for chip and
 * contactless payments: entry mode, application name, AID, account type, authorisation code.
 */
export function cardReceiptFacts(details: Readonly<Record<string, unknown>>): {
  label: string;
  lines: { label: string; value: string }[];
} {
  // At most 80 characters each, as the receipt model takes them.
  const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value.slice(0, 80) : null);
  const brand = textOf(details.brand);
  const last4 = textOf(details.last4);
  const label = brand && last4 ? `${title(brand)} •••• ${last4}` : 'Card';
  const receipt = (
    typeof details.receipt === 'object' && details.receipt !== null ? details.receipt : {}
  ) as Record<string, unknown>;
  const lines: { label: string; value: string }[] = [];
  const add = (name: string, value: string | null) => {
    if (value) lines.push({ label: name, value });
  };
  const readMethod = textOf(details.readMethod);
  add('Entry', readMethod ? (readMethods[readMethod] ?? readMethod) : null);
  add('Application', textOf(receipt.applicationPreferredName));
  add('AID', textOf(receipt.dedicatedFileName));
  const account = textOf(receipt.accountType);
  add('Account', account ? title(account) : null);
  add('Auth code', textOf(receipt.authorizationCode));
  return { label, lines };
}
