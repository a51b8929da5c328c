/**
 * PaymentIntents with Stripe's status machine (requires_payment_method → requires_capture →
 * succeeded, or canceled), their charges, refunds and balance transactions. A card is
 * authorised or declined by a reader (terminal.ts); capture, cancel and refunds are API calls.
 */
import { invalid, required, unexpectedState } from './errors';
import { list, metadataOf, obj, str, type FormObject } from './form';
import {
  balanceTransaction,
  charge,
  paymentIntent,
  refund,
  stripeId,
  terminalFee,
  type CardFacts,
  type Json,
  type SimObject,
} from './objects';
import { type SimStore } from './store';

const minimums: Record<string, number> = { usd: 50, cad: 50, eur: 50, aud: 50, nzd: 50, chf: 50, gbp: 30 };
const maxAmount = 99_999_999;
const captureMethods = ['automatic', 'automatic_async', 'manual'];
const cancelable = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const updatable = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export function amountOf(form: FormObject, param: string, needed: boolean): number | undefined {
  const text = str(form, param);
  if (text === undefined || text === '') {
    if (needed) throw required(param);
    return undefined;
  }
  if (!/^\d{1,12}$/.test(text)) throw invalid(`Invalid integer: ${text.slice(0, 40)}`, { param });
  const amount = Number(text);
  if (amount > maxAmount)
    throw invalid('Amount must be no more than $999,999.99', { code: 'amount_too_large', param });
  return amount;
}

export function currencyOf(form: FormObject, needed: boolean): string | undefined {
  const text = str(form, 'currency');
  if (text === undefined) {
    if (needed) throw required('currency');
    return undefined;
  }
  if (!/^[a-zA-Z]{3}$/.test(text))
    throw invalid(`Invalid currency: ${text.slice(0, 20)}.`, { param: 'currency' });
  return text.toLowerCase();
}

function checkMinimum(amount: number, currency: string) {
  const minimum = minimums[currency] ?? 1;
  if (amount < minimum) {
    throw invalid(`Amount must be at least ${minimum} ${currency} minor units`, {
      code: 'amount_too_small',
      param: 'amount',
    });
  }
}

function mergeMetadata(target: SimObject, form: FormObject) {
  const current = target.metadata as Record<string, string>;
  for (const [key, value] of Object.entries(obj(form, 'metadata'))) {
    if (typeof value !== 'string') continue;
    if (value === '') delete current[key];
    else current[key] = value;
  }
}

export function createPaymentIntent(store: SimStore, form: FormObject): SimObject {
  const amount = amountOf(form, 'amount', true) as number;
  const currency = currencyOf(form, true) as string;
  checkMinimum(amount, currency);
  const captureMethod = str(form, 'capture_method') ?? 'automatic_async';
  if (!captureMethods.includes(captureMethod)) {
    throw invalid(`Invalid capture_method: must be one of ${captureMethods.join(', ')}`, {
      param: 'capture_method',
    });
  }
  if (str(form, 'confirm') === 'true') {
    throw invalid('The simulator confirms card_present PaymentIntents on a reader only.', {
      param: 'confirm',
    });
  }
  // `allowed_payment_method_types` in the current API version, `payment_method_types` before it.
  const types = [...list(form, 'allowed_payment_method_types'), ...list(form, 'payment_method_types')];
  const made = paymentIntent({
    amount,
    currency,
    captureMethod,
    paymentMethodTypes: types.length > 0 ? types : ['card'],
    metadata: metadataOf(form),
    description: str(form, 'description') ?? null,
    created: store.now(),
  });
  made.payment_method_options = JSON.parse(JSON.stringify(obj(form, 'payment_method_options'))) as Json;
  store.put(made);
  store.emit('payment_intent.created', made);
  return made;
}

