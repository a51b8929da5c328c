/**
 * The receipt as the customer got it: the core's HTML (receipts.render) in a sandboxed iframe that
 * may run nothing and reach nothing. Read again whenever the order changes (a refund shows on it).
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { errorMessage, Spinner } from '../../ui';

type PreviewState =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; html: string };

export function ReceiptPreview({ orderId, version }: { orderId: string; version: string }) {
  const [preview, setPreview] = useState<PreviewState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    client.invoke('receipts.render', { orderId, format: 'html' }).then(
      (result) => live && setPreview({ kind: 'loaded', html: result.text ?? '' }),
      (error: unknown) => live && setPreview({ kind: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [orderId, version]);

  return (
    <div className="receipt-preview">
      {preview.kind === 'loading' && <Spinner size={28} label="Loading the receipt" />}
      {preview.kind === 'error' && (
        <p className="receipt-preview__error" role="alert">
          {preview.message}
        </p>
      )}
      {preview.kind === 'loaded' && (
        <iframe className="receipt-preview__frame" title="Receipt preview" sandbox="" srcDoc={preview.html} />
      )}
    </div>
  );
}
