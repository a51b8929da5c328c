/**
 * No shift is open: count the float into the drawer per denomination (or give it as one amount)
 * and open the shift. The total beside Open shift is for display while counting; the shift's float
 * is the core's sum, shown once it is open.
 */
import { useState } from 'react';
import { client } from '../../api';
import {
  Button,
  Card,
  minorToInputText,
  Money,
  MoneyField,
  parseMoneyInput,
  SegmentedControl,
  type SegmentedOption,
  toast,
  useDisplayLocale,
} from '../../ui';
import { CashCounter } from './CashCounter';
import { type Counts, countTotalMinor, type Denomination, toCountEntries } from './cashCount';

type FloatMode = 'count' | 'amount';

const modes: readonly SegmentedOption<FloatMode>[] = [
  { value: 'count', label: 'Count bills and coins' },
  { value: 'amount', label: 'Enter one amount' },
];

export interface OpenShiftPanelProps {
  denominations: readonly Denomination[];
  currency: string;
  onOpened: () => void;
}

export function OpenShiftPanel({ denominations, currency, onOpened }: OpenShiftPanelProps) {
  const locale = useDisplayLocale();
  const [mode, setMode] = useState<FloatMode>('count');
  const [counts, setCounts] = useState<Counts>({});
  const [amountText, setAmountText] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [countProblems, setCountProblems] = useState(0);

  const typedAmount = parseMoneyInput(amountText, currency, locale);
  const shownTotal =
    mode === 'count' ? countTotalMinor(counts).toString() : typedAmount.ok ? typedAmount.amountMinor : null;

  const open = async () => {
    let float: { counts: { denominationMinor: string; count: number }[] } | { amount: string };
    if (mode === 'amount') {
      if (!typedAmount.ok) {
        setAmountError(typedAmount.message);
        return;
      }
      float = { amount: typedAmount.amountMinor };
    } else {
      if (countProblems > 0) return;
      float = { counts: toCountEntries(counts) };
    }
    setBusy(true);
    try {
      const { shift } = await client.invoke('shifts.open', { float });
      toast.success(`Shift ${shift.number} is open`);
      onOpened();
    } catch (error) {
      toast.error(error, { title: 'The shift did not open' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="count-layout">
      <Card
        className="count-layout__main"
        title="Start a new shift"
        description="Count the cash you put in the drawer (the float). Sales can be taken once the shift is open."
      >
        <div className="open-shift__body">
          <SegmentedControl
            label="How to enter the float"
            options={modes}
            value={mode}
            onValueChange={setMode}
          />
          {mode === 'count' ? (
            <CashCounter
              denominations={denominations}
              currency={currency}
              counts={counts}
              onCountsChange={setCounts}
              onProblemsChange={setCountProblems}
              disabled={busy}
            />
          ) : (
            <div className="open-shift__amount">
              <MoneyField
                label="Opening float"
                currency={currency}
                size="lg"
                value={amountText}
                placeholder={minorToInputText('15000', currency, locale)}
                error={amountError}
                disabled={busy}
                onValueChange={(text) => {
                  setAmountText(text);
                  setAmountError(null);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void open();
                }}
              />
            </div>
          )}
        </div>
      </Card>
      <Card className="count-layout__side">
        <div className="count-layout__summary">
          <h2>No shift open</h2>
          <dl className="close-figures">
            <div>
              <dt>Opening float</dt>
              <dd>
                {shownTotal !== null ? (
                  <Money
                    value={{ amount: shownTotal, asset: currency }}
                    size="lg"
                    data-testid="count-total"
                  />
                ) : (
                  '—'
                )}
              </dd>
            </div>
          </dl>
          <div className="count-layout__buttons">
            <Button
              variant="primary"
              size="lg"
              block
              loading={busy}
              disabled={mode === 'count' && countProblems > 0}
              onClick={() => void open()}
            >
              Open shift
            </Button>
          </div>
        </div>
      </Card>
    </div>
  );
}