export function updatePaymentIntent(store: SimStore, id: string, form: FormObject): SimObject {
  const pi = store.get('payment_intent', id);
  if (!updatable.includes(pi.status as string))
    throw unexpectedState('payment_intent', id, pi.status as string, 'update');
  const amount = amountOf(form, 'amount', false);
  const currency = currencyOf(form, false);
  if (currency !== undefined) pi.currency = currency;
  if (amount !== undefined) {
    checkMinimum(amount, pi.currency as string);
    pi.amount = amount;
  }
  const description = str(form, 'description');
  if (description !== undefined) pi.description = description === '' ? null : description;
  mergeMetadata(pi, form);
  return pi;
}

/** The reader read a card and the issuer approved it. */
export function authorize(
  store: SimStore,
  pi: SimObject,
  card: CardFacts,
  type: 'card' | 'card_present' | 'interac_present',
  tip: number,
  captureNow = false,
) {
  if (tip > 0) {
    pi.amount = (pi.amount as number) + tip;
    pi.amount_details = { tip: { amount: tip } };
  }
  const made = store.put(
    charge({
      amount: pi.amount as number,
      currency: pi.currency as string,
      paymentIntent: pi.id,
      paymentMethod: stripeId('pm'),
      card,
      type,
      failure: null,
      metadata: { ...(pi.metadata as Record<string, string>) },
      description: pi.description as string | null,
      created: store.now(),
    }),
  );
  pi.latest_charge = made.id;
  pi.payment_method = made.payment_method ?? null;
  pi.last_payment_error = null;
  store.emit('charge.succeeded', made);
  if (pi.capture_method === 'manual' && !captureNow) {
    pi.status = 'requires_capture';
    pi.amount_capturable = pi.amount ?? 0;
    store.emit('payment_intent.amount_capturable_updated', pi);
  } else {
    capture(store, pi, pi.amount as number);
  }
  return made;
}

/** The reader read a card and it was declined: the PaymentIntent wants another payment method. */
export function decline(
  store: SimStore,
  pi: SimObject,
  card: CardFacts,
  type: 'card' | 'card_present' | 'interac_present',
  failure: { code: string; declineCode: string; message: string },
) {
  const made = store.put(
    charge({
      amount: pi.amount as number,
      currency: pi.currency as string,
      paymentIntent: pi.id,
      paymentMethod: stripeId('pm'),
      card,
      type,
      failure,
      metadata: { ...(pi.metadata as Record<string, string>) },
      description: pi.description as string | null,
      created: store.now(),
    }),
  );
  const error = {
    type: 'card_error',
    code: failure.code,
    decline_code: failure.declineCode,
    message: failure.message,
    charge: made.id,
    doc_url: `https://stripe.com/docs/error-codes/${failure.code.replace(/_/g, '-')}`,
  };
  pi.latest_charge = made.id;
  pi.payment_method = null;
  pi.last_payment_error = error;
  pi.status = 'requires_payment_method';
  store.emit('charge.failed', made);
  store.emit('payment_intent.payment_failed', pi);
  return error;
}

function capture(store: SimStore, pi: SimObject, amount: number) {
  const ch = store.get('charge', pi.latest_charge as string);
  const txn = store.put(
    balanceTransaction({
      amount,
      fee: terminalFee(amount),
      currency: pi.currency as string,
      source: ch.id,
      type: 'charge',
      description: pi.description as string | null,
      created: store.now(),
      availableOn: store.now() + 2 * 86_400,
    }),
  );
  ch.captured = true;
  ch.amount_captured = amount;
  ch.balance_transaction = txn.id;
  pi.amount_received = amount;
  pi.amount_capturable = 0;
  pi.status = 'succeeded';
  store.emit('charge.captured', ch);
  store.emit('payment_intent.succeeded', pi);
}

export function capturePaymentIntent(store: SimStore, id: string, form: FormObject): SimObject {
  const pi = store.get('payment_intent', id);
  if (pi.status !== 'requires_capture')
    throw unexpectedState('payment_intent', id, pi.status as string, 'capture');
  const amount = amountOf(form, 'amount_to_capture', false) ?? (pi.amount_capturable as number);
  if (amount > (pi.amount_capturable as number)) {
    throw invalid('The amount to capture cannot be more than the amount capturable.', {
      code: 'amount_too_large',
      param: 'amount_to_capture',
    });
  }
  capture(store, pi, amount);
  return pi;
}

