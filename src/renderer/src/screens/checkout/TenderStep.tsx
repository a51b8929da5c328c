/**
 * The first step of paying: what is still due, what was paid so far (split tender), what payments in
 * flight are collecting, the change of the cash just taken, and the tenders this till has, drawn from
 * `payments.tenders` (each with its state: ready, or why not). Cash has its own step; every other
 * tender starts through the same flow and is followed by the in-flight step.
 */
import { type ReactNode } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { CardIcon, CashIcon, CoinsIcon, CryptoIcon, Money } from '../../ui';
import { type LastCashPayment } from './CashStep';
import { type OrderView } from './types';

export type TenderInfo = ApiOutput<'payments.tenders'>['tenders'][number];

const icons: Record<string, ReactNode> = {
  cash: <CashIcon size={32} />,
  card: <CardIcon size={32} />,
  crypto: <CryptoIcon size={32} />,
  coins: <CoinsIcon size={32} />,
};

const stateWords: Record<TenderInfo['state'], string> = {
  ready: '',
  not_set_up: 'Not set up',
  offline: 'Offline',
};

/** The tenders the core reports, reloaded when the step opens. */
function useTenders(): { tenders: TenderInfo[]; error: string | null } {
  const tenders = useCoreData(loadTenders);
  return {
    tenders: tenders.kind === 'ready' ? tenders.data : [],
    error: tenders.kind === 'error' ? tenders.message : null,
  };
}

const loadTenders = async () => (await client.invoke('payments.tenders', {})).tenders;

export interface TenderStepProps {
  order: OrderView;
  lastCash: LastCashPayment | null;
  onCash: () => void;
  /** Any tender but cash: the payment flow starts it and follows it. */
  onTender: (tender: TenderInfo) => void;
}

export function TenderStep({ order, lastCash, onCash, onTender }: TenderStepProps) {
  const money = (amount: string) => ({ amount, asset: order.currency });
  const paidSoFar = order.paidMinor !== '0';
  const inFlight = order.inFlightMinor !== '0';
  const { tenders, error } = useTenders();
  return (
    <div className="tender-step">
      <div className="due-card">
        <span className="due-card__label">{paidSoFar || inFlight ? 'Left to pay' : 'Amount due'}</span>
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
        {inFlight && (
          <span className="due-card__note" data-testid="in-flight">
            <Money value={money(order.inFlightMinor)} size="sm" /> being collected
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
      {error && (
        <p className="form-error" role="alert">
          Could not list the ways to pay: {error}
        </p>
      )}
      <ul className="tenders" aria-label="Ways to pay">
        {tenders.map((tender) => {
          const reasonId = `tender-reason-${tender.kind}`;
          const reason = tender.state === 'ready' ? null : (tender.reason ?? stateWords[tender.state]);
          return (
            <li key={tender.kind}>
              <button
                type="button"
                className="tender"
                aria-label={tender.label}
                disabled={reason !== null}
                aria-describedby={reason ? reasonId : undefined}
                onClick={() => (tender.kind === 'cash' ? onCash() : onTender(tender))}
              >
                <span className="tender__icon" aria-hidden="true">
                  {icons[tender.kind] ?? <CardIcon size={32} />}
                </span>
                <span className="tender__label">{tender.label}</span>
                {reason && (
                  <span id={reasonId} className="tender__reason">
                    {reason}
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
