/** The simulator's API: Stripe's paths, each to what it does in the simulated world. */
import { invalid } from './errors';
import { str, type FormObject } from './form';
import { connectionToken, type SimObject } from './objects';
import {
  cancelPaymentIntent,
  capturePaymentIntent,
  createPaymentIntent,
  createRefund,
  updatePaymentIntent,
} from './payments';
import { createCheckoutSession, expireCheckoutSession } from './checkout';
import { cancelPayout, createPayout } from './payouts';
import { type SimStore } from './store';
import {
  cancelAction,
  createLocation,
  createReader,
  presentPaymentMethod,
  processPaymentIntent,
  refundPayment,
  releaseReaderOf,
  updateLocation,
} from './terminal';

export interface RouteContext {
  readonly store: SimStore;
  readonly form: FormObject;
  readonly params: readonly string[];
  readonly path: string;
  readonly baseUrl: string;
}

type Handler = (ctx: RouteContext) => unknown;
type Route = readonly [method: 'GET' | 'POST' | 'DELETE', pattern: RegExp, handler: Handler];

const id = '([A-Za-z0-9_]{3,80})';
const p = (path: string) => new RegExp(`^/v1/${path.replace(/:id/g, id)}$`);
const param = (ctx: RouteContext, index = 0) => ctx.params[index] as string;

const equalsIf = (form: FormObject, key: string, value: unknown) => {
  const wanted = str(form, key);
  return wanted === undefined || wanted === value;
};

function metadataUpdate(object: SimObject, form: FormObject): SimObject {
  const meta = form.metadata;
  if (meta && typeof meta === 'object' && !Array.isArray(meta)) {
    const current = object.metadata as Record<string, string>;
    for (const [key, value] of Object.entries(meta)) {
      if (typeof value !== 'string') continue;
      if (value === '') delete current[key];
      else current[key] = value;
    }
  }
  return object;
}

const deleted = (object: SimObject, extra: Record<string, unknown> = {}) => ({
  deleted: true,
  id: object.id,
  object: object.object,
  ...extra,
});

