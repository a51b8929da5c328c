/**
 * In-person refunds (Interac debit): Stripe refunds an Interac payment only with the card at the
 * reader, so the refund is handed to the till's reader (`terminal.readers.refundPayment`, with an
 * idempotency key from the share id) and stays pending until the customer taps; the follower reads
 * the refund Stripe made (found by the share id in its metadata) or the reader's failure.
 */
import type Stripe from 'stripe';
import { type RefundReport } from '../payments';
import { type CardRunner } from './cardRunner';
import { describeStripeError, readerFailureWords } from './stripeErrors';
import { idempotencyKey, toStripeAmount } from './stripeFacts';

export interface InPersonShare {
  readonly shareId: string;
  readonly refundId: string;
  readonly paymentId: string;
  readonly amountMinor: bigint;
}

const tap = 'Ask the customer to tap their Interac card on the reader for the refund.';

export function createInPersonRefunds(options: { runner: CardRunner; readerId: () => string | null }) {
  const { runner } = options;
  const metadataOf = (share: InPersonShare) => ({
    tillpoint_share_id: share.shareId,
    tillpoint_refund_id: share.refundId,
    tillpoint_payment_id: share.paymentId,
  });

  /** The refund Stripe made for the share, else what the reader is doing about it. */
  const look = async (
    share: InPersonShare,
    piId: string,
    readerId: string,
    stripe: Stripe,
  ): Promise<RefundReport> => {
    const madeRefund = async () => {
      const made = await stripe.refunds.list({ payment_intent: piId, limit: 100 });
      return made.data.find((refund) => refund.metadata?.tillpoint_share_id === share.shareId) ?? null;
    };
    const found = await madeRefund();
    if (found) return { shareId: share.shareId, status: 'succeeded', externalId: found.id };
    const reader = (await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader;
    // The card may have been tapped between the two reads: the reader done, look for the refund again.
    const late = reader.action?.status === 'succeeded' ? await madeRefund() : null;
    if (late) return { shareId: share.shareId, status: 'succeeded', externalId: late.id };
    const action = reader.action;
    const ours = action?.type === 'refund_payment' && action.refund_payment?.payment_intent === piId;
    if (ours && action.status === 'in_progress')
      return { shareId: share.shareId, status: 'pending', message: tap };
    const words =
      ours && action.status === 'failed'
        ? readerFailureWords(action.failure_code, action.failure_message)
        : null;
    return {
      shareId: share.shareId,
      status: 'failed',
      message: words ?? 'The reader stopped without refunding.',
    };
  };
  const follow = (share: InPersonShare, piId: string, readerId: string, stripe: Stripe) =>
    runner.follow(share.shareId, async () => ({ refund: await look(share, piId, readerId, stripe) }));

  return {
    /** Whether the payment was Interac (refunded only in person). */
    async isInterac(piId: string, stripe: Stripe): Promise<boolean> {
      const pi = await stripe.paymentIntents.retrieve(piId, { expand: ['latest_charge'] });
      const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
      return charge?.payment_method_details?.type === 'interac_present';
    },
    /** Hands the refund to the reader; pending until the customer taps. */
    async start(share: InPersonShare, piId: string, stripe: Stripe): Promise<RefundReport> {
      const readerId = options.readerId();
      if (!readerId) {
        return {
          shareId: share.shareId,
          status: 'failed',
          message: 'Interac is refunded on a reader: choose one for this till.',
        };
      }
      try {
        await stripe.terminal.readers.refundPayment(
          readerId,
          { payment_intent: piId, amount: toStripeAmount(share.amountMinor), metadata: metadataOf(share) },
          { idempotencyKey: idempotencyKey(share.shareId, 'refund') },
        );
      } catch (error) {
        const trouble = describeStripeError(error);
        if (trouble.kind !== 'network')
          return { shareId: share.shareId, status: 'failed', message: trouble.message };
      }
      follow(share, piId, readerId, stripe);
      return { shareId: share.shareId, status: 'pending', message: tap };
    },
    /** Start-up: the refund made, the reader still waiting, or nothing (failed: refund it again). */
    async resume(share: InPersonShare, piId: string, stripe: Stripe): Promise<RefundReport> {
      const readerId = options.readerId();
      if (!readerId)
        return { shareId: share.shareId, status: 'failed', message: 'No reader is chosen for this till.' };
      const report = await look(share, piId, readerId, stripe);
      if (report.status === 'pending') follow(share, piId, readerId, stripe);
      return report;
    },
  };
}

export type InPersonRefunds = ReturnType<typeof createInPersonRefunds>;
