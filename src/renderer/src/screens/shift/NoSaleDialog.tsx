/**
 * "No sale": opens the cash drawer without a sale, with a reason. A cashier needs a manager: on
 * approval_required the approval dialog opens and the call is made again with its token. Audited.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { withApproval } from '../../app/approval';
import { Button, Dialog, TextField, toast } from '../../ui';

const commonReasons = ['Give change', 'Check the float', 'Fix a mistake'];

export function NoSaleDialog({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setReason('');
      setError(null);
    }
  }, [open]);

  const submit = async () => {
    const trimmed = reason.trim();
    if (!trimmed) {
      setError('Say why the drawer is opened.');
      return;
    }
    setBusy(true);
    try {
      const result = await withApproval(
        (approval) => client.invoke('drawer.noSale', { reason: trimmed, ...(approval ? { approval } : {}) }),
        { action: 'no_sale', reason: `No sale: ${trimmed}` },
      );
      if (result === null) return;
      toast.success('The drawer is open', { message: `Approved by ${result.approvedBy.name}.` });
      onDone();
    } catch (failure) {
      toast.error(failure, { title: 'The drawer did not open' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busy) onClose();
      }}
      title="No sale"
      description="Opens the cash drawer without a sale. It is recorded with your name and the reason."
      size="sm"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" loading={busy} onClick={() => void submit()}>
            Open drawer
          </Button>
        </>
      }
    >
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="Reason"
          value={reason}
          maxLength={200}
          error={error}
          onChange={(event) => {
            setReason(event.target.value);
            setError(null);
          }}
        />
        <div className="quick-reasons" role="group" aria-label="Quick picks">
          {commonReasons.map((option) => (
            <button
              key={option}
              type="button"
              className="chip"
              aria-pressed={reason === option}
              onClick={() => {
                setReason(option);
                setError(null);
              }}
            >
              {option}
            </button>
          ))}
        </div>
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
