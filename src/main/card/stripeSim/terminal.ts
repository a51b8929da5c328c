/**
 * Stripe Terminal, server-driven: locations, readers registered with `simulated-wpe`, the reader
 * action `process_payment_intent` (the reader shows the amount and waits for a card),
 * `cancel_action`, and the test helper `present_payment_method` that stands for the customer's tap,
 * decided by Stripe's test cards and the amounts that decline. A reader can be put offline, and its
 * action failed or timed out, as faults.
 */
import { invalid, required, SimError } from './errors';
import { metadataOf, obj, str, type FormObject } from './form';
import { location, reader, type Json, type SimObject } from './objects';
import { amountOf, authorize, createRefund, decline } from './payments';
import { type SimStore } from './store';
import { amountDecline, defaultTestCard, findTestCard } from './testCards';

export const registrationCodes = ['simulated-wpe', 'simulated-s700'];

export function createLocation(store: SimStore, form: FormObject): SimObject {
  const displayName = str(form, 'display_name');
  if (!displayName) throw required('display_name');
  const address = obj(form, 'address');
  const country = str(address, 'country');
  if (!country) throw required('address[country]');
  if (!/^[A-Z]{2}$/.test(country))
    throw invalid('Country must be a two-letter ISO code.', { param: 'address[country]' });
  const fields: Record<string, string | null> = {};
  for (const key of ['city', 'country', 'line1', 'line2', 'postal_code', 'state'])
    fields[key] = str(address, key) ?? null;
  if (country === 'US' && (!fields.line1 || !fields.city || !fields.postal_code || !fields.state)) {
    throw invalid('A US address needs line1, city, state and postal_code.', { param: 'address' });
  }
  return store.put(location({ displayName, address: fields, metadata: metadataOf(form) }));
}

export function updateLocation(store: SimStore, id: string, form: FormObject): SimObject {
  const found = store.get('terminal.location', id);
  const displayName = str(form, 'display_name');
  if (displayName) found.display_name = displayName;
  Object.assign(found.metadata as object, metadataOf(form));
  return found;
}

export function createReader(store: SimStore, form: FormObject): SimObject {
  const code = str(form, 'registration_code');
  if (!code) throw required('registration_code');
  const locationId = str(form, 'location');
  if (!locationId) throw required('location');
  store.get('terminal.location', locationId, 'location');
  if (!registrationCodes.includes(code)) {
    throw invalid(`The registration code '${code.slice(0, 40)}' is invalid or has expired.`, {
      code: 'resource_missing',
      param: 'registration_code',
    });
  }
  const made = reader({
    label: str(form, 'label') ?? null,
    location: locationId,
    metadata: metadataOf(form),
  });
  if (code === 'simulated-s700') made.device_type = 'simulated_stripe_s700';
  return store.put(made);
}

function readerError(code: string, message: string): SimError {
  return invalid(message, { code });
}

function requireOnline(found: SimObject) {
  if (found.status !== 'online') {
    throw readerError(
      'terminal_reader_offline',
      'Reader is currently offline, please ensure the reader is powered on and connected to the internet before retrying your request.',
    );
  }
}

/** The reader's process_config as Stripe returns it: booleans and integers, not the form's text. */
function processConfigOf(config: FormObject): Json {
  const out: { [key: string]: Json } = {};
  for (const key of ['skip_tipping', 'enable_customer_cancellation']) {
    const value = str(config, key);
    if (value !== undefined) out[key] = value === 'true';
  }
  const eligible = str(obj(config, 'tipping'), 'amount_eligible');
  if (eligible !== undefined && /^\d{1,12}$/.test(eligible))
    out.tipping = { amount_eligible: Number(eligible) };
  return out;
}

