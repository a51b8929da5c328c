/**
 * The QR of an invoice, drawn by the core (`invoices.qr`, SVG, error correction M, crisp at any size):
 * the payment URI, or the address alone for wallets that misread a URI. Under it, what it holds.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { Spinner, errorMessage } from '../../ui';

export function InvoiceQr({
  invoiceId,
  content,
  size = 260,
}: {
  invoiceId: string;
  content: 'uri' | 'address';
  size?: number;
}) {
  const [qr, setQr] = useState<{ key: string; dataUrl: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `${invoiceId}:${content}`;
  useEffect(() => {
    let live = true;
    client.invoke('invoices.qr', { invoiceId, content, format: 'svg' }).then(
      (result) => live && setQr({ key, dataUrl: result.dataUrl, text: result.text }),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [invoiceId, content, key]);
  if (error) {
    return (
      <p className="form-error" role="alert">
        Could not draw the QR code: {error}
      </p>
    );
  }
  const ready = qr?.key === key ? qr : null;
  return (
    <div
      className="invoice-qr"
      style={{ width: size, height: size }}
      data-testid="invoice-qr"
      data-qr-text={ready?.text}
    >
      {ready ? (
        <img
          src={ready.dataUrl}
          width={size}
          height={size}
          alt={content === 'uri' ? 'QR code of the payment request' : 'QR code of the address alone'}
        />
      ) : (
        <Spinner size={40} label="Drawing the QR code" />
      )}
    </div>
  );
}
