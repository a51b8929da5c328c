/**
 * An invoice as the core says it is now: loaded with `invoices.get`, read again on each
 * `invoice.updated` of it. The renderer decides nothing: status, amounts and words are the core's.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import { errorMessage } from '../../ui';

export type InvoiceView = ApiOutput<'invoices.get'>['invoice'];

export function useInvoice(invoiceId: string | null, first: InvoiceView | null = null) {
  const [invoice, setInvoice] = useState<InvoiceView | null>(first);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!invoiceId) return;
    try {
      setInvoice((await client.invoke('invoices.get', { invoiceId })).invoice);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [invoiceId]);
  useEffect(() => {
    if (!invoiceId) {
      setInvoice(null);
      return undefined;
    }
    if (first && first.id === invoiceId) setInvoice(first);
    else void reload();
    const stop = client.on('invoice.updated', (event) => {
      if (event.invoiceId === invoiceId) void reload();
    });
    // The expiry is the clock's: read it again when it passes.
    const timer = setInterval(() => void reload(), 15_000);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [invoiceId, first, reload]);
  return { invoice, error, reload };
}
