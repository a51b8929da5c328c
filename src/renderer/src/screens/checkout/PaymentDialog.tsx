/**
 * Paying for the sale, in one dialog: choose a tender (the core lists them), take the cash or follow
 * a payment that settles later (as many times as a split needs), then the done screen with the change
 * and the receipt. Closing the done screen starts a
 * new sale; while a payment is on its way the dialog cannot be closed.
 */
import { useCallback, useRef, useState } from 'react';
import { Dialog, Money } from '../../ui';
import { CardReaderStep } from './CardReaderStep';
import { CashStep, type LastCashPayment } from './CashStep';
import { CoinsStep } from './CoinsStep';
import { ForeignCashStep } from '../fx/ForeignCashStep';
import { CryptoStep } from '../crypto/CryptoStep';
import { DoneStep } from './DoneStep';
import { InFlightStep } from './InFlightStep';
import { TenderStep, type TenderInfo } from './TenderStep';
import { type OrderView } from './types';
import './payment.css';

type Step = 'tender' | 'cash' | 'coins' | 'fx' | 'reader' | 'crypto' | 'inflight' | 'done';

export interface PaymentDialogProps {
  open: boolean;
  order: OrderView | null;
  /** A payment answered with the order (maybe now paid). */
  onOrder: (order: OrderView) => void;
  onClose: () => void;
  onNewSale: () => void;
}

export function PaymentDialog(props: PaymentDialogProps) {
  const { open, order } = props;
  return open && order ? <PaymentFlow key={order.id} {...props} order={order} /> : null;
}

function PaymentFlow({ order, onOrder, onClose, onNewSale }: PaymentDialogProps & { order: OrderView }) {
  const [step, setStep] = useState<Step>(order.status === 'paid' ? 'done' : 'tender');
  const [lastCash, setLastCash] = useState<LastCashPayment | null>(null);
  const [busy, setBusy] = useState(false);
  const [tender, setTender] = useState<TenderInfo | null>(null);
  const newSaleRef = useRef<HTMLButtonElement>(null);

  const paid = (next: OrderView, payment: LastCashPayment) => {
    onOrder(next);
    setLastCash(payment);
    setStep(next.status === 'open' ? 'tender' : 'done');
  };

  const close = () => {
    if (busy) return;
    if (step === 'done') onNewSale();
    else onClose();
  };

  const followed = useCallback(
    (next: OrderView) => {
      onOrder(next);
      if (next.status !== 'open') setStep('done');
    },
    [onOrder],
  );

  const toInFlight = useCallback(() => setStep('inflight'), []);

  const titles: Record<Step, string> = {
    tender: 'Take payment',
    cash: 'Cash',
    coins: 'Store coins',
    fx: 'Foreign cash',
    reader: 'Card reader',
    crypto: 'Crypto',
    inflight: tender?.label ?? 'Payment',
    done: 'Paid',
  };
  return (
    <Dialog
      open
      onClose={close}
      title={titles[step]}
      description={
        step === 'done' ? undefined : (
          <>
            Sale #{order.number} · total{' '}
            <Money value={{ amount: order.totals.totalMinor, asset: order.currency }} />
          </>
        )
      }
      size="lg"
      dismissible={!busy}
      initialFocusRef={step === 'done' ? newSaleRef : undefined}
      className="payment-dialog"
    >
      {step === 'tender' && (
        <TenderStep
          order={order}
          lastCash={lastCash}
          onCash={() => setStep('cash')}
          onTender={(chosen) => {
            setTender(chosen);
            setStep(
              chosen.kind === 'coins'
                ? 'coins'
                : chosen.kind === 'foreign_cash'
                  ? 'fx'
                  : chosen.kind === 'card'
                    ? 'reader'
                    : chosen.kind === 'crypto'
                      ? 'crypto'
                      : 'inflight',
            );
          }}
        />
      )}
      {step === 'reader' && <CardReaderStep onReady={toInFlight} onBack={() => setStep('tender')} />}
      {step === 'inflight' && tender && (
        <InFlightStep
          order={order}
          tender={tender}
          onOrder={followed}
          onBack={() => setStep('tender')}
          onBusyChange={setBusy}
        />
      )}
      {step === 'crypto' && (
        <CryptoStep
          order={order}
          onOrder={followed}
          onBack={() => setStep('tender')}
          onBusyChange={setBusy}
        />
      )}
      {step === 'coins' && (
        <CoinsStep
          order={order}
          onBack={() => setStep('tender')}
          onPaid={(next) => {
            onOrder(next);
            setLastCash(null);
            setStep(next.status === 'open' ? 'tender' : 'done');
          }}
          onBusyChange={setBusy}
        />
      )}
      {step === 'fx' && (
        <ForeignCashStep
          order={order}
          onBack={() => setStep('tender')}
          onPaid={paid}
          onBusyChange={setBusy}
        />
      )}
      {step === 'cash' && (
        <CashStep order={order} onBack={() => setStep('tender')} onPaid={paid} onBusyChange={setBusy} />
      )}
      {step === 'done' && (
        <DoneStep order={order} lastCash={lastCash} newSaleRef={newSaleRef} onNewSale={onNewSale} />
      )}
    </Dialog>
  );
}
