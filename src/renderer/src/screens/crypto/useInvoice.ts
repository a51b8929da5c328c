/**
 * An invoice as the core says it is now: loaded with `invoices.get` through useCoreData, read again
 * on each `invoice.updated` and when its expiry may have passed. The renderer decides nothing:
 * status, amounts and words are the core's. `first` (what invoices.create answered) shows until the
 * first read comes back.
 */
import { useCallback, useEffect } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';

export type InvoiceView = ApiOutput<'invoices.get'>['invoice'];

/** How often an open invoice is read again: its expiry is the clock's, not an event's. */
const expiryCheckMs = 15_000;

export function useInvoice(invoiceId: string | null, first: InvoiceView | null = null) {
  const load = useCallback(
    async () => (invoiceId ? (await client.invoke('invoices.get', { invoiceId })).invoice : null),
    [invoiceId],
  );
  const loaded = useCoreData(load, { refreshOn: ['invoice.updated'] });
  const { reload } = loaded;
  useEffect(() => {
    if (!invoiceId) return undefined;
    const timer = setInterval(reload, expiryCheckMs);
    return () => clearInterval(timer);
  }, [invoiceId, reload]);

  const read = loaded.kind === 'ready' && loaded.data?.id === invoiceId ? loaded.data : null;
  const invoice = read ?? (invoiceId && first?.id === invoiceId ? first : null);
  return { invoice, error: loaded.kind === 'error' ? loaded.message : null, reload };
}
