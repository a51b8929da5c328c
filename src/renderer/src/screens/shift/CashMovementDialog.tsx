/**
 * Pay in, pay out or drop cash to the safe during a shift: the amount (typed in the store's locale)
 * and a reason. A cashier's pay-out needs a manager: when the core answers approval_required the
 * manager approval dialog opens and the call is made again with the token.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { withApproval } from '../../app/approval';
import { type CashMovementKind } from '../../../../shared/api/shifts';
import { formatMoney } from '../../../../shared/money';
import { FormDialog, MoneyField, parseMoneyInput, ReasonField, toast, useDisplayLocale } from '../../ui';

const words: Record<
  CashMovementKind,
  { title: string; description: string; submit: string; done: string; reasons: string[] }
> = {
  pay_in: {
    title: 'Pay in',
    description: 'Cash put into the drawer, e.g. more change from the safe.',
    submit: 'Pay in',
    done: 'Paid in',
    reasons: ['Change from the safe', 'Float top-up'],
  },
  pay_out: {
    title: 'Pay out',
    description:
      'Cash taken from the drawer to pay for something (petty cash). A cashier needs a manager’s approval.',
    submit: 'Pay out',
    done: 'Paid out',
    reasons: ['Supplies', 'Delivery', 'Postage'],
  },
  drop: {
    title: 'Safe drop',
    description: 'Cash taken from the drawer to the safe, so the drawer does not hold too much.',
    submit: 'Drop to safe',
    done: 'Dropped to the safe',
    reasons: ['Too much cash in the drawer', 'Mid-shift drop'],
  },
};

export interface CashMovementDialogProps {
  kind: CashMovementKind | null;
  currency: string;
  onClose: () => void;
  onDone: () => void;
}

export function CashMovementDialog({ kind, currency, onClose, onDone }: CashMovementDialogProps) {
  const locale = useDisplayLocale();
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (kind) {
      setAmountText('');
      setReason('');
      setErrors({});
    }
  }, [kind]);

  if (!kind) return null;
  const text = words[kind];

  const submit = async () => {
    const parsed = parseMoneyInput(amountText, currency, locale, { requirePositive: true });
    const trimmedReason = reason.trim();
    const nextErrors = {
      ...(parsed.ok ? {} : { amount: parsed.message }),
      ...(trimmedReason ? {} : { reason: 'Say what the cash is for.' }),
    };
    setErrors(nextErrors);
    if (!parsed.ok || !trimmedReason) return;
    const shown = formatMoney(BigInt(parsed.amountMinor), currency, locale);
    setBusy(true);
    try {
      const result = await withApproval(
        (approval) =>
          client.invoke('shifts.cashMovement', {
            kind,
            amount: parsed.amountMinor,
            reason: trimmedReason,
            ...(approval ? { approval } : {}),
          }),
        // The core binds a pay-out's approval to the no-sale action (the drawer opens for it).
        { action: 'pay_out', reason: `${text.title} of ${shown}: ${trimmedReason}` },
      );
      if (result === null) return;
      toast.success(`${text.done} ${shown}`);
      onDone();
    } catch (error) {
      toast.error(error, { title: `${text.title} failed` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      title={text.title}
      description={text.description}
      size="sm"
      submitLabel={text.submit}
    >
      <MoneyField
        label="Amount"
        currency={currency}
        size="lg"
        value={amountText}
        error={errors.amount}
        onValueChange={(value) => {
          setAmountText(value);
          setErrors((current) => ({ ...current, amount: undefined }));
        }}
      />
      <ReasonField
        value={reason}
        choices={text.reasons}
        choicesLabel="Quick picks"
        error={errors.reason}
        suggest
        onChange={(value) => {
          setReason(value);
          setErrors((current) => ({ ...current, reason: undefined }));
        }}
      />
    </FormDialog>
  );
}
