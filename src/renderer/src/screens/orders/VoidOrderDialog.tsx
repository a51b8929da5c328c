/**
 * "Void this sale?": asks why (a common reason in one tap, or typed), then voids it. The caller
 * runs orders.void (with the approval dialog when the core asks for a manager); the dialog shows
 * progress and stays open when it fails, so the reason is not lost.
 */
import { useState } from 'react';
import { Button, Dialog, Money, ReasonField } from '../../ui';

export const commonVoidReasons = ['Customer changed their mind', 'Wrong items rung up', 'Test sale'] as const;

export interface VoidOrderDialogProps {
  /** The order to void; null keeps the dialog closed. */
  order: { id: string; number: number; currency: string; totalMinor: string; lineCount: number } | null;
  /** Voids it; resolves when done (or cancelled at the approval), rejects on failure. */
  onVoid: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

export function VoidOrderDialog({ order, onVoid, onClose }: VoidOrderDialogProps) {
  return (
    <Dialog
      open={order !== null}
      onClose={onClose}
      title={order ? `Void sale #${order.number}?` : ''}
      description={
        order && order.lineCount > 0 ? (
          <>
            Its {order.lineCount === 1 ? 'item' : `${order.lineCount} items`} (
            <Money value={{ amount: order.totalMinor, asset: order.currency }} />) go back, and any money
            taken is handed back. A cashier needs a manager’s approval.
          </>
        ) : (
          'The empty sale is closed.'
        )
      }
      size="sm"
    >
      {order && <VoidForm key={order.id} onVoid={onVoid} onClose={onClose} />}
    </Dialog>
  );
}

function VoidForm({ onVoid, onClose }: Pick<VoidOrderDialogProps, 'onVoid' | 'onClose'>) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const trimmed = reason.trim();

  const submit = async () => {
    if (!trimmed) return;
    setBusy(true);
    try {
      await onVoid(trimmed);
    } catch {
      // The caller showed why; the dialog stays for another try.
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
      <ReasonField
        value={reason}
        choices={commonVoidReasons}
        choicesLabel="Common reasons"
        variant="compact"
        onChange={setReason}
      />
      <div className="small-form__actions">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Keep sale
        </Button>
        <Button type="submit" variant="danger" loading={busy} disabled={!trimmed}>
          Void sale
        </Button>
      </div>
    </form>
  );
}
