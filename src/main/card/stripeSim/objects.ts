/**
 * The simulator's objects, built with exactly the top-level fields of Stripe's own sample of each
 * resource (fixtures3.json; test/stripe-sim/fixtures.test.ts checks it). They are kept as the JSON
 * Stripe would send and changed in place as the simulated world moves on.
 */
import { randomBytes } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type SimObject = { [key: string]: Json } & { id: string; object: string };

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return `${prefix}_${out}`;
}

const nullAddress = () => ({
  city: null,
  country: null,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
});

export function paymentIntent(input: {
  amount: number;
  currency: string;
  captureMethod: string;
  paymentMethodTypes: string[];
  metadata: Record<string, string>;
  description: string | null;
  created: number;
}): SimObject {
  const id = stripeId('pi');
  return {
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: input.captureMethod,
    client_secret: `${id}_secret_${stripeId('x', 25).slice(2)}`,
    confirmation_method: 'automatic',
    created: input.created,
    currency: input.currency,
    customer: null,
    description: input.description,
    id,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata,
    next_action: null,
    object: 'payment_intent',
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: input.paymentMethodTypes,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
    source: null,
    excluded_payment_method_types: null,
    customer_account: null,
    managed_payments: null,
  };
}

export interface CardFacts {
  brand: string;
  last4: string;
  funding: string;
  country: string;
  network: string;
  readMethod: string;
}

/** A card-present charge: what the reader read, and the fields card brands require on receipts. */
export function charge(input: {
  amount: number;
  currency: string;
  paymentIntent: string;
  paymentMethod: string;
  card: CardFacts;
  type: 'card' | 'card_present' | 'interac_present';
  failure: { code: string; message: string; declineCode: string } | null;
  metadata: Record<string, string>;
  description: string | null;
  created: number;
}): SimObject {
  const id = stripeId('ch');
  const failed = input.failure !== null;
  const details = {
    amount_authorized: failed ? null : input.amount,
    brand: input.card.brand,
    cardholder_name: null,
    country: input.card.country,
    emv_auth_data: failed ? null : '8A023030',
    exp_month: 12,
    exp_year: 2034,
    fingerprint: stripeId('fp', 16).slice(3),
    funding: input.card.funding,
    generated_card: failed ? null : stripeId('pm'),
    last4: input.card.last4,
    network: input.card.network,
    read_method: input.card.readMethod,
    receipt: {
      account_type: input.card.funding === 'debit' ? 'checking' : 'credit',
      application_cryptogram: 'EFB3B4B4B1F5C7A9',
      application_preferred_name:
        input.card.brand === 'visa' ? 'Visa Credit' : input.card.brand.toUpperCase(),
      authorization_code: failed ? null : '123456',
      authorization_response_code: failed ? '05' : '00',
      cardholder_verification_method: 'none',
      dedicated_file_name: input.card.brand === 'visa' ? 'A0000000031010' : 'A0000000041010',
      terminal_verification_results: '0000000000',
      transaction_status_information: '0000',
    },
  };
  return {
    amount: input.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: nullAddress(), email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: failed ? null : 'TILLPOINT',
    captured: false,
    created: input.created,
    currency: input.currency,
    customer: null,
    description: input.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: input.failure?.code ?? null,
    failure_message: input.failure?.message ?? null,
    fraud_details: {},
    id,
    livemode: false,
    metadata: input.metadata,
    object: 'charge',
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: failed ? '05' : null,
      network_status: failed ? 'declined_by_network' : 'approved_by_network',
      reason: input.failure?.declineCode ?? null,
      seller_message: failed
        ? 'The bank did not return any further details with this decline.'
        : 'Payment complete.',
      type: failed ? 'issuer_declined' : 'authorized',
    },
    paid: !failed,
    payment_intent: input.paymentIntent,
    payment_method: input.paymentMethod,
    payment_method_details: { [input.type]: details, type: input.type },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { data: [], has_more: false, object: 'list', url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: failed ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: null,
    source: null,
  };
}

