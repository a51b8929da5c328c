/**
 * "No sale": opens the cash drawer without a sale, with a reason. A cashier needs a manager: on
 * approval_required the approval dialog opens and the call is made again with its token. Audited.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { withApproval } from '../../app/approval';
import { FormDialog, ReasonField, toast } from '../../ui';

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
    <FormDialog
      open={open}
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      title="No sale"
      description="Opens the cash drawer without a sale. It is recorded with your name and the reason."
      size="sm"
      submitLabel="Open drawer"
    >
      <ReasonField
        value={reason}
        choices={commonReasons}
        choicesLabel="Quick picks"
        error={error}
        onChange={(next) => {
          setReason(next);
          setError(null);
        }}
      />
    </FormDialog>
  );
}
