/**
 * The form of the order discount and custom tip dialogs: an amount or a percent
 * (AmountOrPercentField), Cancel and Apply, and a button that takes the current one off when asked
 * for. What cannot be read shows under the field; a refusal from `onApply` shows as a toast and the
 * form stays as typed.
 */
import { useState } from 'react';
import { minorToDecimalString } from '../../../../shared/money';
import { Button, fieldErrorsOf, toast } from '../../ui';
import { AmountOrPercentField, type AmountOrPercent } from './AmountOrPercentField';
import { discountFromTyped, typedFromDiscount } from './cartView';
import { type Discount } from './types';

export interface AmountOrPercentFormProps {
  label: string;
  /** What is set now, typed into the field to start with. */
  current: Discount | null;
  /** The kind to start with when nothing is set. */
  defaultKind: AmountOrPercent;
  currency: string;
  quickPercents?: readonly string[];
  hint: string;
  /** The error when the text cannot be used and the parser gave no reason. */
  invalidMessage: string;
  /** Applies what was typed (null: none); resolves when done, rejects with why it was refused. */
  onApply: (value: Discount | null) => Promise<unknown>;
  /** With a current value, a button with this label applies null. */
  removeLabel?: string;
  onClose: () => void;
}

export function AmountOrPercentForm({
  label,
  current,
  defaultKind,
  currency,
  quickPercents,
  hint,
  invalidMessage,
  onApply,
  removeLabel,
  onClose,
}: AmountOrPercentFormProps) {
  const [kind, setKind] = useState<AmountOrPercent>(current?.kind ?? defaultKind);
  const [text, setText] = useState(typedFromDiscount(current, currency, minorToDecimalString));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (value: Discount | null) => {
    setBusy(true);
    try {
      await onApply(value);
    } catch (caught) {
      // A refusal of the amount (discount or tip) shows beside the field; anything else is a toast.
      const { byField, rest } = fieldErrorsOf(caught, { discount: 'value' as const, tip: 'value' as const });
      if (byField.value) setError(byField.value);
      if (rest) toast.error(rest);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    let value: Discount | null;
    try {
      value = discountFromTyped(kind, text, currency);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : invalidMessage);
      return;
    }
    void apply(value);
  };

  return (
    <form
      className="small-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <AmountOrPercentField
        label={label}
        kind={kind}
        onKindChange={setKind}
        text={text}
        onTextChange={(next) => {
          setError(null);
          setText(next);
        }}
        currency={currency}
        quickPercents={quickPercents}
        error={error}
        hint={hint}
      />
      <div className="small-form__actions">
        {current && removeLabel && (
          <Button
            variant="ghost"
            className="small-form__start"
            disabled={busy}
            onClick={() => void apply(null)}
          >
            {removeLabel}
          </Button>
        )}
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={busy}>
          Apply
        </Button>
      </div>
    </form>
  );
}
