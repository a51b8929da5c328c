/**
 * Checkout Sessions (pay by phone): a session for an amount in `payment` mode with a hosted URL;
 * the simulator's own page at that URL (or `pay()` in process) pays it with a test card, which
 * makes and captures its PaymentIntent; `expire` ends an open one.
 */
import { invalid, required } from './errors';
import { metadataOf, obj, str, type FormObject, type FormValue } from './form';
import { stripeId, type Json, type SimObject } from './objects';
import { amountOf, authorize, createPaymentIntent, decline } from './payments';
import { type SimStore } from './store';
import { defaultTestCard, findTestCard } from './testCards';

function lineTotal(line: FormValue, index: number): { amount: number; currency: string } {
  if (typeof line !== 'object' || Array.isArray(line))
    throw invalid('Each line item must be an object.', { param: `line_items[${index}]` });
  const priceData = obj(line, 'price_data');
  const currency = str(priceData, 'currency');
  if (!currency) throw required(`line_items[${index}][price_data][currency]`);
  const unit = amountOf(priceData, 'unit_amount', true) as number;
  const quantityText = str(line, 'quantity') ?? '1';
  if (!/^\d{1,6}$/.test(quantityText))
    throw invalid('Invalid quantity.', { param: `line_items[${index}][quantity]` });
  if (!str(obj(priceData, 'product_data'), 'name'))
    required(`line_items[${index}][price_data][product_data][name]`);
  return { amount: unit * Number(quantityText), currency: currency.toLowerCase() };
}

export function createCheckoutSession(store: SimStore, form: FormObject, baseUrl: string): SimObject {
  const mode = str(form, 'mode');
  if (mode !== 'payment') throw invalid('The simulator supports mode=payment only.', { param: 'mode' });
  const lines = form.line_items;
  if (!Array.isArray(lines) || lines.length === 0) throw required('line_items');
  const totals = lines.map(lineTotal);
  const currency = totals[0]?.currency ?? 'usd';
  if (totals.some((t) => t.currency !== currency))
    throw invalid('All line items must have the same currency.', { param: 'line_items' });
  const amount = totals.reduce((sum, t) => sum + t.amount, 0);
  const successUrl = str(form, 'success_url') ?? null;
  const expiresText = str(form, 'expires_at');
  const expiresAt =
    expiresText && /^\d{1,12}$/.test(expiresText) ? Number(expiresText) : store.now() + 86_400;
  const id = stripeId('cs_test', 58);
  const session: SimObject = {
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: { enabled: false, liability: null, status: null, provider: null },
    billing_address_collection: null,
    cancel_url: str(form, 'cancel_url') ?? null,
    client_reference_id: str(form, 'client_reference_id') ?? null,
    client_secret: null,
    consent: null,
    consent_collection: null,
    created: store.now(),
    currency,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: null,
    customer_creation: 'if_required',
    customer_details: null,
    customer_email: null,
    expires_at: expiresAt,
    id,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    metadata: metadataOf(form),
    mode: 'payment',
    object: 'checkout.session',
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: `${baseUrl}/checkout/pay/${id}`,
    adaptive_pricing: { enabled: false },
    discounts: [],
    collected_information: null,
    permissions: null,
    wallet_options: null,
    origin_context: null,
    currency_conversion: null,
    customer_account: null,
    integration_identifier: null,
    managed_payments: null,
  };
  return store.put(session);
}

function checkOpen(store: SimStore, session: SimObject) {
  if (session.status === 'open' && (session.expires_at as number) <= store.now()) {
    session.status = 'expired';
    store.emit('checkout.session.expired', session);
  }
  if (session.status !== 'open') {
    throw invalid(`This Checkout Session is ${String(session.status)}.`, {
      code: 'checkout_session_unexpected_state',
    });
  }
}

export function expireCheckoutSession(store: SimStore, id: string): SimObject {
  const session = store.get('checkout.session', id);
  checkOpen(store, session);
  session.status = 'expired';
  store.emit('checkout.session.expired', session);
  return session;
}

/** The customer pays on the hosted page with a test card (declined cards leave it open). */
export function payCheckoutSession(
  store: SimStore,
  id: string,
  number = defaultTestCard,
): { session: SimObject; declined: string | null } {
  const session = store.get('checkout.session', id);
  checkOpen(store, session);
  const card = findTestCard(number);
  if (!card) throw invalid('Not a test card number.', { param: 'number' });
  const pi = createPaymentIntent(store, {
    amount: String(session.amount_total),
    currency: session.currency as string,
    capture_method: 'automatic',
    metadata: session.metadata as FormObject,
  });
  const facts = {
    brand: card.brand,
    last4: card.number.slice(-4),
    funding: card.funding,
    country: card.country,
    network: card.network,
    readMethod: 'manual_entry',
  };
  session.payment_intent = pi.id;
  if (card.decline) {
    decline(store, pi, facts, 'card', card.decline);
    return { session, declined: card.decline.declineCode };
  }
  authorize(store, pi, facts, 'card', 0);
  session.status = 'complete';
  session.payment_status = 'paid';
  session.customer_details = {
    email: null,
    name: null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
    address: null,
  } as Json;
  store.emit('checkout.session.completed', session);
  return { session, declined: null };
}
