/**
 * Refunding a paid order: pick the lines and how many of each (up to what is left to refund), say
 * why, and refund. The core works out the money (tax, discounts, cash rounding) and gives it back
 * through the tender that took it; a cashier's refund goes through the manager approval dialog.
 */
import { useState } from 'react';
import { withApproval } from '../../app/approval';
import { client } from '../../api';
import {
  Button,
  cx,
  Dialog,
  formatAmount,
  IconButton,
  MinusIcon,
  Money,
  PlusIcon,
  ReasonField,
  toast,
  useDisplayLocale,
} from '../../ui';
import {
  emptyPick,
  paymentKindLabels,
  pickAll,
  pickedCount,
  refundLines,
  type RefundPick,
  setPicked,
} from './ordersView';
import { type OrderView } from './useOrders';
import { useRefundQuote } from './useRefundQuote';

export const commonRefundReasons = ['Returned item', 'Wrong item', 'Damaged', 'Not as described'] as const;

export interface RefundDialogProps {
  order: OrderView | null;
  onRefunded: (order: OrderView) => void;
  onClose: () => void;
}

export function RefundDialog({ order, onRefunded, onClose }: RefundDialogProps) {
  return (
    <Dialog
      open={order !== null}
      onClose={onClose}
      title={order ? `Refund sale #${order.number}` : ''}
      description="Pick what comes back. The till works out the amount and gives it back the way it was paid."
      size="md"
    >
      {order && <RefundForm key={order.id} order={order} onRefunded={onRefunded} onClose={onClose} />}
    </Dialog>
  );
}

