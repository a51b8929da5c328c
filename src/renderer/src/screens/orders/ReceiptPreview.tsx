/**
 * The receipt as the customer got it: the core's HTML (receipts.render) in a sandboxed iframe that
 * may run nothing and reach nothing. Read again whenever the order changes (a refund shows on it).
 */
import { useCallback } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { Spinner } from '../../ui';

export function ReceiptPreview({ orderId, version }: { orderId: string; version: string }) {
  // `version` (the order's updatedAt) is part of the load: a changed order loads its receipt again.
  const load = useCallback(
    () =>
      client
        .invoke('receipts.render', { orderId, format: 'html' })
        .then((result) => ({ html: result.text ?? '', version })),
    [orderId, version],
  );
  const preview = useCoreData(load);

  return (
    <div className="receipt-preview">
      {preview.kind === 'loading' && <Spinner size={28} label="Loading the receipt" />}
      {preview.kind === 'error' && (
        <p className="receipt-preview__error" role="alert">
          {preview.message}
        </p>
      )}
      {preview.kind === 'ready' && (
        <iframe
          className="receipt-preview__frame"
          title="Receipt preview"
          sandbox=""
          srcDoc={preview.data.html}
        />
      )}
    </div>
  );
}