export function refund(input: {
  amount: number;
  currency: string;
  charge: string;
  paymentIntent: string | null;
  reason: string | null;
  metadata: Record<string, string>;
  paymentMethod: string | null;
  created: number;
}): SimObject {
  return {
    amount: input.amount,
    balance_transaction: null,
    charge: input.charge,
    created: input.created,
    currency: input.currency,
    destination_details: { card: { type: 'reversal' }, type: 'card' },
    id: stripeId('re'),
    metadata: input.metadata,
    object: 'refund',
    payment_intent: input.paymentIntent,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
    customer: null,
    customer_account: null,
    payment_method: input.paymentMethod,
  };
}

/** Stripe's standard US in-person fee, in minor units: 2.7 % + 5, rounded half up. */
export function terminalFee(amount: number): number {
  return Math.floor((Math.abs(amount) * 27 + 500) / 1000) + 5;
}

export function balanceTransaction(input: {
  amount: number;
  fee: number;
  currency: string;
  source: string;
  type: 'charge' | 'refund' | 'payout';
  description: string | null;
  created: number;
  availableOn: number;
}): SimObject {
  return {
    amount: input.amount,
    available_on: input.availableOn,
    created: input.created,
    currency: input.currency,
    description: input.description,
    exchange_rate: null,
    fee: input.fee,
    fee_details:
      input.fee === 0
        ? []
        : [
            {
              amount: input.fee,
              application: null,
              currency: input.currency,
              description: 'Stripe processing fees',
              type: 'stripe_fee',
            },
          ],
    id: stripeId('txn'),
    net: input.amount - input.fee,
    object: 'balance_transaction',
    reporting_category: input.type,
    source: input.source,
    status: input.type === 'charge' ? 'pending' : 'available',
    type: input.type,
    balance_type: 'payments',
  };
}

export function payout(input: {
  amount: number;
  currency: string;
  description: string | null;
  metadata: Record<string, string>;
  created: number;
  arrivalDate: number;
}): SimObject {
  return {
    amount: input.amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: input.arrivalDate,
    automatic: false,
    balance_transaction: null,
    created: input.created,
    currency: input.currency,
    description: input.description,
    destination: 'ba_simulated_bank_account',
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    id: stripeId('po'),
    livemode: false,
    metadata: input.metadata,
    method: 'standard',
    object: 'payout',
    original_payout: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: null,
    status: 'pending',
    type: 'bank_account',
    trace_id: { status: 'pending', value: null },
    payout_method: null,
  };
}

export function location(input: {
  displayName: string;
  address: Record<string, string | null>;
  metadata: Record<string, string>;
}): SimObject {
  return {
    address: { ...nullAddress(), ...input.address },
    display_name: input.displayName,
    id: stripeId('tml'),
    livemode: false,
    metadata: input.metadata,
    object: 'terminal.location',
  };
}

export function reader(input: {
  label: string | null;
  location: string;
  metadata: Record<string, string>;
}): SimObject {
  const serial = `simulated-wpe-${stripeId('x', 12).slice(2).toLowerCase()}`;
  return {
    action: null,
    device_sw_version: '',
    device_type: 'simulated_wisepos_e',
    id: stripeId('tmr'),
    ip_address: '0.0.0.0',
    label: input.label ?? serial,
    livemode: false,
    location: input.location,
    metadata: input.metadata,
    object: 'terminal.reader',
    serial_number: serial,
    status: 'online',
    last_seen_at: null,
  };
}

export function connectionToken(): { object: string; secret: string } {
  return { object: 'terminal.connection_token', secret: `pst_test_${stripeId('x', 30).slice(2)}` };
}

export function event(input: {
  type: string;
  object: Json;
  previous?: Record<string, Json>;
  created: number;
  requestId: string | null;
  idempotencyKey: string | null;
  apiVersion: string | null;
}): SimObject {
  return {
    api_version: input.apiVersion,
    created: input.created,
    data: { object: input.object, ...(input.previous ? { previous_attributes: input.previous } : {}) },
    id: stripeId('evt'),
    livemode: false,
    object: 'event',
    pending_webhooks: 0,
    request: { id: input.requestId, idempotency_key: input.idempotencyKey },
    type: input.type,
  };
}
