/**
 * Pay by phone: a Stripe Checkout Session for what the order owes, its link shown as a QR code; the
 * customer pays on their own phone (card, Apple Pay, Google Pay: Stripe's page offers what the
 * account has). The till follows the session until it is paid (succeeded) or expired; cancelling
 * expires it. Refunds go back to its PaymentIntent. Every Stripe write carries an idempotency key
 * made from our own ids, and start-up reconciliation reads the session (made again with the same
 * key when its first answer was lost).
 */
import { type Logger } from 'pino';
import Stripe from 'stripe';
import { TillpointError } from '../../shared/api/errors';
import {
  planExactAmount,
  type PaymentSnapshot,
  type TenderAdapter,
  type TenderReport,
  type TenderUpdate,
  type TenderUpdateListener,
} from '../payments';
import { createCardRefunds } from './cardRefunds';
import { createCardRunner } from './cardRunner';
import { type StripeApiTarget } from './cardTender';
import { describeStripeError } from './stripeErrors';
import { idempotencyKey, toStripeAmount } from './stripeFacts';

export interface PhoneTenderOptions {
  readonly setup: () => { secretKey: string } | null;
  readonly api?: StripeApiTarget | (() => StripeApiTarget | undefined);
  readonly pollMs?: number;
  /** How long the till waits for the customer before it expires the link (default 30 minutes). */
  readonly linkMinutes?: number;
  /** Where Stripe's page sends the customer once paid (absent: Stripe's own confirmation). */
  readonly successUrl?: string;
  readonly logger?: Logger;
  readonly paymentExternalId?: (paymentId: string) => string | null;
}

export interface PhoneTender extends TenderAdapter {
  stop(): void;
  /** The link (and when it expires) of a payment's Checkout Session, for the QR code. */
  link(checkoutSessionId: string): Promise<{ url: string | null; expiresAt: number }>;
}

const scan = 'Scan the code with the phone’s camera to pay.';

