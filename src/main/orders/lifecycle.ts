/**
 * The life of an order as one pure function: `open` (the cart) → `paid` (all tenders settled) → maybe
 * `partially_refunded` / `refunded`; or `open` → `voided`. A paid order's lines never change.
 */
import { TillpointError } from '../../shared/api/errors';

export const orderStatuses = ['open', 'paid', 'partially_refunded', 'refunded', 'voided'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/**
 * What can happen to an order:
 * - `edit`: lines, discount, tip or note change (the cart is being rung up);
 * - `payment`: a tender succeeds without settling the order (split tender, more to pay);
 * - `settle`: the last tender succeeds and nothing is due any more;
 * - `refund_part`: some of what was sold is given back, some is left;
 * - `refund_rest`: everything left is given back;
 * - `void`: the sale is cancelled before it is paid.
 */
export const orderEvents = ['edit', 'payment', 'settle', 'refund_part', 'refund_rest', 'void'] as const;
export type OrderEvent = (typeof orderEvents)[number];

export type OrderTransition = { ok: true; status: OrderStatus } | { ok: false; reason: string };

const refusals: Record<Exclude<OrderStatus, 'open'>, string> = {
  paid: 'is paid',
  partially_refunded: 'is paid and partly refunded',
  refunded: 'is refunded',
  voided: 'is voided',
};

/** The status after `event`, or why the event cannot happen to an order in `status`. */
export function orderTransition(status: OrderStatus, event: OrderEvent): OrderTransition {
  switch (status) {
    case 'open':
      switch (event) {
        case 'edit':
        case 'payment':
          return { ok: true, status: 'open' };
        case 'settle':
          return { ok: true, status: 'paid' };
        case 'void':
          return { ok: true, status: 'voided' };
        case 'refund_part':
        case 'refund_rest':
          return { ok: false, reason: 'is not paid yet, so there is nothing to refund (void it instead)' };
      }
      break;
    case 'paid':
    case 'partially_refunded':
      switch (event) {
        case 'refund_part':
          return { ok: true, status: 'partially_refunded' };
        case 'refund_rest':
          return { ok: true, status: 'refunded' };
        case 'void':
          return {
            ok: false,
            reason: `${refusals[status]}, and a paid order cannot be voided (refund it instead)`,
          };
        case 'edit':
          return {
            ok: false,
            reason: `${refusals[status]}, and a paid order's lines, discount and tip never change`,
          };
        case 'payment':
        case 'settle':
          return { ok: false, reason: `${refusals[status]}, so nothing is due` };
      }
      break;
    case 'refunded':
    case 'voided':
      return { ok: false, reason: `${refusals[status]}, so nothing more can happen to it` };
  }
  return { ok: false, reason: `has an unknown status "${String(status)}" or event "${String(event)}"` };
}

/**
 * The status after `event`; throws TillpointError 'conflict' naming the order, its status and why
 * when the event cannot happen (every change to a paid order's lines, discount or tip lands here).
 */
export function nextOrderStatus(
  status: OrderStatus,
  event: OrderEvent,
  orderLabel = 'This order',
): OrderStatus {
  const transition = orderTransition(status, event);
  if (!transition.ok) {
    throw new TillpointError('conflict', `${orderLabel} ${transition.reason}.`, {
      status,
      event,
      reason: 'order_status',
    });
  }
  return transition.status;
}
