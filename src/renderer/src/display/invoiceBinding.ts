/**
 * The customer display's crypto invoice: `invoice.updated` carries what the customer may see (the
 * network, token, address, exact amount, the QR's content and the expiry), turned here into the
 * display's payment screen. A paid invoice is left to the sale's own `display.updated` (thank you).
 */
import { type EventPayload } from '../../../shared/api';
import { assetScale } from '../../../shared/money';
import { type DisplayAction, type DisplayPayment } from './displayState';

function amountOf(customer: EventPayload<'invoice.updated'>['customer']): DisplayPayment['amount'] {
  // Money formats an asset at its table scale; a token with other decimals (USDC on BNB Smart Chain
  // has 18) is shown through its exact decimal text instead.
  try {
    if (assetScale(customer.asset) === customer.decimals)
      return { amount: customer.amountUnits, asset: customer.asset };
  } catch {
    // not a known asset
  }
  return { amount: customer.fiatAmountMinor, asset: customer.currency };
}

export function displayActionOfInvoice(event: EventPayload<'invoice.updated'>): DisplayAction | null {
  if (event.status === 'settled') return null;
  const { customer } = event;
  const status: DisplayPayment['status'] =
    event.status === 'expired' || event.status === 'invalid'
      ? 'expired'
      : event.phase === 'waiting'
        ? 'waiting'
        : 'seen';
  const network =
    customer.chainId === null ? customer.network : `${customer.network} (chain id ${customer.chainId})`;
  return {
    type: 'payment',
    payment: {
      method: customer.tokenContract
        ? `${customer.asset} on ${customer.network}`
        : `${customer.asset} (${customer.network})`,
      amount: amountOf(customer),
      qrText: status === 'expired' ? null : customer.qrStyle === 'uri' ? customer.uri : customer.address,
      details: [
        { label: 'Network', value: network },
        ...(customer.tokenContract
          ? [{ label: 'Token', value: `${customer.asset} ${customer.tokenContract}` }]
          : []),
        { label: 'Address', value: customer.address },
        { label: 'Exact amount', value: `${customer.amount} ${customer.asset}` },
        ...(event.message ? [{ label: 'Status', value: event.message }] : []),
      ],
      expiresAt: customer.expiresAt,
      status,
    },
  };
}

/** The binding of `invoice.updated` (made here, not with bindings.ts's bindEvent, so the two files do not import each other). */
export const invoiceDisplayBinding = {
  event: 'invoice.updated' as const,
  subscribe: (
    client: {
      on: (
        event: 'invoice.updated',
        listener: (payload: EventPayload<'invoice.updated'>) => void,
      ) => () => void;
    },
    dispatch: (action: DisplayAction) => void,
  ) =>
    client.on('invoice.updated', (payload) => {
      const action = displayActionOfInvoice(payload);
      if (action) dispatch(action);
    }),
};
