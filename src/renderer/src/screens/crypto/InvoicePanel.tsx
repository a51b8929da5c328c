/**
 * A crypto invoice for the cashier: the QR (the payment URI, or the address alone with what the
 * customer must check), the amount, the countdown, the status from waiting to paid (underpaid and
 * overpaid said plainly), the network, token, address and exact amount with copy buttons, and in
 * demo mode the simulated wallet's buttons. Every figure and word comes from the core.
 */
import { useState } from 'react';
import { client } from '../../api';
import { useNow } from '../../display/useNow';
import { Button, Money, SegmentedControl, StatusPill, errorMessage } from '../../ui';
import { CopyRow } from './CopyRow';
import { InvoiceQr } from './InvoiceQr';
import { countdownText, invoiceHeadline } from './invoiceWords';
import { type InvoiceView } from './useInvoice';
import './crypto.css';

const demoKinds = [
  ['full', 'Pay in full'],
  ['partial', 'Pay half'],
  ['over', 'Overpay'],
  ['late', 'Pay late'],
] as const;

export function InvoicePanel({ invoice, demo }: { invoice: InvoiceView; demo: boolean }) {
  const [content, setContent] = useState<'uri' | 'address'>(invoice.qrStyle);
  const [demoError, setDemoError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const now = useNow('second');
  const headline = invoiceHeadline(invoice);
  const waiting = invoice.status === 'new';
  const open = invoice.status === 'new' || invoice.status === 'processing';
  const token = invoice.tokenContract ? `${invoice.asset} (${invoice.tokenContract})` : null;
  const demoPay = (kind: (typeof demoKinds)[number][0]) => {
    setPaying(true);
    setDemoError(null);
    client
      .invoke('crypto.demoPay', { invoiceId: invoice.id, kind })
      .catch((failure: unknown) => setDemoError(errorMessage(failure)))
      .finally(() => setPaying(false));
  };
  return (
    <div
      className="invoice-panel"
      data-testid="invoice-panel"
      data-status={invoice.status}
      data-phase={invoice.phase}
    >
      <div className="invoice-panel__qr">
        {open ? (
          <InvoiceQr invoiceId={invoice.id} content={content} />
        ) : (
          <div className="invoice-panel__done">{headline.text}</div>
        )}
        {open && (
          <SegmentedControl
            label="What the QR code holds"
            value={content}
            onValueChange={setContent}
            options={[
              { value: 'uri', label: 'Payment request' },
              { value: 'address', label: 'Address only' },
            ]}
          />
        )}
        {open && content === 'address' && (
          <p className="invoice-panel__hint" data-testid="invoice-check-hint">
            {invoice.checkHint}
          </p>
        )}
      </div>
      <div className="invoice-panel__facts">
        <div className="due-card">
          <span className="due-card__label">Amount</span>
          <span className="invoice-panel__amount" data-testid="invoice-amount">
            {invoice.amount} {invoice.asset}
          </span>
          <span className="due-card__note">
            <Money value={{ amount: invoice.fiatAmountMinor, asset: invoice.currency }} size="sm" /> at 1{' '}
            {invoice.asset} = {invoice.rate} {invoice.currency}
          </span>
        </div>
        <div className="invoice-panel__status" role="status" aria-live="polite">
          <StatusPill
            tone={headline.tone}
            pulse={invoice.status === 'processing'}
            data-testid="invoice-status"
          >
            {headline.text}
          </StatusPill>
          {waiting && (
            <span className="invoice-panel__countdown" data-testid="invoice-countdown">
              {countdownText(invoice.expiresAt, now.getTime())} left
            </span>
          )}
        </div>
        <p className="invoice-panel__message" data-testid="invoice-message">
          {invoice.message}
        </p>
        <div className="invoice-panel__copies">
          <CopyRow
            label="Network"
            value={
              invoice.chainId === null ? invoice.network : `${invoice.network} (chain id ${invoice.chainId})`
            }
          />
          {token && <CopyRow label="Token" value={token} copyValue={invoice.tokenContract ?? ''} />}
          <CopyRow label="Address" value={invoice.address} />
          {content === 'uri' && <CopyRow label="Payment request" value={invoice.uri} />}
          <CopyRow
            label="Exact amount"
            value={`${invoice.amount} ${invoice.asset}`}
            copyValue={invoice.amount}
          />
        </div>
        {demo && open && (
          <div className="invoice-panel__demo" data-testid="invoice-demo">
            <span className="due-card__label">Pay from the simulated wallet</span>
            <div className="invoice-panel__demo-buttons">
              {demoKinds.map(([kind, label]) => (
                <Button key={kind} variant="secondary" disabled={paying} onClick={() => demoPay(kind)}>
                  {label}
                </Button>
              ))}
            </div>
            {demoError && (
              <p className="form-error" role="alert">
                {demoError}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
