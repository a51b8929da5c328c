/**
 * Where a refund stands, as the core says: on its way while a tender (a card refund Stripe is
 * processing) has not answered, then refunded, failed, or partly failed with the tender's words.
 * The order is read again on `order.updated`, so the pill changes by itself.
 */
import { StatusPill, type Tone } from '../../ui';
import { type OrderView } from './useOrders';

type RefundView = OrderView['refunds'][number];

const words: Record<RefundView['status'], string> = {
  pending: 'On its way',
  succeeded: 'Refunded',
  failed: 'Failed',
  partially_failed: 'Partly failed',
};

const tones: Record<RefundView['status'], Tone> = {
  pending: 'info',
  succeeded: 'success',
  failed: 'danger',
  partially_failed: 'warning',
};

export function RefundStatus({ refund }: { refund: RefundView }) {
  const message =
    refund.status === 'succeeded' ? null : (refund.shares.find((share) => share.message)?.message ?? null);
  return (
    <>
      <StatusPill tone={tones[refund.status]} pulse={refund.status === 'pending'} data-testid="refund-status">
        {words[refund.status]}
      </StatusPill>
      {message && <span className="detail-events__meta">{message}</span>}
    </>
  );
}
