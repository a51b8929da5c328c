/**
 * The custom tip: an amount, or a percent of the sale before tax, typed in a small dialog. Empty
 * means no tip.
 */
import { Dialog } from '../../ui';
import { AmountOrPercentForm } from './AmountOrPercentForm';
import { type Tip } from './types';

export interface CustomTipDialogProps {
  open: boolean;
  current: Tip | null;
  currency: string;
  onApply: (tip: Tip | null) => Promise<unknown>;
  onClose: () => void;
}

export function CustomTipDialog({ open, current, currency, onApply, onClose }: CustomTipDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Custom tip" size="sm">
      {open && (
        <AmountOrPercentForm
          label="Tip"
          current={current}
          defaultKind="amount"
          currency={currency}
          hint="A percent is of the sale before tax. Leave empty for no tip."
          invalidMessage="This tip cannot be used."
          onApply={(typed) =>
            onApply(typed === null ? null : typed.kind === 'percent' ? { ...typed, base: 'pre_tax' } : typed)
          }
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}