export function processPaymentIntent(store: SimStore, id: string, form: FormObject): SimObject {
  const found = store.get('terminal.reader', id);
  const piId = str(form, 'payment_intent');
  if (!piId) throw required('payment_intent');
  const pi = store.get('payment_intent', piId, 'payment_intent');
  requireOnline(found);
  const action = found.action as { status: string } | null;
  if (action && action.status === 'in_progress') {
    throw readerError(
      'terminal_reader_busy',
      'Reader is currently busy processing another request. Please reference the integration guide for details on how to handle this error.',
    );
  }
  const types = pi.payment_method_types as string[];
  if (!types.includes('card_present') && !types.includes('interac_present')) {
    throw invalid(
      'The PaymentIntent must accept card_present or interac_present to be processed on a reader.',
      { param: 'payment_intent' },
    );
  }
  if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_confirmation') {
    throw invalid(
      `This PaymentIntent could not be processed because it has a status of ${String(pi.status)}.`,
      {
        code: 'payment_intent_unexpected_state',
        param: 'payment_intent',
      },
    );
  }
  const config = obj(form, 'process_config');
  found.action = {
    failure_code: null,
    failure_message: null,
    api_error: null,
    process_payment_intent: {
      payment_intent: pi.id,
      process_config: processConfigOf(config),
    },
    status: 'in_progress',
    type: 'process_payment_intent',
  };
  return found;
}

/** An in-person refund (Interac): the reader waits for the card the payment was made with. */
export function refundPayment(store: SimStore, id: string, form: FormObject): SimObject {
  const found = store.get('terminal.reader', id);
  requireOnline(found);
  if ((found.action as { status: string } | null)?.status === 'in_progress') {
    throw readerError('terminal_reader_busy', 'Reader is currently busy processing another request.');
  }
  const piId = str(form, 'payment_intent');
  const chargeId = str(form, 'charge');
  if (!piId && !chargeId) throw required('payment_intent');
  if (piId) store.get('payment_intent', piId, 'payment_intent');
  if (chargeId) store.get('charge', chargeId, 'charge');
  const amount = amountOf(form, 'amount', false);
  found.action = {
    failure_code: null,
    failure_message: null,
    api_error: null,
    refund_payment: {
      payment_intent: piId ?? null,
      charge: chargeId ?? null,
      amount: amount ?? null,
      metadata: JSON.parse(JSON.stringify(obj(form, 'metadata'))) as Json,
      refund: null,
    },
    status: 'in_progress',
    type: 'refund_payment',
  };
  return found;
}

export function cancelAction(store: SimStore, id: string): SimObject {
  const found = store.get('terminal.reader', id);
  requireOnline(found);
  const action = found.action as { status: string } | null;
  if (action && action.status !== 'in_progress') {
    // Nothing to stop: the last action already ended.
    return found;
  }
  found.action = null;
  return found;
}

function failAction(store: SimStore, found: SimObject, code: string, message: string, apiError: Json) {
  const action = found.action as Record<string, Json>;
  found.action = {
    ...action,
    status: 'failed',
    failure_code: code,
    failure_message: message,
    api_error: apiError,
  };
  store.emit('terminal.reader.action_failed', found);
}

