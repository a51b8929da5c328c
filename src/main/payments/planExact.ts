/**
 * The plan of a tender that collects exactly what it is asked (a card, a crypto invoice, coins):
 * the amount given for a split tender, else everything due; never more than is due, never zero
 * while something is due. No rounding.
 */
import { TillpointError } from '../../shared/api/errors';
import { type PaymentPlan, type PaymentRequest } from './tender';

export function planExactAmount(request: PaymentRequest): PaymentPlan {
  const amountMinor = request.amountMinor ?? request.dueMinor;
  if (amountMinor > request.dueMinor) {
    throw new TillpointError('bad_input', 'That is more than the order still owes.', {
      amountMinor: amountMinor.toString(),
      dueMinor: request.dueMinor.toString(),
      reason: 'more_than_due',
    });
  }
  if (amountMinor <= 0n && request.dueMinor > 0n) {
    throw new TillpointError('bad_input', 'A payment must be for more than zero.', {
      amountMinor: amountMinor.toString(),
      reason: 'zero_amount',
    });
  }
  return { amountMinor, roundingMinor: 0n };
}
