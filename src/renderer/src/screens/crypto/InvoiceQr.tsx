/**
 * The QR of an invoice, drawn by the core (`invoices.qr`, SVG, error correction M, crisp at any size):
 * the payment URI, or the address alone for wallets that misread a URI. Under it, what it holds.
 */
import { useCallback } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { LoadError, LoadingPanel } from '../../ui';

export function InvoiceQr({
  invoiceId,
  content,
  size = 260,
}: {
  invoiceId: string;
  content: 'uri' | 'address';
  size?: number;
}) {
  const key = `${invoiceId}:${content}`;
  const load = useCallback(
    async () => ({ key, ...(await client.invoke('invoices.qr', { invoiceId, content, format: 'svg' })) }),
    [invoiceId, content, key],
  );
  const qr = useCoreData(load);
  if (qr.kind === 'error') {
    return <LoadError message={`Could not draw the QR code: ${qr.message}`} onRetry={qr.reload} />;
  }
  // The other content's code is not shown while this one is drawn.
  const ready = qr.kind === 'ready' && qr.data.key === key ? qr.data : null;
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
        <LoadingPanel size={40} label="Drawing the QR code" />
      )}
    </div>
  );
}
