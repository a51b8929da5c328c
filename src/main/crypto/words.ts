/**
 * An invoice in words and as its event: the status sentence for the cashier and the customer
 * (underpaid, overpaid and late said plainly), and the `invoice.updated` payload with what the
 * customer display may show.
 */
import { type EventPayload } from '../../shared/api';
import { checkHintOf } from './checkHint';
import { type LifecycleState } from './lifecycle';
import { type ChainConfig } from './libs';
import { type InvoiceRecord } from './store';
import { unitsToDecimal } from './units';

export function describeState(invoice: InvoiceRecord, state: LifecycleState): string {
  const amount = (units: bigint) => `${unitsToDecimal(units, invoice.decimals)} ${invoice.asset}`;
  switch (state.phase) {
    case 'paid':
      return state.exception === 'paid_over'
        ? `Paid, ${amount(state.overUnits)} more than asked (refundable).`
        : 'Paid.';
    case 'canceled':
      return 'Cancelled.';
    case 'expired':
      if (state.exception === 'paid_late')
        return 'Paid after the invoice expired: a manager can accept or refund it.';
      if (state.exception === 'paid_partial')
        return `Expired, underpaid: ${amount(state.paidUnits)} received (refundable).`;
      return state.paidUnits > 0n
        ? `Expired with ${amount(state.paidUnits)} received (refundable).`
        : 'Expired.';
    case 'waiting':
      return `Waiting for ${amount(invoice.amountUnits)}.`;
    case 'seen':
      return state.dueUnits > 0n
        ? `Underpaid: ${amount(state.paidUnits)} seen, ${amount(state.dueUnits)} still due.`
        : 'Seen, not confirmed yet.';
    case 'confirming':
      return state.dueUnits > 0n
        ? `Underpaid: ${amount(state.dueUnits)} still due.`
        : `Confirming ${state.confirmations}/${state.confirmationsRequired}.`;
  }
}

export function invoiceEvent(
  invoice: InvoiceRecord,
  state: LifecycleState,
  chain: ChainConfig | null,
): EventPayload<'invoice.updated'> {
  const network = chain?.label ?? invoice.chainKey;
  const chainId = chain?.family === 'evm' ? Number(chain.network) : null;
  return {
    invoiceId: invoice.id,
    orderId: invoice.orderId,
    paymentId: invoice.paymentId,
    status: invoice.status,
    exception: invoice.exception,
    phase: invoice.phase,
    paidUnits: invoice.paidUnits.toString(),
    confirmations: invoice.confirmations,
    confirmationsRequired: invoice.confirmationsRequired,
    message: describeState(invoice, state),
    customer: {
      network,
      chainId,
      asset: invoice.asset,
      tokenContract: invoice.tokenContract,
      amount: unitsToDecimal(invoice.amountUnits, invoice.decimals),
      amountUnits: invoice.amountUnits.toString(),
      decimals: invoice.decimals,
      address: invoice.address,
      uri: invoice.uri,
      qrStyle: chain?.qrStyle ?? 'uri',
      checkHint: checkHintOf(invoice, network, chainId),
      expiresAt: invoice.expiresAt,
      currency: invoice.currency,
      fiatAmountMinor: invoice.fiatAmountMinor.toString(),
    },
  };
}