export const routes: readonly Route[] = [
  ['POST', p('payment_intents'), (c) => createPaymentIntent(c.store, c.form)],
  ['GET', p('payment_intents'), (c) => c.store.list('payment_intent', '/v1/payment_intents', c.form)],
  ['GET', p('payment_intents/:id'), (c) => c.store.get('payment_intent', param(c))],
  ['POST', p('payment_intents/:id'), (c) => updatePaymentIntent(c.store, param(c), c.form)],
  ['POST', p('payment_intents/:id/capture'), (c) => capturePaymentIntent(c.store, param(c), c.form)],
  [
    'POST',
    p('payment_intents/:id/cancel'),
    (c) => cancelPaymentIntent(c.store, param(c), c.form, (pi) => releaseReaderOf(c.store, pi)),
  ],

  [
    'GET',
    p('charges'),
    (c) =>
      c.store.list('charge', '/v1/charges', c.form, (o) =>
        equalsIf(c.form, 'payment_intent', o.payment_intent),
      ),
  ],
  ['GET', p('charges/:id'), (c) => c.store.get('charge', param(c))],

  ['POST', p('refunds'), (c) => createRefund(c.store, c.form)],
  [
    'GET',
    p('refunds'),
    (c) =>
      c.store.list(
        'refund',
        '/v1/refunds',
        c.form,
        (o) => equalsIf(c.form, 'payment_intent', o.payment_intent) && equalsIf(c.form, 'charge', o.charge),
      ),
  ],
  ['GET', p('refunds/:id'), (c) => c.store.get('refund', param(c))],
  ['POST', p('refunds/:id'), (c) => metadataUpdate(c.store.get('refund', param(c)), c.form)],

  [
    'GET',
    p('balance_transactions'),
    (c) =>
      c.store.list(
        'balance_transaction',
        '/v1/balance_transactions',
        c.form,
        (o) => equalsIf(c.form, 'type', o.type) && equalsIf(c.form, 'source', o.source),
      ),
  ],
  ['GET', p('balance_transactions/:id'), (c) => c.store.get('balance_transaction', param(c))],

  ['POST', p('payouts'), (c) => createPayout(c.store, c.form)],
  [
    'GET',
    p('payouts'),
    (c) => c.store.list('payout', '/v1/payouts', c.form, (o) => equalsIf(c.form, 'status', o.status)),
  ],
  ['GET', p('payouts/:id'), (c) => c.store.get('payout', param(c))],
  ['POST', p('payouts/:id/cancel'), (c) => cancelPayout(c.store, param(c))],

  [
    'GET',
    p('events'),
    (c) => c.store.list('event', '/v1/events', c.form, (o) => equalsIf(c.form, 'type', o.type)),
  ],
  ['GET', p('events/:id'), (c) => c.store.get('event', param(c))],

  ['POST', p('checkout/sessions'), (c) => createCheckoutSession(c.store, c.form, c.baseUrl)],
  [
    'GET',
    p('checkout/sessions'),
    (c) =>
      c.store.list(
        'checkout.session',
        '/v1/checkout/sessions',
        c.form,
        (o) => equalsIf(c.form, 'payment_intent', o.payment_intent) && equalsIf(c.form, 'status', o.status),
      ),
  ],
  ['GET', p('checkout/sessions/:id'), (c) => c.store.get('checkout.session', param(c))],
  ['POST', p('checkout/sessions/:id/expire'), (c) => expireCheckoutSession(c.store, param(c))],

  [
    'POST',
    p('terminal/connection_tokens'),
    (c) => {
      const location = str(c.form, 'location');
      if (location) c.store.get('terminal.location', location, 'location');
      return connectionToken();
    },
  ],

  ['POST', p('terminal/locations'), (c) => createLocation(c.store, c.form)],
  [
    'GET',
    p('terminal/locations'),
    (c) => c.store.list('terminal.location', '/v1/terminal/locations', c.form),
  ],
  ['GET', p('terminal/locations/:id'), (c) => c.store.get('terminal.location', param(c))],
  ['POST', p('terminal/locations/:id'), (c) => updateLocation(c.store, param(c), c.form)],
  [
    'DELETE',
    p('terminal/locations/:id'),
    (c) => {
      const found = c.store.get('terminal.location', param(c));
      if (c.store.all('terminal.reader').some((r) => r.location === found.id)) {
        throw invalid('This location still has readers; delete them first.');
      }
      c.store.remove('terminal.location', found.id);
      return deleted(found);
    },
  ],

  ['POST', p('terminal/readers'), (c) => createReader(c.store, c.form)],
  [
    'GET',
    p('terminal/readers'),
    (c) =>
      c.store.list(
        'terminal.reader',
        '/v1/terminal/readers',
        c.form,
        (o) =>
          equalsIf(c.form, 'location', o.location) &&
          equalsIf(c.form, 'status', o.status) &&
          equalsIf(c.form, 'device_type', o.device_type),
      ),
  ],
  ['GET', p('terminal/readers/:id'), (c) => c.store.get('terminal.reader', param(c))],
  [
    'POST',
    p('terminal/readers/:id'),
    (c) => {
      const found = metadataUpdate(c.store.get('terminal.reader', param(c)), c.form);
      const label = str(c.form, 'label');
      if (label) found.label = label;
      return found;
    },
  ],
  [
    'DELETE',
    p('terminal/readers/:id'),
    (c) => {
      const found = c.store.get('terminal.reader', param(c));
      c.store.remove('terminal.reader', found.id);
      return deleted(found, { device_type: found.device_type, serial_number: found.serial_number });
    },
  ],
  [
    'POST',
    p('terminal/readers/:id/process_payment_intent'),
    (c) => processPaymentIntent(c.store, param(c), c.form),
  ],
  ['POST', p('terminal/readers/:id/cancel_action'), (c) => cancelAction(c.store, param(c))],
  ['POST', p('terminal/readers/:id/refund_payment'), (c) => refundPayment(c.store, param(c), c.form)],
  [
    'POST',
    p('test_helpers/terminal/readers/:id/present_payment_method'),
    (c) => presentPaymentMethod(c.store, param(c), c.form),
  ],
];

export function findRoute(
  method: string,
  path: string,
): { handler: Handler; params: string[] } | 'wrong_method' | null {
  let wrongMethod = false;
  for (const [m, pattern, handler] of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (m !== method) {
      wrongMethod = true;
      continue;
    }
    return { handler, params: match.slice(1) };
  }
  return wrongMethod ? 'wrong_method' : null;
}
