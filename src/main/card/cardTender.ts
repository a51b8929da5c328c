/**
 * The card tender: Stripe Terminal, server-driven, with the `stripe` package. `start` makes a
 * PaymentIntent (card_present, manual capture) and hands it to this till's reader
 * (`processPaymentIntent`), and reports `pending`; a follower polls the reader and the
 * PaymentIntent until the reader's action ends, captures an authorised payment and reports
 * `succeeded` (with the card facts a receipt needs), or releases the PaymentIntent and reports
 * `failed` with the decline code. Every Stripe write carries an idempotency key made from our own
 * payment (or refund share) id, so a retry, a crash or a start-up reconciliation never charges or
 * refunds twice. At start-up (`status`), a payment left in flight is captured if it was
 * authorised (a pending payment is one its order still wants), followed again while the reader
 * still shows it, and released otherwise. Calls about one payment run one at a time.
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
import { createInPersonRefunds } from './interacRefunds';
import { lookSdk, type ReaderDriver } from './readerDriver';
import { declineWords, describeStripeError, readerFailureWords } from './stripeErrors';
import {
  cardDetailsOf,
  cardReceiptFacts,
  cardWords,
  idempotencyKey,
  paymentIntentParams,
  toStripeAmount,
} from './stripeFacts';

export interface CardSetup {
  readonly secretKey: string;
  readonly readerId: string | null;
  /** The reader asks for a tip before the card (Settings › Payments); absent: no tip screen. */
  readonly tipOnReader?: boolean;
}

