/**
 * While a pay-by-phone payment waits: the QR code of its link (a Stripe Checkout Session's, or a
 * Paystack transaction's) for the customer's
 * camera, and the link itself (in demo mode it opens the simulator's page on this computer). The
 * core gives the link (`stripe.checkoutLink`, `paystack.checkoutLink`); the payment's outcome arrives
 * through `payment.updated`.
 */
import { useCallback } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { QrCode } from '../../display/QrCode';
import { LoadError, LoadingPanel } from '../../ui';

export function PhonePayQr({ paymentId, kind }: { paymentId: string; kind: 'phone' | 'paystack' }) {
  const loadLink = useCallback(
    async () =>
      (kind === 'paystack'
        ? await client.invoke('paystack.checkoutLink', { paymentId })
        : await client.invoke('stripe.checkoutLink', { paymentId })
      ).url,
    [paymentId, kind],
  );
  const link = useCoreData(loadLink);
  if (link.kind === 'loading') return <LoadingPanel label="Getting the payment link" />;
  if (link.kind === 'error') {
    return <LoadError message={`Could not get the payment link: ${link.message}`} onRetry={link.reload} />;
  }
  if (!link.data) return null;
  return (
    <div className="phone-pay" data-testid="phone-pay">
      <QrCode text={link.data} label="QR code of the payment link" size={220} />
      <a className="phone-pay__link" href={link.data} target="_blank" rel="noreferrer">
        Open the payment page
      </a>
    </div>
  );
}
