/**
 * Editing one line of the cart: its quantity and its discount (an amount or a percent of the
 * line). A discount over the store's limit asks a manager (the approval dialog) before it sticks.
 */
import { useState } from 'react';
import { minorToDecimalString } from '../../../../shared/money';
import {
  Button,
  Dialog,
  fieldErrorsOf,
  IconButton,
  MinusIcon,
  Money,
  PlusIcon,
  QuantityField,
  readQuantity,
  toast,
  TrashIcon,
} from '../../ui';
import { AmountOrPercentField, type AmountOrPercent } from './AmountOrPercentField';
import { discountFromTyped, typedFromDiscount } from './cartView';
import { type Discount, type OrderLineView } from './types';

export interface LineEditorDialogProps {
  line: OrderLineView | null;
  currency: string;
  discountLimitPercent: string;
  onSave: (
    line: OrderLineView,
    change: { quantity: number; discount: Discount | null },
    reason: string,
  ) => Promise<unknown>;
  onRemove: (line: OrderLineView) => Promise<unknown>;
  onClose: () => void;
}

export function LineEditorDialog(props: LineEditorDialogProps) {
  return (
    <Dialog open={props.line !== null} onClose={props.onClose} title={props.line?.name ?? ''} size="md">
      {props.line && <LineEditor key={props.line.id} {...props} line={props.line} />}
    </Dialog>
  );
}

function LineEditor({
  line,
  currency,
  discountLimitPercent,
  onSave,
  onRemove,
  onClose,
}: LineEditorDialogProps & { line: OrderLineView }) {
  const [quantityText, setQuantityText] = useState(String(line.quantity));
  const [kind, setKind] = useState<AmountOrPercent>(line.discount?.kind ?? 'percent');
  const [discountText, setDiscountText] = useState(
    typedFromDiscount(line.discount, currency, minorToDecimalString),
  );
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const readQuantityResult = readQuantity(quantityText);
  const quantityOk = readQuantityResult.ok;
  const quantity = readQuantityResult.ok ? readQuantityResult.quantity : line.quantity;

  const save = async () => {
    if (!quantityOk) return;
    let discount: Discount | null;
    try {
      discount = discountFromTyped(kind, discountText, currency);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'This discount cannot be used.');
      return;
    }
    setBusy('save');
    try {
      await onSave(
        line,
        { quantity, discount },
        `A discount over ${discountLimitPercent}% on ${line.name} needs a manager's approval.`,
      );
    } catch (caught) {
      // A refusal about the discount shows beside it; anything else (the sale moved on) is a toast.
      const { byField, rest } = fieldErrorsOf(caught, { discount: 'discount' as const });
      if (byField.discount) setError(byField.discount);
      if (rest) toast.error(rest);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('remove');
    try {
      await onRemove(line);
    } catch (caught) {
      toast.error(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <form
      className="line-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="line-editor__price">
        <Money value={{ amount: line.unitPriceMinor, asset: currency }} /> each
        {line.sku && <span className="line-editor__sku"> · SKU {line.sku}</span>}
      </p>
      <div className="line-editor__qty">
        <IconButton
          label="One less"
          icon={<MinusIcon />}
          variant="secondary"
          size="lg"
          disabled={!quantityOk || quantity <= 1}
          onClick={() => setQuantityText(String(quantity - 1))}
        />
        <QuantityField
          label="Quantity"
          value={quantityText}
          onValueChange={setQuantityText}
          maxLength={8}
          size="lg"
        />
        <IconButton
          label="One more"
          icon={<PlusIcon />}
          variant="secondary"
          size="lg"
          disabled={!quantityOk || quantity >= 100_000}
          onClick={() => setQuantityText(String(quantity + 1))}
        />
      </div>
      <AmountOrPercentField
        label="Line discount"
        kind={kind}
        onKindChange={setKind}
        text={discountText}
        onTextChange={(text) => {
          setError(null);
          setDiscountText(text);
        }}
        currency={currency}
        quickPercents={['5', '10', '15', '20', '50']}
        error={error}
        hint="Leave empty for no discount."
      />
      <div className="line-editor__actions">
        <Button
          variant="ghost"
          className="line-editor__remove"
          icon={<TrashIcon size={20} />}
          loading={busy === 'remove'}
          disabled={busy !== null}
          onClick={() => void remove()}
        >
          Remove item
        </Button>
        <Button variant="secondary" onClick={onClose} disabled={busy !== null}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={busy === 'save'}
          disabled={busy !== null || !quantityOk}
        >
          Save
        </Button>
      </div>
    </form>
  );
}
