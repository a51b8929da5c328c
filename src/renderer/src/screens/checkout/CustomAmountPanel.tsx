/**
 * The keypad side of the catalog: a custom item with a name and a price typed on the keypad (or the
 * keyboard), added with `orders.addLine({ custom })`. The price is typed in the currency's units and
 * turned into minor units exactly (see cartView.typedAmountToMinor).
 */
import { useState } from 'react';
import { assetScale } from '../../../../shared/money';
import { Button, formatAmount, Keypad, PlusIcon, TextField, toast, useDisplayLocale } from '../../ui';
import { typedAmountToMinor } from './cartView';

export interface CustomAmountPanelProps {
  currency: string;
  onAdd: (item: { name: string; unitPrice: string }) => Promise<unknown>;
}

export const defaultCustomItemName = 'Custom amount';

export function CustomAmountPanel({ currency, onAdd }: CustomAmountPanelProps) {
  const locale = useDisplayLocale();
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  let amountMinor: string | null = null;
  let problem: string | null = null;
  try {
    amountMinor = typedAmountToMinor(typed, currency);
  } catch (error) {
    problem = error instanceof Error ? error.message : 'This amount cannot be used.';
  }
  const shown = formatAmount({ amount: amountMinor ?? '0', asset: currency }, locale).text;
  const canAdd = amountMinor !== null && BigInt(amountMinor) > 0n && !busy;

  const add = async () => {
    if (!canAdd || amountMinor === null) return;
    setBusy(true);
    try {
      const added = await onAdd({ name: name.trim() || defaultCustomItemName, unitPrice: amountMinor });
      // Null: above the price threshold a manager was asked and it was cancelled; keep what was typed.
      if (added === null) return;
      setTyped('');
      setName('');
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="custom-amount" aria-label="Custom amount">
      <div className="custom-amount__side">
        <output
          className="custom-amount__display tabular"
          aria-live="polite"
          aria-label="Custom amount price"
        >
          {shown}
        </output>
        {problem && (
          <p className="custom-amount__problem" role="alert">
            {problem}
          </p>
        )}
        <TextField
          label="Item name"
          placeholder={defaultCustomItemName}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void add();
          }}
        />
        <Button
          variant="primary"
          size="lg"
          block
          icon={<PlusIcon />}
          disabled={!canAdd}
          loading={busy}
          onClick={() => void add()}
        >
          Add to sale
        </Button>
      </div>
      <Keypad
        value={typed}
        onChange={setTyped}
        onSubmit={() => void add()}
        maxFractionDigits={assetScale(currency)}
        label="Custom amount keypad"
        className="custom-amount__keypad"
      />
    </section>
  );
}