export interface StripeApiTarget {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

export interface CardTenderOptions {
  /** This till's Stripe set-up as it is now; null when no key is known. */
  readonly setup: () => CardSetup | null;
  /** Where the stripe package sends its requests (the simulator); default: Stripe itself. */
  readonly api?: StripeApiTarget | (() => StripeApiTarget | undefined);
  /** How often a payment in flight is looked at (default 1 s). */
  readonly pollMs?: number;
  /** How long a payment may wait for a card before the payments service expires it (default 5 min). */
  readonly paymentTimeoutMs?: number;
  readonly logger?: Logger;
  /** A payment's PaymentIntent id, for a refund share reconciled after a restart. */
  readonly paymentExternalId?: (paymentId: string) => string | null;
  /** Who drives the reader (readerDriver.ts); default: the server. */
  readonly readerDriver?: () => ReaderDriver;
}

export interface CardTender extends TenderAdapter {
  /** Stops following payments and refunds (the core closes; a test stands for a crash). */
  stop(): void;
  /** A Stripe client for this till's key (the set-up handlers use it). */
  client(secretKey: string): Stripe;
  /** A client that tries once, for checking a key someone just typed. */
  checkClient(secretKey: string): Stripe;
}

const present = 'Present the card on the reader.';

export function createCardTender(options: CardTenderOptions): CardTender {
  const pollMs = options.pollMs ?? 1_000;
  const apiTarget = () => (typeof options.api === 'function' ? options.api() : options.api);
  const listeners = new Set<TenderUpdateListener>();
  const clients = new Map<string, Stripe>();

  const notify = (update: TenderUpdate) => {
    for (const listener of listeners) listener(update);
  };
  const client = (secretKey: string): Stripe => {
    let made = clients.get(secretKey);
    if (!made) {
      made = new Stripe(secretKey, { ...(apiTarget() ?? {}), maxNetworkRetries: 2, timeout: 30_000 });
      clients.set(secretKey, made);
    }
    return made;
  };
  const requireSetup = (): { stripe: Stripe; readerId: string } => {
    const setup = options.setup();
    if (!setup) throw new TillpointError('unavailable', 'Stripe is not set up on this till.');
    if (!setup.readerId) throw new TillpointError('unavailable', 'No card reader is chosen for this till.');
    return { stripe: client(setup.secretKey), readerId: setup.readerId };
  };
  const runner = createCardRunner({ pollMs, notify, logger: options.logger });
  const { serial, follow } = runner;
  const refunds = createCardRefunds({
    stripeOf: () => {
      const setup = options.setup();
      return setup ? client(setup.secretKey) : null;
    },
    runner,
    paymentExternalId: options.paymentExternalId,
    inPerson: createInPersonRefunds({ runner, readerId: () => options.setup()?.readerId ?? null }),
  });

  const cancelQuietly = async (stripe: Stripe, paymentId: string, piId: string) => {
    try {
      await stripe.paymentIntents.cancel(piId, {}, { idempotencyKey: idempotencyKey(paymentId, 'cancel') });
    } catch (error) {
      options.logger?.warn(
        { paymentId, reason: describeStripeError(error).message },
        'a PaymentIntent could not be released',
      );
    }
  };

  /** What the PaymentIntent says, once the reader is no longer collecting it: capture, release or wait. */
  const decide = async (
    paymentId: string,
    piId: string,
    readerId: string | null,
    stripe: Stripe,
    readerFailure: { code: string | null; message: string | null } | null,
  ): Promise<TenderReport> => {
    const pi = await stripe.paymentIntents.retrieve(piId, { expand: ['latest_charge'] });
    const base = { paymentId, externalId: piId };
    switch (pi.status) {
      case 'requires_capture':
      case 'succeeded': {
        if (pi.status === 'requires_capture') {
          await stripe.paymentIntents.capture(
            piId,
            {},
            { idempotencyKey: idempotencyKey(paymentId, 'capture') },
          );
        }
        const details = cardDetailsOf(pi, readerId);
        // A tip added on the reader was taken on top of the amount: the payments flow adds it to the order.
        const tip = pi.amount_details?.tip?.amount ?? 0;
        return {
          ...base,
          status: 'succeeded',
          message: cardWords(details),
          details: { ...details, tipMinor: String(tip) },
          ...(tip > 0 ? { tipMinor: BigInt(tip) } : {}),
        };
      }
      case 'canceled':
        return {
          ...base,
          status: 'canceled',
          message: readerFailure?.message ?? 'The payment was cancelled.',
        };
      case 'processing':
        return { ...base, status: 'pending', message: 'The card payment is being processed.' };
      default: {
        // The reader's action ended without taking the card: release the PaymentIntent so that a late
        // tap cannot charge, and say why.
        const error = pi.last_payment_error;
        const message = error
          ? declineWords(error.code, error.decline_code, error.message)
          : readerFailureWords(readerFailure?.code, readerFailure?.message);
        await cancelQuietly(stripe, paymentId, piId);
        return {
          ...base,
          status: 'failed',
          message,
          details: {
            paymentIntentId: piId,
            readerId,
            declineCode: error?.decline_code ?? error?.code ?? readerFailure?.code ?? null,
          },
        };
      }
    }
  };

  /** The reader first: while it still collects this PaymentIntent the payment stays pending. */
  const look = async (
    paymentId: string,
    piId: string,
    readerId: string | null,
    stripe: Stripe,
    sdk = false,
  ): Promise<TenderReport> => {
    if (sdk) return lookSdk(stripe, paymentId, piId, () => decide(paymentId, piId, readerId, stripe, null));
    if (readerId) {
      const reader = (await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader;
      const action = reader.action;
      const ours =
        action?.type === 'process_payment_intent' && action.process_payment_intent?.payment_intent === piId;
      if (ours && action.status === 'in_progress') {
        const offline = reader.status === 'offline';
        return {
          paymentId,
          status: 'pending',
          externalId: piId,
          message: offline ? readerFailureWords('terminal_reader_offline', null) : present,
        };
      }
      const failure =
        ours && action.status === 'failed'
          ? { code: action.failure_code, message: action.failure_message }
          : null;
      return decide(paymentId, piId, readerId, stripe, failure);
    }
    return decide(paymentId, piId, null, stripe, null);
  };

  const followPayment = (
    paymentId: string,
    piId: string,
    readerId: string | null,
    stripe: Stripe,
    sdk = false,
  ) => follow(paymentId, async () => ({ payment: await look(paymentId, piId, readerId, stripe, sdk) }));

  /** The PaymentIntent of a payment whose first report was never kept: the same create, the same key. */
  const recoverIntent = async (payment: PaymentSnapshot, stripe: Stripe): Promise<string> => {
    const params = paymentIntentParams(payment);
    const pi = await stripe.paymentIntents.create(params, {
      idempotencyKey: idempotencyKey(payment.paymentId, 'create'),
    });
    return pi.id;
  };

  const tender: CardTender = {
    kind: 'card',
    label: 'Card',
    paymentTimeoutMs: options.paymentTimeoutMs ?? 5 * 60_000,
    state() {
      const setup = options.setup();
      if (!setup)
        return {
          state: 'not_set_up',
          reason: 'Stripe is not set up: enter the secret key in Settings → Stripe.',
        };
      if (!setup.readerId)
        return {
          state: 'not_set_up',
          reason: 'No card reader is chosen for this till: register one in Settings → Stripe.',
        };
      return { state: 'ready', reason: null };
    },
    account: () => ({ code: 'card_clearing', ref: 'stripe' }),
    receiptLabel: (details) => cardReceiptFacts(details).label,
    receiptLines: (details) => cardReceiptFacts(details).lines,
    plan(request) {
      const plan = planExactAmount(request);
      toStripeAmount(plan.amountMinor);
      return plan;
    },

    async start(request, plan) {
      const { stripe, readerId } = requireSetup();
      const tipping = options.setup()?.tipOnReader === true;
      const sdk = options.readerDriver?.() === 'js_sdk';
      const { paymentId } = request;
      return serial(paymentId, async (): Promise<TenderReport> => {
        let pi: Stripe.PaymentIntent;
        try {
          pi = await stripe.paymentIntents.create(
            paymentIntentParams({ ...request, amountMinor: plan.amountMinor }),
            { idempotencyKey: idempotencyKey(paymentId, 'create') },
          );
        } catch (error) {
          return { paymentId, status: 'failed', message: describeStripeError(error).message };
        }
        const details = { paymentIntentId: pi.id, readerId, ...(sdk ? { driver: 'js_sdk' } : {}) };
        if (sdk) {
          // The renderer's SDK collects it on the reader; the core follows and captures.
          followPayment(paymentId, pi.id, readerId, stripe, true);
          return { paymentId, status: 'pending', externalId: pi.id, message: present, details };
        }
        try {
          await stripe.terminal.readers.processPaymentIntent(
            readerId,
            {
              payment_intent: pi.id,
              process_config: tipping
                ? { tipping: { amount_eligible: toStripeAmount(plan.amountMinor) } }
                : { skip_tipping: true },
            },
            { idempotencyKey: idempotencyKey(paymentId, 'process') },
          );
        } catch (error) {
          const trouble = describeStripeError(error);
          if (trouble.kind === 'network') {
            // Whether the reader took it is unknown: the follower decides from Stripe's state.
            followPayment(paymentId, pi.id, readerId, stripe);
            return { paymentId, status: 'pending', externalId: pi.id, message: trouble.message, details };
          }
          await cancelQuietly(stripe, paymentId, pi.id);
          return { paymentId, status: 'failed', externalId: pi.id, message: trouble.message, details };
        }
        followPayment(paymentId, pi.id, readerId, stripe);
        return { paymentId, status: 'pending', externalId: pi.id, message: present, details };
      });
    },

    async status(payment) {
      const setup = options.setup();
      if (!setup)
        return {
          paymentId: payment.paymentId,
          status: 'pending',
          message: 'Stripe is not set up on this till.',
        };
      const stripe = client(setup.secretKey);
      const readerId =
        typeof payment.details.readerId === 'string' ? payment.details.readerId : setup.readerId;
      const sdk = payment.details.driver === 'js_sdk';
      return serial(payment.paymentId, async (): Promise<TenderReport> => {
        let piId = payment.externalId;
        try {
          piId ??= await recoverIntent(payment, stripe);
          const report = await look(payment.paymentId, piId, readerId, stripe, sdk);
          if (report.status === 'pending') followPayment(payment.paymentId, piId, readerId, stripe, sdk);
          return report;
        } catch (error) {
          const trouble = describeStripeError(error);
          if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
            // Not on this Stripe account (another key, a fresh simulator): nothing was taken through it.
            return {
              paymentId: payment.paymentId,
              status: 'failed',
              message: 'Stripe does not know this payment.',
            };
          }
          if (trouble.kind !== 'network') throw error;
          if (piId) followPayment(payment.paymentId, piId, readerId, stripe, sdk);
          return { paymentId: payment.paymentId, status: 'pending', message: trouble.message };
        }
      });
    },

    async cancel(payment) {
      const setup = options.setup();
      if (!setup)
        return {
          paymentId: payment.paymentId,
          status: 'pending',
          message: 'Stripe is not set up on this till.',
        };
      const stripe = client(setup.secretKey);
      const readerId =
        typeof payment.details.readerId === 'string' ? payment.details.readerId : setup.readerId;
      const { paymentId } = payment;
      return serial(paymentId, async (): Promise<TenderReport> => {
        try {
          const piId = payment.externalId ?? (await recoverIntent(payment, stripe));
          if (readerId) {
            const reader = (await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader;
            const action = reader.action;
            if (action?.status === 'in_progress' && action.process_payment_intent?.payment_intent === piId) {
              await stripe.terminal.readers.cancelAction(readerId).catch((error: unknown) => {
                if (describeStripeError(error).kind === 'network') throw error;
              });
            }
          }
          try {
            await stripe.paymentIntents.cancel(
              piId,
              {},
              { idempotencyKey: idempotencyKey(paymentId, 'cancel') },
            );
            runner.unfollow(paymentId);
            return { paymentId, status: 'canceled', externalId: piId, message: 'Cancelled at the till.' };
          } catch (error) {
            if (describeStripeError(error).kind === 'network') throw error;
            // It moved on first (captured, or cancelled already): its state decides.
            const report = await decide(paymentId, piId, readerId, stripe, null);
            if (report.status !== 'pending') runner.unfollow(paymentId);
            return report;
          }
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
    client,
    checkClient: (secretKey) =>
      new Stripe(secretKey, { ...(apiTarget() ?? {}), maxNetworkRetries: 0, timeout: 10_000 }),
  };
  return tender;
}
