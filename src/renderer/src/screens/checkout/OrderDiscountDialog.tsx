/**
 * The order discount (an amount or a percent off the whole sale, after the line discounts) and
 * the custom tip: both are an amount or a percent typed in a small dialog. Over the store's limit a
 * discount asks a manager first.
 */
import { useState } from 'react';
import { minorToDecimalString } from '../../../../shared/money';
import { Button, Dialog, toast } from '../../ui';
import { AmountOrPercentField, type AmountOrPercent } from './AmountOrPercentField';
import { discountFromTyped, typedFromDiscount } from './cartView';
import { type Discount, type Tip } from './types';

export interface OrderDiscountDialogProps {
  open: boolean;
  current: Discount | null;
  currency: string;
  discountLimitPercent: string;
  onApply: (discount: Discount | null, reason: string) => Promise<unknown>;
  onClose: () => void;
}

export function OrderDiscountDialog(props: OrderDiscountDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title="Order discount"
      description="Taken off the whole sale, after item discounts."
      size="sm"
    >
      {props.open && <OrderDiscountForm {...props} />}
    </Dialog>
  );
}

function OrderDiscountForm({
  current,
  currency,
  discountLimitPercent,
  onApply,
  onClose,
}: OrderDiscountDialogProps) {
  const [kind, setKind] = useState<AmountOrPercent>(current?.kind ?? 'percent');
  const [text, setText] = useState(typedFromDiscount(current, currency, minorToDecimalString));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (discount: Discount | null) => {
    setBusy(true);
    try {
      await onApply(discount, `An order discount over ${discountLimitPercent}% needs a manager's approval.`);
    } catch (caught) {
      toast.error(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    try {
      void apply(discountFromTyped(kind, text, currency));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'This discount cannot be used.');
    }
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
        label="Discount"
        kind={kind}
        onKindChange={setKind}
        text={text}
        onTextChange={(next) => {
          setError(null);
          setText(next);
        }}
        currency={currency}
        quickPercents={['5', '10', '15', '20']}
        error={error}
        hint={`Up to ${discountLimitPercent}% without a manager.`}
      />
      <div className="small-form__actions">
        {current && (
          <Button
            variant="ghost"
            className="small-form__start"
            disabled={busy}
            onClick={() => void apply(null)}
          >
            Remove discount
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

export interface CustomTipDialogProps {
  open: boolean;
  current: Tip | null;
  currency: string;
  onApply: (tip: Tip | null) => Promise<unknown>;
  onClose: () => void;
}

export function CustomTipDialog(props: CustomTipDialogProps) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title="Custom tip" size="sm">
      {props.open && <CustomTipForm {...props} />}
    </Dialog>
  );
}

function CustomTipForm({ current, currency, onApply, onClose }: CustomTipDialogProps) {
  const [kind, setKind] = useState<AmountOrPercent>(current?.kind ?? 'amount');
  const [text, setText] = useState(typedFromDiscount(current, currency, minorToDecimalString));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let tip: Tip | null;
    try {
      const typed = discountFromTyped(kind, text, currency);
      tip = typed === null ? null : typed.kind === 'percent' ? { ...typed, base: 'pre_tax' } : typed;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'This tip cannot be used.');
      return;
    }
    setBusy(true);
    try {
      await onApply(tip);
    } catch (caught) {
      toast.error(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="small-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <AmountOrPercentField
        label="Tip"
        kind={kind}
        onKindChange={setKind}
        text={text}
        onTextChange={(next) => {
          setError(null);
          setText(next);
        }}
        currency={currency}
        error={error}
        hint="A percent is of the sale before tax. Leave empty for no tip."
      />
      <div className="small-form__actions">
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
