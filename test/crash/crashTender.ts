/**
 * The crash test's tender that settles later: a deferred test tender whose outside world decides
 * every payment and refund share by its id (a payment whose id ends in an even digit or A–M
 * succeeds; others are declined), so a till reopened after a kill reconciles each pending one to the
 * same answer the killed worker would have had.
 */
import { createDeferredTender, type DeferredTender } from '../../src/main/payments';

export function decidedOutcome(id: string): 'succeeded' | 'failed' {
  return /[02468A-M]$/.test(id) ? 'succeeded' : 'failed';
}

export function createCrashTender(): DeferredTender {
  const tender = createDeferredTender('later');
  tender.refundAnswer = 'pending';
  const status = tender.status.bind(tender);
  const refundStatus = tender.refundStatus.bind(tender);
  tender.status = async (payment) => {
    await status(payment);
    return { paymentId: payment.paymentId, status: decidedOutcome(payment.paymentId) };
  };
  tender.refundStatus = async (share) => {
    await refundStatus(share);
    return { shareId: share.shareId, status: decidedOutcome(share.shareId) };
  };
  return tender;
}