export function cancelPaymentIntent(
  store: SimStore,
  id: string,
  form: FormObject,
  onCancel: (pi: SimObject) => void,
): SimObject {
  const pi = store.get('payment_intent', id);
  if (!cancelable.includes(pi.status as string))
    throw unexpectedState('payment_intent', id, pi.status as string, 'cancel');
  const reason = str(form, 'cancellation_reason') ?? null;
  const reasons = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'];
  if (reason !== null && !reasons.includes(reason)) {
    throw invalid(`Invalid cancellation_reason: must be one of ${reasons.join(', ')}`, {
      param: 'cancellation_reason',
    });
  }
  if (pi.status === 'requires_capture' && pi.latest_charge) {
    // The authorisation is released: the uncaptured charge shows as refunded.
    const ch = store.get('charge', pi.latest_charge as string);
    ch.refunded = true;
    ch.amount_refunded = ch.amount ?? 0;
  }
  pi.status = 'canceled';
  pi.cancellation_reason = reason;
  pi.canceled_at = store.now();
  pi.amount_capturable = 0;
  onCancel(pi);
  store.emit('payment_intent.canceled', pi);
  return pi;
}

/** A refund through the API; `inPerson`: made on a reader with the card present (Interac). */
export function createRefund(store: SimStore, form: FormObject, inPerson = false): SimObject {
  const piId = str(form, 'payment_intent');
  const chId = str(form, 'charge');
  if (!piId && !chId)
    throw invalid(
      'One of the following params should be provided for this request: payment_intent or charge.',
    );
  let ch: SimObject;
  if (piId) {
    const pi = store.get('payment_intent', piId, 'payment_intent');
    if (pi.status !== 'succeeded' || !pi.latest_charge) {
      throw invalid(`This PaymentIntent (${piId}) does not have a successful charge to refund.`, {
        code: 'charge_not_refundable',
        param: 'payment_intent',
      });
    }
    ch = store.get('charge', pi.latest_charge as string);
  } else {
    ch = store.get('charge', chId as string, 'charge');
    if (!ch.captured)
      throw invalid(`Charge ${ch.id} has not been captured.`, {
        code: 'charge_not_refundable',
        param: 'charge',
      });
  }
  const details = ch.payment_method_details as { type?: string } | null;
  if (details?.type === 'interac_present' && !inPerson) {
    throw invalid('Interac payments are refunded in person, on a reader (refund_payment).', {
      code: 'charge_not_refundable',
    });
  }
  const left = (ch.amount_captured as number) - (ch.amount_refunded as number);
  if (left <= 0)
    throw invalid(`Charge ${ch.id} has already been refunded.`, { code: 'charge_already_refunded' });
  const amount = amountOf(form, 'amount', false) ?? left;
  if (amount < 1) throw invalid('Refund amount must be positive.', { param: 'amount' });
  if (amount > left) {
    throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
  const reason = str(form, 'reason') ?? null;
  if (reason !== null && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
    throw invalid('Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer', {
      param: 'reason',
    });
  }
  const made = refund({
    amount,
    currency: ch.currency as string,
    charge: ch.id,
    paymentIntent: (ch.payment_intent as string | null) ?? null,
    reason,
    metadata: metadataOf(form),
    paymentMethod: ch.payment_method as string | null,
    created: store.now(),
  });
  const txn = store.put(
    balanceTransaction({
      amount: -amount,
      fee: 0,
      currency: ch.currency as string,
      source: made.id,
      type: 'refund',
      description: 'REFUND FOR CHARGE',
      created: store.now(),
      availableOn: store.now(),
    }),
  );
  made.balance_transaction = txn.id;
  if (!inPerson) store.holdRefund(made);
  store.put(made);
  ch.amount_refunded = (ch.amount_refunded as number) + amount;
  ch.refunded = ch.amount_refunded === ch.amount_captured;
  const refunds = ch.refunds as { data: Json[] };
  refunds.data.unshift(made);
  store.emit('refund.created', made);
  store.emit('charge.refunded', ch);
  return made;
}
