/**
 * While a pay-by-phone payment waits: the QR code of its link (a Stripe Checkout Session's, or a
 * Paystack transaction's) for the customer's
 * camera, and the link itself (in demo mode it opens the simulator's page on this computer). The
 * core gives the link (`stripe.checkoutLink`, `paystack.checkoutLink`); the payment's outcome arrives
 * through `payment.updated`.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { QrCode } from '../../display/QrCode';
import { errorMessage } from '../../ui';

export function PhonePayQr({ paymentId, kind }: { paymentId: string; kind: 'phone' | 'paystack' }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const link =
      kind === 'paystack'
        ? client.invoke('paystack.checkoutLink', { paymentId })
        : client.invoke('stripe.checkoutLink', { paymentId });
    link.then(
      (result) => live && setUrl(result.url),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [paymentId, kind]);
  if (error) {
    return (
      <p className="form-error" role="alert">
        Could not get the payment link: {error}
      </p>
    );
  }
  if (!url) return null;
  return (
    <div className="phone-pay" data-testid="phone-pay">
      <QrCode text={url} label="QR code of the payment link" size={220} />
      <a className="phone-pay__link" href={url} target="_blank" rel="noreferrer">
        Open the payment page
      </a>
    </div>
  );
}
