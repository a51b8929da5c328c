/**
 * The order discount: an amount or a percent off the whole sale, after the line discounts, typed
 * in a small dialog. Over the store's limit a discount asks a manager first.
 */
import { Dialog } from '../../ui';
import { AmountOrPercentForm } from './AmountOrPercentForm';
import { type Discount } from './types';

export interface OrderDiscountDialogProps {
  open: boolean;
  current: Discount | null;
  currency: string;
  discountLimitPercent: string;
  onApply: (discount: Discount | null, reason: string) => Promise<unknown>;
  onClose: () => void;
}

export function OrderDiscountDialog({
  open,
  current,
  currency,
  discountLimitPercent,
  onApply,
  onClose,
}: OrderDiscountDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Order discount"
      description="Taken off the whole sale, after item discounts."
      size="sm"
    >
      {open && (
        <AmountOrPercentForm
          label="Discount"
          current={current}
          defaultKind="percent"
          currency={currency}
          quickPercents={['5', '10', '15', '20']}
          hint={`Up to ${discountLimitPercent}% without a manager.`}
          invalidMessage="This discount cannot be used."
          onApply={(discount) =>
            onApply(discount, `An order discount over ${discountLimitPercent}% needs a manager's approval.`)
          }
          removeLabel="Remove discount"
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}
