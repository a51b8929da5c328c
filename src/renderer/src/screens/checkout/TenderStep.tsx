/**
 * The first step of paying: what is still due, what was paid so far (split tender), the change of
 * the cash just taken, and the tenders. Cash works everywhere; card, crypto and store coins say
 * what this till is missing for them.
 */
import { type ReactNode } from 'react';
import { CardIcon, CashIcon, CoinsIcon, CryptoIcon, Money } from '../../ui';
import { type LastCashPayment } from './CashStep';
import { type OrderView } from './types';

interface TenderOption {
  key: string;
  label: string;
  icon: ReactNode;
  /** Why it cannot be used on this till, or null when it can. */
  unavailableReason: string | null;
}

const tenders: TenderOption[] = [
  { key: 'cash', label: 'Cash', icon: <CashIcon size={32} />, unavailableReason: null },
  { key: 'card', label: 'Card', icon: <CardIcon size={32} />, unavailableReason: 'Card reader not set up' },
  {
    key: 'crypto',
    label: 'Crypto',
    icon: <CryptoIcon size={32} />,
    unavailableReason: 'No crypto wallet connected',
  },
  {
    key: 'coins',
    label: 'Store coins',
    icon: <CoinsIcon size={32} />,
    unavailableReason: 'Store coins not set up',
  },
];

export interface TenderStepProps {
  order: OrderView;
  lastCash: LastCashPayment | null;
  onCash: () => void;
}

export function TenderStep({ order, lastCash, onCash }: TenderStepProps) {
  const money = (amount: string) => ({ amount, asset: order.currency });
  const paidSoFar = order.paidMinor !== '0';
  return (
    <div className="tender-step">
      <div className="due-card">
        <span className="due-card__label">{paidSoFar ? 'Left to pay' : 'Amount due'}</span>
        <Money
          value={money(order.amountDueMinor)}
          size="xl"
          className="due-card__amount"
          data-testid="amount-due"
        />
        {paidSoFar && (
          <span className="due-card__note">
            <Money value={money(order.paidMinor)} size="sm" /> paid of{' '}
            <Money value={money(order.totals.totalMinor)} size="sm" />
          </span>
        )}
      </div>
      {lastCash && (
        <div className="change-banner" role="status">
          <span>
            Took <Money value={money(lastCash.amountMinor)} /> in cash.
          </span>
          <span className="change-banner__change">
            Change due <Money value={money(lastCash.changeMinor)} size="lg" data-testid="change-due" />
          </span>
        </div>
      )}
      <ul className="tenders" aria-label="Ways to pay">
        {tenders.map((tender) => {
          const reasonId = `tender-reason-${tender.key}`;
          return (
            <li key={tender.key}>
              <button
                type="button"
                className="tender"
                aria-label={tender.label}
                disabled={tender.unavailableReason !== null}
                aria-describedby={tender.unavailableReason ? reasonId : undefined}
                onClick={tender.key === 'cash' ? onCash : undefined}
              >
                <span className="tender__icon" aria-hidden="true">
                  {tender.icon}
                </span>
                <span className="tender__label">{tender.label}</span>
                {tender.unavailableReason && (
                  <span id={reasonId} className="tender__reason">
                    {tender.unavailableReason}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
