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
import { type ApiOutput } from '../../../../shared/api';
import { Button, Spinner, errorMessage, toast } from '../../ui';
import { type OrderView } from '../checkout/types';
import { printReceipt } from '../orders/receiptActions';
import { InvoicePanel } from './InvoicePanel';
import { useInvoice, type InvoiceView } from './useInvoice';
import './crypto.css';

const ulid = monotonicFactory();

type Options = ApiOutput<'invoices.options'>;

export interface CryptoStepProps {
  order: OrderView;
  onOrder: (order: OrderView) => void;
  onBack: () => void;
  onBusyChange: (busy: boolean) => void;
}

export function CryptoStep({ order, onOrder, onBack, onBusyChange }: CryptoStepProps) {
  const [options, setOptions] = useState<Options | null>(null);
  const [first, setFirst] = useState<InvoiceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const { invoice, error: invoiceError } = useInvoice(first?.id ?? null, first);

  useEffect(() => {
    let live = true;
    client.invoke('invoices.options', {}).then(
      (result) => live && setOptions(result),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, []);

  // The store's setting: print the receipt by itself once the invoice pays the sale (a till out of reach).
  const autoPrint = useRef(false);
  const printed = useRef(false);
  useEffect(() => {
    client.invoke('crypto.settings', {}).then(
      (result) => {
        autoPrint.current = result.settings.autoPrintOnSettle;
      },
      () => undefined,
    );
  }, []);
  const refreshOrder = useCallback(async () => {
    const next = (await client.invoke('orders.get', { orderId: order.id })).order;
    if (next.status === 'paid' && autoPrint.current && !printed.current) {
      printed.current = true;
      printReceipt(next.id).catch((failure: unknown) =>
        toast.error(failure, { title: 'The receipt was not printed' }),
      );
    }
    onOrder(next);
  }, [order.id, onOrder]);

  useEffect(
    () =>
      client.on('payment.updated', (event) => {
        if (event.orderId === order.id)
          void refreshOrder().catch((failure: unknown) => setError(errorMessage(failure)));
      }),
    [order.id, refreshOrder],
  );

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
      () => void refreshOrder(),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  if (!invoice) {
    return (
      <div className="crypto-step" data-testid="crypto-step">
        <p className="due-card__note">Choose what the customer pays with.</p>
        {!options && !error && <Spinner size={32} label="Loading the networks" />}
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
      {(error ?? invoiceError) && (
        <p className="form-error" role="alert">
          {error ?? invoiceError}
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
