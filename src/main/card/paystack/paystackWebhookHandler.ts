/**
 * `paystack.webhook`: what Paystack posts to the host's `/webhooks/paystack`. In order: the
 * signature (HMAC-SHA512 of the raw body with this till's secret key, constant time) before the
 * body is parsed; then the event's key (its name and the id of the transaction or refund it is
 * about: Paystack's events carry no id of their own); a key already taken is a duplicate and
 * changes nothing. `charge.success` of one of our payments is confirmed with Paystack by its
 * reference (never on the webhook's word alone) and reported to the payments flow at once; other
 * events are recorded as ignored. The key is written only once the event was applied, so an event
 * that failed half-way (Paystack unreachable) is applied when Paystack sends it again.
 */
import { TillpointError } from '../../../shared/api/errors';
import { type Db, type PartialHandlerImpls } from '../../kernel';
import { type StripeSettingsStore } from '../stripeSettings';
import { PaystackError } from './paystackApi';
import { paymentIdOfReference, type PaystackTender } from './paystackTender';
import { verifyPaystackSignature } from './paystackWebhook';

interface PaystackEvent {
  readonly event: string;
  readonly key: string;
  readonly reference: string | null;
}

/** The event name, its key and the transaction reference of a Paystack webhook body; null when it is not one. */
export function readPaystackEvent(rawBody: string): PaystackEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { event, data } = parsed as { event?: unknown; data?: unknown };
  if (typeof event !== 'string' || !/^[a-z_.]{1,64}$/.test(event)) return null;
  if (typeof data !== 'object' || data === null) return null;
  const { id, reference, transaction_reference: transactionReference } = data as Record<string, unknown>;
  if ((typeof id !== 'number' || !Number.isSafeInteger(id)) && typeof id !== 'string') return null;
  const idText = String(id);
  if (idText.length === 0 || idText.length > 64) return null;
  const ref =
    typeof reference === 'string'
      ? reference
      : typeof transactionReference === 'string'
        ? transactionReference
        : null;
  return { event, key: `${event}:${idText}`, reference: ref && ref.length <= 100 ? ref : null };
}

export function createPaystackWebhookHandler(options: {
  db: Db;
  settings: StripeSettingsStore;
  tender: PaystackTender;
  now: () => Date;
}): PartialHandlerImpls {
  const { db, settings, tender } = options;
  return {
    'paystack.webhook': async (input) => {
      const setup = settings.read();
      if (!setup) throw new TillpointError('unavailable', 'Paystack is not set up on this till.');
      if (!verifyPaystackSignature(input.rawBody, input.signature, setup.secretKey)) {
        throw new TillpointError(
          'unauthorized',
          'The webhook’s signature does not match this till’s Paystack key.',
        );
      }
      const event = readPaystackEvent(input.rawBody);
      if (!event) throw new TillpointError('bad_input', 'The webhook body is not a Paystack event.');
      const seen = db.prepare('SELECT 1 FROM paystack_webhook_events WHERE event_key = ?').get(event.key);
      if (seen) return { outcome: 'duplicate' as const, event: event.event };

      let outcome: 'applied' | 'ignored' = 'ignored';
      if (event.event === 'charge.success' && event.reference && paymentIdOfReference(event.reference)) {
        try {
          outcome = await tender.confirm(event.reference);
        } catch (error) {
          if (error instanceof TillpointError) throw error;
          // Paystack did not answer: not taken, so its retry is applied.
          throw new TillpointError(
            'unavailable',
            error instanceof PaystackError ? `Paystack: ${error.message}` : 'Paystack could not be reached.',
          );
        }
      }
      db.prepare(
        `INSERT INTO paystack_webhook_events (event_key, event, reference, outcome, received_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING`,
      ).run(event.key, event.event, event.reference, outcome, options.now().toISOString());
      return { outcome, event: event.event };
    },
  };
}
