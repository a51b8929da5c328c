/**
 * The sale is paid: the change to hand back, big; the receipt (print it, or save it as a PDF);
 * and New sale, which has the focus so Enter starts the next one.
 */
import { type RefObject } from 'react';
import { Button, CheckIcon, DownloadIcon, Money, PlusIcon, PrintIcon } from '../../ui';
import { useReceiptActions } from '../orders/useReceiptActions';
import { type LastCashPayment } from './CashStep';
import { type OrderView } from './types';

export interface DoneStepProps {
  order: OrderView;
  lastCash: LastCashPayment | null;
  newSaleRef: RefObject<HTMLButtonElement | null>;
  onNewSale: () => void;
}

export function DoneStep({ order, lastCash, newSaleRef, onNewSale }: DoneStepProps) {
  const { busy, print, savePdf } = useReceiptActions(order);
  const money = (amount: string) => ({ amount, asset: order.currency });
  const changeMinor = lastCash?.changeMinor ?? '0';

  return (
    <div className="done-step">
      <div className="done-step__badge" aria-hidden="true">
        <CheckIcon size={40} />
      </div>
      <p className="done-step__paid">
        Sale #{order.number} paid · <Money value={money(order.totals.totalMinor)} />
      </p>
      <div className="done-step__change">
        <span className="done-step__change-label">
          {changeMinor === '0' ? 'No change due' : 'Change due'}
        </span>
        <Money value={money(changeMinor)} size="display" data-testid="change-due" />
        {lastCash && (
          <span className="done-step__tendered">
            from <Money value={money(lastCash.tenderedMinor)} /> cash
          </span>
        )}
      </div>
      <div className="done-step__actions">
        <Button
          variant="secondary"
          size="lg"
          icon={<PrintIcon />}
          loading={busy === 'print'}
          disabled={busy !== null}
          onClick={() => void print()}
        >
          Print receipt
        </Button>
        <Button
          variant="secondary"
          size="lg"
          icon={<DownloadIcon />}
          loading={busy === 'pdf'}
          disabled={busy !== null}
          onClick={() => void savePdf()}
        >
          Save PDF
        </Button>
        <Button ref={newSaleRef} variant="primary" size="lg" icon={<PlusIcon />} onClick={onNewSale}>
          New sale
        </Button>
      </div>
    </div>
  );
}
