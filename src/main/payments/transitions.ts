/**
 * The life of a payment, as one pure function: given the status a payment has and the status its
 * tender now reports, what the payments service does. A payment starts `pending` (a pending ledger
 * transfer); `succeeded` posts it, `failed` / `canceled` / `expired` void it. A report that repeats
 * the current status changes nothing (a replayed "succeeded" posts nothing twice); a report that
 * contradicts a decided payment ("failed" after "succeeded") is refused, and the service logs it for
 * a person to look at. Refunds move a succeeded payment to `partially_refunded` / `refunded`; those
 * are not the tender's to report.
 */

export const paymentStatuses = [
  'pending',
  'succeeded',
  'failed',
  'canceled',
  'expired',
  'refunded',
  'partially_refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** What a tender may report. */
export type ReportedStatus = Exclude<PaymentStatus, 'refunded' | 'partially_refunded'>;

export type PaymentStep =
  /** pending → succeeded: post the pending transfer (and settle the order when nothing is left due). */
  | { readonly action: 'post'; readonly status: 'succeeded' }
  /** pending → failed / canceled / expired: void the pending transfer. */
  | { readonly action: 'void'; readonly status: 'failed' | 'canceled' | 'expired' }
  /** Still pending: keep what the tender adds (its id, a message for the cashier), move no money. */
  | { readonly action: 'note'; readonly status: 'pending' }
  /** The same decision again, or a report about a payment that moved on by a refund: nothing to do. */
  | { readonly action: 'ignore' }
  /** A report that contradicts a decided payment: refused and logged, nothing moves. */
  | { readonly action: 'refuse'; readonly reason: string };

const decided = (status: PaymentStatus) => status !== 'pending';
const taken = (status: PaymentStatus) =>
  status === 'succeeded' || status === 'partially_refunded' || status === 'refunded';

export function paymentStep(current: PaymentStatus, reported: ReportedStatus): PaymentStep {
  if (current === 'pending') {
    if (reported === 'pending') return { action: 'note', status: 'pending' };
    if (reported === 'succeeded') return { action: 'post', status: 'succeeded' };
    return { action: 'void', status: reported };
  }
  if (reported === 'pending') {
    // A late "still collecting" about a payment already decided: old news.
    return { action: 'ignore' };
  }
  if (taken(current)) {
    if (reported === 'succeeded') return { action: 'ignore' };
    return {
      action: 'refuse',
      reason: `the payment already succeeded; a later "${reported}" cannot take it back (refund it instead)`,
    };
  }
  // current is failed / canceled / expired.
  if (reported === current) return { action: 'ignore' };
  if (reported === 'succeeded') {
    return {
      action: 'refuse',
      reason: `the payment was ${current} and its money released; a late "succeeded" needs a person to look at it`,
    };
  }
  // failed ↔ canceled ↔ expired: both void; the first word stands.
  return decided(current) ? { action: 'ignore' } : { action: 'refuse', reason: 'unreachable' };
}
