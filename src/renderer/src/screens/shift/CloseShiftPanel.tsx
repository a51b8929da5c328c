/**
 * Closing a shift: payments are paused (the core refuses them while the shift is closing), the
 * drawer is counted per denomination (payments still in flight settle first, or a manager carries
 * them to the next shift), and Close shift sends the count; the core books the
 * difference and freezes the Z report, which the screen then shows. Cancel close reopens the shift.
 * With the store's blind count on, the expected cash stays hidden while counting: Check count asks
 * the core (shifts.checkCount) for the over/short of this count, and the cashier then closes with it
 * or recounts (a changed count must be checked again). The core itself never sends a cashier the
 * expected cash under the blind count (a manager gets it after the check); the Z report has it.
 */
import { useState } from 'react';
import { client } from '../../api';
import { useStoreSettings } from '../../api/sharedData';
import { type ApiOutput } from '../../../../shared/api';
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
  const { settings } = useStoreSettings();
  // Blind until the settings say otherwise, or while the core holds the figures back from this
  // member (it decides: a cashier under the blind count is never sent the expected cash).
  const blind = settings.kind !== 'loaded' || settings.value.blindCount || xReport?.blind === true;
  const [checked, setChecked] = useState<ApiOutput<'shifts.checkCount'> | null>(null);
  const [checking, setChecking] = useState(false);

  const changeCounts = (next: Counts) => {
    setCounts(next);
    setChecked(null);
  };

  const check = async () => {
    setChecking(true);
    try {
      setChecked(await client.invoke('shifts.checkCount', { counts: toCountEntries(counts) }));
    } catch (error) {
      toast.error(error, { title: 'The count could not be checked' });
    } finally {
      setChecking(false);
    }
  };

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
          onCountsChange={changeCounts}
          onProblemsChange={setCountProblems}
          disabled={busy !== null || checking}
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
              <dd data-testid="expected-cash">
                {blind ? (
                  checked?.expectedCashMinor ? (
                    <Money value={{ amount: checked.expectedCashMinor, asset: currency }} size="lg" />
                  ) : checked ? (
                    <span className="close-figures__hidden">On the Z report</span>
                  ) : (
                    <span className="close-figures__hidden">Hidden until counted</span>
                  )
                ) : xReport?.cash ? (
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
          {blind && checked && <OverShort differenceMinor={checked.differenceMinor} currency={currency} />}
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
            {blind && !checked ? (
              <Button
                variant="primary"
                size="lg"
                block
                loading={checking}
                disabled={busy !== null || inFlight.waiting.length > 0 || countProblems > 0}
                onClick={() => void check()}
              >
                Check count
              </Button>
            ) : (
              <Button
                variant="primary"
                size="lg"
                block
                loading={busy === 'close'}
                disabled={busy === 'cancel' || inFlight.waiting.length > 0 || countProblems > 0}
                onClick={() => {
                  const expectsCash = !!xReport?.cash && BigInt(xReport.cash.expectedMinor) > 0n;
                  // A blind count has just shown its over/short: closing is the confirmation.
                  if (!blind && countPieces(counts) === 0 && expectsCash) setConfirmEmpty(true);
                  else void close().catch(() => undefined);
                }}
              >
                Close shift
              </Button>
            )}
            {blind && checked && (
              <Button size="lg" block disabled={busy !== null} onClick={() => setChecked(null)}>
                Recount
              </Button>
            )}
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

/** The over/short of a checked count, as the core worked it out (counted − expected). */
function OverShort({ differenceMinor, currency }: { differenceMinor: string; currency: string }) {
  const difference = BigInt(differenceMinor);
  const state = difference === 0n ? 'even' : difference > 0n ? 'over' : 'short';
  const amount = (difference < 0n ? -difference : difference).toString();
  return (
    <div className={`over-short over-short--${state}`} role="status" data-testid="over-short">
      {state === 'even' ? (
        <strong>The drawer is even: the count matches the expected cash.</strong>
      ) : (
        <strong>
          The drawer is {state} by <Money value={{ amount, asset: currency }} />.
        </strong>
      )}
      <span>Close the shift with this count, or recount.</span>
    </div>
  );
}
