/**
 * Card refunds through Stripe: `refunds.create` on the payment's PaymentIntent with an idempotency
 * key made from the refund share's id, so a retry or a restart never refunds twice. A refund Stripe
 * has not finished is followed until it has; one whose answer was lost is found again at start-up
 * by the share id in its metadata, and made if it never was (it was recorded before any money moved).
 */
import type Stripe from 'stripe';
import { type RefundReport, type RefundRequest, type RefundShareSnapshot } from '../payments';
import { type CardRunner } from './cardRunner';
import { type InPersonRefunds } from './interacRefunds';
import { describeStripeError } from './stripeErrors';
import { idempotencyKey, toStripeAmount } from './stripeFacts';

export function refundReport(shareId: string, refund: Stripe.Refund): RefundReport {
  if (refund.status === 'succeeded') return { shareId, status: 'succeeded', externalId: refund.id };
  if (refund.status === 'failed' || refund.status === 'canceled') {
    return {
      shareId,
      status: 'failed',
      externalId: refund.id,
      message: `Stripe could not refund it (${refund.failure_reason ?? refund.status}).`,
    };
  }
  return { shareId, status: 'pending', externalId: refund.id, message: 'Stripe is processing the refund.' };
}

export function createCardRefunds(options: {
  stripeOf: () => Stripe | null;
  runner: CardRunner;
  paymentExternalId?: ((paymentId: string) => string | null) | undefined;
  /** The PaymentIntent of a payment's external id (a Checkout Session's); default: the id itself. */
  intentOf?: ((externalId: string, stripe: Stripe) => Promise<string | null>) | undefined;
  /** Interac payments, refunded in person on the reader (the card tender's). */
  inPerson?: InPersonRefunds | undefined;
}) {
  const { runner } = options;
  const intentOf = (externalId: string, stripe: Stripe) =>
    options.intentOf ? options.intentOf(externalId, stripe) : Promise.resolve(externalId);
  const params = (
    share: { shareId: string; refundId: string; paymentId: string; amountMinor: bigint },
    piId: string,
  ) => ({
    payment_intent: piId,
    amount: toStripeAmount(share.amountMinor),
    metadata: {
      tillpoint_share_id: share.shareId,
      tillpoint_refund_id: share.refundId,
      tillpoint_payment_id: share.paymentId,
    },
  });
  const follow = (shareId: string, refundId: string, stripe: Stripe) =>
    runner.follow(shareId, async () => ({
      refund: refundReport(shareId, await stripe.refunds.retrieve(refundId)),
    }));
  const answer = (shareId: string, refund: Stripe.Refund, stripe: Stripe) => {
    const report = refundReport(shareId, refund);
    if (report.status === 'pending') follow(shareId, refund.id, stripe);
    return report;
  };

  return {
    refund(request: RefundRequest): Promise<RefundReport> {
      const stripe = options.stripeOf();
      const { shareId } = request;
      if (!stripe)
        return Promise.resolve({ shareId, status: 'failed', message: 'Stripe is not set up on this till.' });
      const externalId = request.externalId;
      if (!externalId) {
        return Promise.resolve({
          shareId,
          status: 'failed',
          message: 'This card payment has no Stripe PaymentIntent to refund.',
        });
      }
      return runner.serial(shareId, async (): Promise<RefundReport> => {
        try {
          const piId = await intentOf(externalId, stripe);
          if (!piId) return { shareId, status: 'failed', message: 'This payment was never taken by Stripe.' };
          if (options.inPerson && (await options.inPerson.isInterac(piId, stripe))) {
            return await options.inPerson.start(request, piId, stripe);
          }
          const refund = await stripe.refunds.create(params(request, piId), {
            idempotencyKey: idempotencyKey(shareId, 'refund'),
          });
          return answer(shareId, refund, stripe);
        } catch (error) {
          const trouble = describeStripeError(error);
          // Unknown whether Stripe made it: it stays pending; start-up reconciliation finds or makes it.
          if (trouble.kind === 'network') return { shareId, status: 'pending', message: trouble.message };
          return { shareId, status: 'failed', message: trouble.message };
        }
      });
    },

    refundStatus(share: RefundShareSnapshot): Promise<RefundReport> {
      const stripe = options.stripeOf();
      const { shareId } = share;
      if (!stripe)
        return Promise.resolve({ shareId, status: 'pending', message: 'Stripe is not set up on this till.' });
      return runner.serial(shareId, async (): Promise<RefundReport> => {
        if (share.externalId) return answer(shareId, await stripe.refunds.retrieve(share.externalId), stripe);
        const externalId = options.paymentExternalId?.(share.paymentId) ?? null;
        const piId = externalId ? await intentOf(externalId, stripe) : null;
        if (!piId)
          return { shareId, status: 'pending', message: 'The card payment of this refund is not known yet.' };
        const made = await stripe.refunds.list({ payment_intent: piId, limit: 100 });
        const found = made.data.find((refund) => refund.metadata?.tillpoint_share_id === shareId);
        if (found) return answer(shareId, found, stripe);
        if (options.inPerson && (await options.inPerson.isInterac(piId, stripe))) {
          return options.inPerson.resume(share, piId, stripe);
        }
        // Never made, and still wanted: make it now, with the same key.
        const refund = await stripe.refunds.create(params(share, piId), {
          idempotencyKey: idempotencyKey(shareId, 'refund'),
        });
        return answer(shareId, refund, stripe);
      });
    },
  };
}