export function presentPaymentMethod(store: SimStore, id: string, form: FormObject): SimObject {
  const found = store.get('terminal.reader', id);
  requireOnline(found);
  const pendingRefund = found.action as {
    status: string;
    type: string;
    refund_payment?: Record<string, Json>;
  } | null;
  if (
    pendingRefund?.status === 'in_progress' &&
    pendingRefund.type === 'refund_payment' &&
    pendingRefund.refund_payment
  ) {
    const asked = pendingRefund.refund_payment;
    const refundForm: FormObject = { metadata: (asked.metadata ?? {}) as FormObject };
    if (typeof asked.payment_intent === 'string') refundForm.payment_intent = asked.payment_intent;
    if (typeof asked.charge === 'string') refundForm.charge = asked.charge;
    if (typeof asked.amount === 'number') refundForm.amount = String(asked.amount);
    try {
      const made = createRefund(store, refundForm, true);
      found.action = { ...pendingRefund, status: 'succeeded', refund_payment: { ...asked, refund: made.id } };
      store.emit('terminal.reader.action_succeeded', found);
    } catch (error) {
      if (!(error instanceof SimError)) throw error;
      failAction(store, found, error.body.code ?? 'refund_failed', error.message, null);
    }
    return found;
  }
  const action = found.action as {
    status: string;
    type: string;
    process_payment_intent?: { payment_intent: string };
  } | null;
  if (
    !action ||
    action.status !== 'in_progress' ||
    action.type !== 'process_payment_intent' ||
    !action.process_payment_intent
  ) {
    throw invalid('The reader has no payment in progress: call process_payment_intent first.', {
      code: 'terminal_reader_action_missing',
    });
  }
  const pi = store.get('payment_intent', action.process_payment_intent.payment_intent);
  const type = str(form, 'type') === 'interac_present' ? 'interac_present' : 'card_present';
  const number = str(obj(form, type), 'number') ?? defaultTestCard;
  const card = findTestCard(number);
  if (!card)
    throw invalid(`${number.slice(0, 30)} is not one of Stripe's test card numbers.`, {
      param: `${type}[number]`,
    });
  // The reader asks for a tip unless the payment was sent with process_config[skip_tipping]=true.
  const config = (action.process_payment_intent as { process_config?: { skip_tipping?: boolean } })
    .process_config;
  const tip = config?.skip_tipping === true ? 0 : (amountOf(form, 'amount_tip', false) ?? 0);
  const facts = {
    brand: card.brand,
    last4: card.number.slice(-4),
    funding: card.funding,
    country: card.country,
    network: card.network,
    readMethod: str(form, 'read_method') ?? 'contactless_emv',
  };
  const options = pi.payment_method_options as { card_present?: { capture_method?: string } } | null;
  const preferred = options?.card_present?.capture_method === 'manual_preferred';
  const interac = type === 'interac_present' || card.brand === 'interac';
  const interacManual =
    interac && pi.capture_method === 'manual' && !preferred
      ? {
          code: 'card_declined',
          declineCode: 'transaction_not_allowed',
          message:
            'Interac cannot be captured later: use payment_method_options[card_present][capture_method]=manual_preferred.',
        }
      : undefined;
  const failure = interacManual ?? card.decline ?? amountDecline((pi.amount as number) + tip);
  if (failure) {
    const error = decline(store, pi, facts, type, failure);
    failAction(store, found, failure.code, failure.message, error);
  } else {
    authorize(store, pi, facts, interac ? 'interac_present' : type, tip, interac && preferred);
    found.action = { ...(found.action as Record<string, Json>), status: 'succeeded' };
    store.emit('terminal.reader.action_succeeded', found);
  }
  return found;
}

/** A PaymentIntent cancelled while a reader shows it: the reader stops. */
export function releaseReaderOf(store: SimStore, pi: SimObject): void {
  for (const found of store.all('terminal.reader')) {
    const action = found.action as {
      status: string;
      process_payment_intent?: { payment_intent: string };
    } | null;
    if (action?.status === 'in_progress' && action.process_payment_intent?.payment_intent === pi.id) {
      failAction(store, found, 'payment_intent_canceled', 'The PaymentIntent was canceled.', null);
    }
  }
}

/** Faults: the reader goes offline (or back), or its action ends as the reader would end it. */
export const readerFaults = {
  setStatus(store: SimStore, id: string, status: 'online' | 'offline') {
    store.get('terminal.reader', id).status = status;
  },
  timeOut(store: SimStore, id: string) {
    const found = store.get('terminal.reader', id);
    if ((found.action as { status?: string } | null)?.status === 'in_progress') {
      failAction(store, found, 'terminal_reader_timeout', 'The reader timed out waiting for a card.', null);
    }
  },
  customerCancels(store: SimStore, id: string) {
    const found = store.get('terminal.reader', id);
    if ((found.action as { status?: string } | null)?.status === 'in_progress') {
      failAction(store, found, 'customer_canceled', 'The customer canceled the payment on the reader.', null);
    }
  },
};
