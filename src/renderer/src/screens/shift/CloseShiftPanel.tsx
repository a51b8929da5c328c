/**
 * Closing a shift: payments are paused (the core refuses them while the shift is closing), the
 * drawer is counted per denomination (payments still in flight settle first, or a manager carries
 * them to the next shift), and Close shift sends the count; the core books the
 * difference and freezes the Z report, which the screen then shows. Cancel close reopens the shift.
 */
import { useState } from 'react';
import { client } from '../../api';
import { type ShiftView, type XReport, type ZReport } from '../../../../shared/api/shifts';
import { Button, Card, ConfirmDialog, Money, StatusPill, TextArea, toast } from '../../ui';
import { CashCounter } from './CashCounter';
import { InFlightPayments, useInFlightPayments } from './InFlightPayments';
import { type Counts, countPieces, countTotalMinor, type Denomination, toCountEntries } from './cashCount';

export interface CloseShiftPanelProps {
  shift: ShiftView;
  xReport: XReport | null;
  denominations: readonly Denomination[];
  onClosed: (report: ZReport) => void;
  onCancelled: () => void;
}

export function CloseShiftPanel({
  shift,
  xReport,
  denominations,
  onClosed,
  onCancelled,
}: CloseShiftPanelProps) {
  const currency = shift.currency;
  const [counts, setCounts] = useState<Counts>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'close' | 'cancel' | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [countProblems, setCountProblems] = useState(0);
  const inFlight = useInFlightPayments(shift.id);

  const close = async () => {
    setBusy('close');
    try {
      const trimmed = note.trim();
      const result = await client.invoke('shifts.close', {
        counts: toCountEntries(counts),
        ...(trimmed ? { note: trimmed } : {}),
      });
      setConfirmEmpty(false);
      toast.success(`Shift ${result.shift.number} is closed`);
      onClosed(result.zReport);
    } catch (error) {
      toast.error(error, { title: 'The shift did not close' });
      throw error;
    } finally {
      setBusy(null);
    }
  };

  const cancel = async () => {
    setBusy('cancel');
    try {
      await client.invoke('shifts.cancelClose', {});
      toast.info(`Shift ${shift.number} is open again`);
      onCancelled();
    } catch (error) {
      toast.error(error, { title: 'The close was not cancelled' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="count-layout">
      <Card
        className="count-layout__main"
        title="Count the drawer"
        description="Count every bill and coin in the drawer. Payments are paused until the shift is closed or the close is cancelled."
      >
        <CashCounter
          denominations={denominations}
          currency={currency}
          counts={counts}
          onCountsChange={setCounts}
          onProblemsChange={setCountProblems}
          disabled={busy !== null}
        />
      </Card>
      <Card className="count-layout__side">
        <div className="count-layout__summary">
          <div className="drawer-hero__title">
            <h2>Closing shift {shift.number}</h2>
            <StatusPill tone="warning" pulse>
              Payments paused
            </StatusPill>
          </div>
          <dl className="close-figures">
            <div>
              <dt>Expected in drawer</dt>
              <dd>
                {xReport ? (
                  <Money value={{ amount: xReport.cash.expectedMinor, asset: currency }} size="lg" />
                ) : (
                  '—'
                )}
              </dd>
            </div>
            <div>
              <dt>Counted so far</dt>
              <dd>
                <Money
                  value={{ amount: countTotalMinor(counts).toString(), asset: currency }}
                  size="lg"
                  data-testid="count-total"
                />
              </dd>
            </div>
          </dl>
          <InFlightPayments
            shiftId={shift.id}
            currency={currency}
            waiting={inFlight.waiting}
            onCarried={inFlight.reload}
          />
          <TextArea
            label="Note (optional)"
            value={note}
            maxLength={500}
            rows={3}
            placeholder="Anything the next person should know"
            onChange={(event) => setNote(event.target.value)}
          />
          <div className="count-layout__buttons">
            <Button
              variant="primary"
              size="lg"
              block
              loading={busy === 'close'}
              disabled={busy === 'cancel' || inFlight.waiting.length > 0 || countProblems > 0}
              onClick={() => {
                const expectsCash = xReport !== null && BigInt(xReport.cash.expectedMinor) > 0n;
                if (countPieces(counts) === 0 && expectsCash) setConfirmEmpty(true);
                else void close().catch(() => undefined);
              }}
            >
              Close shift
            </Button>
            <Button
              size="lg"
              block
              loading={busy === 'cancel'}
              disabled={busy === 'close'}
              onClick={() => void cancel()}
            >
              Cancel close
            </Button>
          </div>
        </div>
      </Card>
      <ConfirmDialog
        open={confirmEmpty}
        tone="danger"
        title="Close with an empty drawer?"
        message="Nothing has been counted. The whole expected amount will be booked as short."
        confirmLabel="Close with nothing counted"
        onCancel={() => setConfirmEmpty(false)}
        onConfirm={close}
      />
    </div>
  );
}
