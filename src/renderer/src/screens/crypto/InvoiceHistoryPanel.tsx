/**
 * Crypto invoice history: newest first, with what each received (transactions and explorer links),
 * and for a manager the late payments to accept and the money to send back (overpaid, late, partial).
 */
import { useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { formatDateTime } from '../../app/format';
import {
  Button,
  Card,
  LoadError,
  LoadingPanel,
  StatusPill,
  TextField,
  toast,
  useDisplayLocale,
} from '../../ui';
import { invoiceHeadline } from './invoiceWords';
import { type InvoiceView } from './useInvoice';
import './crypto.css';

function RefundForm({ invoice, onDone }: { invoice: InvoiceView; onDone: () => void }) {
  const [address, setAddress] = useState('');
  const record = async () => {
    try {
      await client.invoke('cryptoRefunds.create', {
        invoiceId: invoice.id,
        address: address.trim().slice(0, 100),
      });
      toast.success(
        'Refund recorded: send it from the store wallet; it is marked done when the chain shows it.',
      );
      setAddress('');
      onDone();
    } catch (failure) {
      toast.error(failure, { title: 'The refund was not recorded' });
    }
  };
  return (
    <div className="crypto-form">
      <TextField
        label={`Customer's ${invoice.network} address`}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        maxLength={100}
        autoComplete="off"
      />
      <Button variant="secondary" disabled={address.trim() === ''} onClick={() => void record()}>
        Record refund
      </Button>
    </div>
  );
}

const loadInvoices = async () => (await client.invoke('invoices.list', { limit: 50 })).invoices;

export function InvoiceHistoryPanel() {
  const locale = useDisplayLocale();
  const loaded = useCoreData(loadInvoices, { refreshOn: ['invoice.updated'] });
  const { reload } = loaded;
  const invoices = loaded.kind === 'ready' ? loaded.data : null;
  const acceptLate = async (invoice: InvoiceView) => {
    try {
      await client.invoke('invoices.acceptLate', { invoiceId: invoice.id });
      reload();
    } catch (failure) {
      toast.error(failure, { title: 'The late payment was not accepted' });
    }
  };
  return (
    <Card
      title="Crypto invoices"
      description="Every invoice, what it received, and what is left to settle or send back."
    >
      {loaded.kind === 'loading' && <LoadingPanel label="Loading the crypto invoices" />}
      {loaded.kind === 'error' && <LoadError message={loaded.message} onRetry={reload} />}
      {invoices && invoices.length === 0 && <p>No crypto invoice yet.</p>}
      {invoices && invoices.length > 0 && (
        <table className="crypto-table" aria-label="Crypto invoices">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Payments</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => {
              const headline = invoiceHeadline(invoice);
              const refundable =
                invoice.exception === 'paid_over' ||
                (invoice.status === 'expired' && invoice.paidUnits !== '0');
              return (
                <tr key={invoice.id}>
                  <td>{formatDateTime(invoice.createdAt, locale)}</td>
                  <td>
                    {invoice.amount} {invoice.asset}
                    <br />
                    <span className="due-card__note">{invoice.network}</span>
                  </td>
                  <td>
                    <StatusPill tone={headline.tone}>{headline.text}</StatusPill>
                    <div className="due-card__note">{invoice.message}</div>
                    {invoice.exception === 'paid_late' && !invoice.acceptedLate && (
                      <Button variant="secondary" onClick={() => void acceptLate(invoice)}>
                        Accept late payment
                      </Button>
                    )}
                    {refundable && <RefundForm invoice={invoice} onDone={reload} />}
                    {invoice.refunds.map((r) => (
                      <div key={r.id} className="due-card__note">
                        Refund {r.amount} {r.asset}:{' '}
                        {r.status === 'done' ? 'sent' : r.address ? 'to send' : 'needs an address'}
                      </div>
                    ))}
                  </td>
                  <td>
                    {invoice.payments.length === 0 && '—'}
                    {invoice.payments.map((p) => (
                      <div key={p.key}>
                        {p.amount} {invoice.asset}
                        {p.gone ? ' (taken back)' : ` · ${p.confirmations} conf.`}{' '}
                        {p.explorerUrl ? (
                          <a href={p.explorerUrl} target="_blank" rel="noreferrer">
                            {p.txid?.slice(0, 10)}…
                          </a>
                        ) : (
                          <code>{p.txid?.slice(0, 10)}…</code>
                        )}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}