function RefundForm({ order, onRefunded, onClose }: { order: OrderView } & Omit<RefundDialogProps, 'order'>) {
  const locale = useDisplayLocale();
  const refundable = order.lines.filter((line) => line.refundableQuantity > 0);
  const [pick, setPick] = useState<RefundPick>(() =>
    refundable.length === 1 ? pickAll(order.lines) : emptyPick(order.lines),
  );
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const lines = refundLines(order.lines, pick);
  const count = pickedCount(pick);
  const allPicked = refundable.every((line) => (pick[line.id] ?? 0) === line.refundableQuantity);
  const trimmed = reason.trim();
  // The tenders that kept money: when there are several, the cashier picks which gives back first.
  const keptKinds = [
    ...new Set(
      order.payments
        .filter(
          (p) =>
            (p.status === 'succeeded' || p.status === 'partially_refunded') &&
            BigInt(p.amountMinor) > BigInt(p.refundedMinor),
        )
        .map((p) => p.kind),
    ),
  ];
  const [tender, setTender] = useState<string>(() =>
    keptKinds.includes('cash') ? 'cash' : (keptKinds[0] ?? 'cash'),
  );

  const { quote, problem: quoteProblem } = useRefundQuote(
    order.id,
    lines,
    keptKinds.length > 1 ? tender : undefined,
  );
  const quoteText = quote
    ? formatAmount({ amount: quote.amountMinor, asset: quote.currency }, locale).text
    : null;

  const refund = async () => {
    if (lines.length === 0 || !trimmed) return;
    setBusy(true);
    try {
      const result = await withApproval(
        (approval) =>
          client.invoke('orders.refund', {
            orderId: order.id,
            lines,
            reason: trimmed,
            ...(keptKinds.length > 1 ? { tender } : {}),
            ...(approval ? { approval } : {}),
          }),
        {
          action: 'refund',
          ref: order.id,
          reason: `Refund of ${count === 1 ? '1 item' : `${count} items`} from sale #${order.number}: ${trimmed}.`,
          facts: [
            { label: 'Order', value: `Sale #${order.number}` },
            { label: 'Items', value: count === 1 ? '1 item' : `${count} items` },
            ...(quoteText ? [{ label: 'Refund', value: quoteText }] : []),
          ],
        },
      );
      if (result) {
        const amount = formatAmount(
          { amount: result.refund.amountMinor, asset: order.currency },
          locale,
        ).text;
        const through = (paymentKindLabels[result.refund.tender] ?? result.refund.tender).toLowerCase();
        if (result.refund.status === 'failed') {
          const why = result.refund.shares.find((share) => share.message)?.message;
          toast.error(`The refund of sale #${order.number} did not go through`, {
            message: why ?? 'The tender refused to give the money back; nothing was refunded.',
          });
        } else if (result.refund.status === 'pending') {
          toast.info(`Sale #${order.number}: refund on its way`, {
            message: `${amount} is going back through ${through}.`,
          });
        } else {
          toast.success(`Sale #${order.number} refunded`, { message: `${amount} back in ${through}.` });
        }
        onRefunded(result.order);
      }
    } catch (error) {
      toast.error(error, { title: 'The refund did not go through' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="refund-form"
      onSubmit={(event) => {
        event.preventDefault();
        void refund();
      }}
    >
      <div className="refund-form__head">
        <span>
          {count === 0 ? 'Nothing picked yet' : count === 1 ? '1 item picked' : `${count} items picked`}
        </span>
        <Button
          variant="ghost"
          onClick={() => setPick(allPicked ? emptyPick(order.lines) : pickAll(order.lines))}
          disabled={busy}
        >
          {allPicked ? 'Pick none' : 'Pick everything'}
        </Button>
      </div>
      <ul className="refund-lines" aria-label="Items to refund">
        {order.lines.map((line) => {
          const picked = pick[line.id] ?? 0;
          const left = line.refundableQuantity;
          return (
            <li key={line.id} className={cx('refund-lines__row', left === 0 && 'is-done')}>
              <span className="refund-lines__name">
                {line.name}
                <span className="refund-lines__meta">
                  {left === 0 ? (
                    'Already refunded'
                  ) : (
                    <>
                      {left} of {line.quantity} left ·{' '}
                      <Money value={{ amount: line.totalMinor, asset: order.currency }} size="sm" /> for{' '}
                      {line.quantity}
                    </>
                  )}
                </span>
              </span>
              {left > 0 && (
                <span
                  className="refund-lines__stepper"
                  role="group"
                  aria-label={`Refund quantity of ${line.name}`}
                >
                  <IconButton
                    label={`Refund one less ${line.name}`}
                    icon={<MinusIcon size={20} />}
                    variant="secondary"
                    disabled={busy || picked === 0}
                    onClick={() => setPick((current) => setPicked(current, line, picked - 1))}
                  />
                  <output
                    className="refund-lines__qty tabular"
                    aria-label={`Refund ${picked} of ${line.name}`}
                  >
                    {picked}
                  </output>
                  <IconButton
                    label={`Refund one more ${line.name}`}
                    icon={<PlusIcon size={20} />}
                    variant="secondary"
                    disabled={busy || picked >= left}
                    onClick={() => setPick((current) => setPicked(current, line, picked + 1))}
                  />
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {keptKinds.length > 1 && (
        <fieldset className="refund-form__tender">
          <legend>Give the money back first through</legend>
          {keptKinds.map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="refund-tender"
                value={kind}
                checked={tender === kind}
                disabled={busy}
                onChange={() => setTender(kind)}
              />{' '}
              {paymentKindLabels[kind] ?? kind}
            </label>
          ))}
        </fieldset>
      )}
      <ReasonField
        value={reason}
        choices={commonRefundReasons}
        choicesLabel="Common reasons"
        variant="compact"
        onChange={setReason}
      />
      <div className="small-form__actions refund-form__actions">
        <p className="refund-form__total" role="status">
          {lines.length === 0 ? (
            'Pick what comes back'
          ) : quote ? (
            <>
              Refund total{' '}
              <strong data-testid="refund-total">
                <Money value={{ amount: quote.amountMinor, asset: quote.currency }} />
              </strong>
            </>
          ) : (
            (quoteProblem ?? 'Working out the total…')
          )}
        </p>
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={busy}
          disabled={lines.length === 0 || !trimmed || quote === null}
        >
          Refund
        </Button>
      </div>
    </form>
  );
}