export function createPhoneTender(options: PhoneTenderOptions): PhoneTender {
  const listeners = new Set<TenderUpdateListener>();
  const clients = new Map<string, Stripe>();
  const linkMinutes = Math.min(Math.max(options.linkMinutes ?? 30, 1), 24 * 60);
  const notify = (update: TenderUpdate) => {
    for (const listener of listeners) listener(update);
  };
  const apiTarget = () => (typeof options.api === 'function' ? options.api() : options.api);
  const stripeOf = (): Stripe | null => {
    const setup = options.setup();
    if (!setup) return null;
    let made = clients.get(setup.secretKey);
    if (!made) {
      made = new Stripe(setup.secretKey, { ...(apiTarget() ?? {}), maxNetworkRetries: 2, timeout: 30_000 });
      clients.set(setup.secretKey, made);
    }
    return made;
  };
  const requireStripe = (): Stripe => {
    const stripe = stripeOf();
    if (!stripe) throw new TillpointError('unavailable', 'Stripe is not set up on this till.');
    return stripe;
  };
  const runner = createCardRunner({ pollMs: options.pollMs ?? 2_000, notify, logger: options.logger });
  const refunds = createCardRefunds({
    stripeOf,
    runner,
    paymentExternalId: options.paymentExternalId,
    intentOf: async (externalId, stripe) => {
      if (!externalId.startsWith('cs_')) return externalId;
      const session = await stripe.checkout.sessions.retrieve(externalId);
      return typeof session.payment_intent === 'string'
        ? session.payment_intent
        : (session.payment_intent?.id ?? null);
    },
  });

  const sessionParams = (payment: {
    paymentId: string;
    orderId: string;
    currency: string;
    amountMinor: bigint;
  }): Stripe.Checkout.SessionCreateParams => {
    // A pure function of the payment, so a retry with the same key sends the same request; the
    // payments service expires the payment (and so the link) after `paymentTimeoutMs`.
    const metadata = { tillpoint_payment_id: payment.paymentId, tillpoint_order_id: payment.orderId };
    return {
      mode: 'payment',
      line_items: [
        {
          price_data: {
            currency: payment.currency.toLowerCase(),
            unit_amount: toStripeAmount(payment.amountMinor),
            product_data: { name: 'Your order' },
          },
          quantity: 1,
        },
      ],
      client_reference_id: payment.orderId,
      metadata,
      payment_intent_data: { metadata },
      ...(options.successUrl ? { success_url: options.successUrl } : {}),
    };
  };

  const reportOf = (paymentId: string, session: Stripe.Checkout.Session): TenderReport => {
    const base = { paymentId, externalId: session.id };
    const intent =
      typeof session.payment_intent === 'string'
        ? session.payment_intent
        : (session.payment_intent?.id ?? null);
    if (session.status === 'complete' && session.payment_status !== 'unpaid') {
      return {
        ...base,
        status: 'succeeded',
        message: 'Paid by phone.',
        details: { checkoutSessionId: session.id, paymentIntentId: intent },
      };
    }
    if (session.status === 'expired')
      return { ...base, status: 'expired', message: 'The payment link expired.' };
    return {
      ...base,
      status: 'pending',
      message: scan,
      details: { checkoutSessionId: session.id, url: session.url },
    };
  };
  const follow = (paymentId: string, sessionId: string, stripe: Stripe) =>
    runner.follow(paymentId, async () => ({
      payment: reportOf(paymentId, await stripe.checkout.sessions.retrieve(sessionId)),
    }));
  const sessionOf = async (payment: PaymentSnapshot, stripe: Stripe): Promise<Stripe.Checkout.Session> =>
    payment.externalId
      ? stripe.checkout.sessions.retrieve(payment.externalId)
      : stripe.checkout.sessions.create(sessionParams(payment), {
          idempotencyKey: idempotencyKey(payment.paymentId, 'create'),
        });

  return {
    kind: 'phone',
    label: 'Pay by phone',
    paymentTimeoutMs: linkMinutes * 60_000,
    state: () =>
      options.setup()
        ? { state: 'ready', reason: null }
        : { state: 'not_set_up', reason: 'Stripe is not set up: enter the secret key in Settings → Stripe.' },
    account: () => ({ code: 'card_clearing', ref: 'stripe' }),
    plan(request) {
      const plan = planExactAmount(request);
      toStripeAmount(plan.amountMinor);
      return plan;
    },
    async start(request, plan) {
      const stripe = requireStripe();
      const { paymentId } = request;
      return runner.serial(paymentId, async (): Promise<TenderReport> => {
        try {
          const session = await stripe.checkout.sessions.create(
            sessionParams({ ...request, amountMinor: plan.amountMinor }),
            { idempotencyKey: idempotencyKey(paymentId, 'create') },
          );
          follow(paymentId, session.id, stripe);
          return reportOf(paymentId, session);
        } catch (error) {
          return { paymentId, status: 'failed', message: describeStripeError(error).message };
        }
      });
    },
    async status(payment) {
      const stripe = stripeOf();
      if (!stripe)
        return {
          paymentId: payment.paymentId,
          status: 'pending',
          message: 'Stripe is not set up on this till.',
        };
      return runner.serial(payment.paymentId, async () => {
        const report = reportOf(payment.paymentId, await sessionOf(payment, stripe));
        if (report.status === 'pending' && report.externalId)
          follow(payment.paymentId, report.externalId, stripe);
        return report;
      });
    },
    async cancel(payment) {
      const stripe = stripeOf();
      const { paymentId } = payment;
      if (!stripe) return { paymentId, status: 'pending', message: 'Stripe is not set up on this till.' };
      return runner.serial(paymentId, async (): Promise<TenderReport> => {
        try {
          const session = await sessionOf(payment, stripe);
          if (session.status !== 'open') return reportOf(paymentId, session);
          try {
            await stripe.checkout.sessions.expire(
              session.id,
              {},
              { idempotencyKey: idempotencyKey(paymentId, 'cancel') },
            );
          } catch (error) {
            if (describeStripeError(error).kind === 'network') throw error;
            // Paid just now: its state decides.
            return reportOf(paymentId, await stripe.checkout.sessions.retrieve(session.id));
          }
          runner.unfollow(paymentId);
          return { paymentId, status: 'canceled', externalId: session.id, message: 'Cancelled at the till.' };
        } catch (error) {
          return { paymentId, status: 'pending', message: describeStripeError(error).message };
        }
      });
    },
    refund: (request) => refunds.refund(request),
    refundStatus: (share) => refunds.refundStatus(share),
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => runner.stop(),
    async link(checkoutSessionId) {
      const session = await requireStripe().checkout.sessions.retrieve(checkoutSessionId);
      return { url: session.status === 'open' ? session.url : null, expiresAt: session.expires_at };
    },
  };
}
