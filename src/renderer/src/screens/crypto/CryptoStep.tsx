/**
 * The checkout's crypto tender: pick an asset and network (only those this till has set up, from
 * `invoices.options`), then the invoice (`invoices.create` starts the payment through the payments
 * flow with a payment id made here, so a retry never makes two) until it is paid, expires or is
 * cancelled. The order comes back from the core after each change; the dialog shows "Paid" when the
 * order is.
 */
import { monotonicFactory } from 'ulid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { Button, LoadError, LoadingPanel, errorMessage, toast } from '../../ui';
import { type OrderView } from '../checkout/types';
import { printReceipt } from '../orders/receiptActions';
import { InvoicePanel } from './InvoicePanel';
import { useInvoice, type InvoiceView } from './useInvoice';
import './crypto.css';

const ulid = monotonicFactory();

const loadOptions = () => client.invoke('invoices.options', {});
// The store's setting: print the receipt by itself once the invoice pays the sale (a till out of reach).
const loadAutoPrint = async () => (await client.invoke('crypto.settings', {})).settings.autoPrintOnSettle;

export interface CryptoStepProps {
  order: OrderView;
  onOrder: (order: OrderView) => void;
  onBack: () => void;
  onBusyChange: (busy: boolean) => void;
}

export function CryptoStep({ order, onOrder, onBack, onBusyChange }: CryptoStepProps) {
  const optionsData = useCoreData(loadOptions);
  const options = optionsData.kind === 'ready' ? optionsData.data : null;
  const [first, setFirst] = useState<InvoiceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const { invoice, error: invoiceError } = useInvoice(first?.id ?? null, first);

  // Without the setting, nothing prints by itself (as when it is off).
  const autoPrintData = useCoreData(loadAutoPrint);
  const autoPrint = autoPrintData.kind === 'ready' && autoPrintData.data;

  // The order as the core says it is now, read again on every payment.updated.
  const loadOrder = useCallback(
    async () => (await client.invoke('orders.get', { orderId: order.id })).order,
    [order.id],
  );
  const orderData = useCoreData(loadOrder, { refreshOn: ['payment.updated'] });
  const readOrder = orderData.kind === 'ready' ? orderData.data : null;
  const printed = useRef(false);
  useEffect(() => {
    if (!readOrder) return;
    if (readOrder.status === 'paid' && autoPrint && !printed.current) {
      printed.current = true;
      printReceipt(readOrder.id).catch((failure: unknown) =>
        toast.error(failure, { title: 'The receipt was not printed' }),
      );
    }
    onOrder(readOrder);
  }, [readOrder, autoPrint, onOrder]);
  const orderError = orderData.kind === 'error' ? orderData.message : null;

  const open = invoice !== null && (invoice.status === 'new' || invoice.status === 'processing');
  useEffect(() => onBusyChange(open), [open, onBusyChange]);

  const start = (chainKey: string, asset: string) => {
    setError(null);
    setStarting(`${chainKey}/${asset}`);
    client
      .invoke('invoices.create', { orderId: order.id, paymentId: ulid(), chainKey, asset })
      .then(
        (result) => {
          setFirst(result.invoice);
          onOrder(result.order);
        },
        (failure: unknown) => setError(errorMessage(failure)),
      )
      .finally(() => setStarting(null));
  };

  const cancel = () => {
    if (!invoice) return;
    client.invoke('invoices.cancel', { invoiceId: invoice.id }).then(
      () => orderData.reload(),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  if (!invoice) {
    return (
      <div className="crypto-step" data-testid="crypto-step">
        <p className="due-card__note">Choose what the customer pays with.</p>
        {optionsData.kind === 'loading' && <LoadingPanel label="Loading the networks" size={32} />}
        {optionsData.kind === 'error' && (
          <LoadError message={optionsData.message} onRetry={optionsData.reload} />
        )}
        {options && options.options.length === 0 && (
          <p className="form-error">
            No crypto network is set up on this till: add a wallet and a chain in Settings › Crypto.
          </p>
        )}
        <ul className="crypto-options" aria-label="Asset and network">
          {options?.options.flatMap((option) =>
            option.assets.map((asset) => (
              <li key={`${option.chainKey}/${asset.symbol}`}>
                <button
                  type="button"
                  className="crypto-option"
                  disabled={starting !== null}
                  aria-label={`${asset.symbol} on ${option.label}`}
                  onClick={() => start(option.chainKey, asset.symbol)}
                >
                  <span className="crypto-option__asset">{asset.symbol}</span>
                  <span className="crypto-option__network">{option.label}</span>
                </button>
              </li>
            )),
          )}
        </ul>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="crypto-step__actions">
          <Button variant="ghost" onClick={onBack}>
            Other tender
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="crypto-step" data-testid="crypto-step">
      <InvoicePanel invoice={invoice} demo={options?.demo ?? false} />
      {(error ?? invoiceError ?? orderError) && (
        <p className="form-error" role="alert">
          {error ?? invoiceError ?? orderError}
        </p>
      )}
      <div className="crypto-step__actions">
        {invoice.status === 'new' && (
          <Button variant="secondary" onClick={cancel}>
            Cancel invoice
          </Button>
        )}
        {!open && invoice.status !== 'settled' && (
          <Button variant="primary" onClick={() => setFirst(null)}>
            New invoice
          </Button>
        )}
        {!open && (
          <Button variant="ghost" onClick={onBack}>
            Other tender
          </Button>
        )}
      </div>
    </div>
  );
}
