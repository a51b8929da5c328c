/**
 * A dialog that is one form: the fields in the body, Cancel and the submit button in the footer.
 * Enter in a field submits (a hidden submit button), Cancel, Esc, the × and the backdrop close it,
 * except while `busy`, when the submit button shows progress and nothing closes the dialog.
 */
import { useRef, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button';
import { Dialog, type DialogProps } from './Dialog';
import { submitThroughGate, type SubmitGate } from './submitGate';

export interface FormDialogProps {
  open: boolean;
  /** The submit is running: the submit button shows progress, Cancel and closing are off. */
  busy?: boolean;
  title: ReactNode;
  description?: ReactNode;
  size?: DialogProps['size'];
  submitLabel: ReactNode;
  submitVariant?: ButtonVariant;
  cancelLabel?: ReactNode;
  /** Runs on the submit button and on Enter in a field; the caller validates and sets `busy`. */
  onSubmit: () => void | Promise<unknown>;
  onClose: () => void;
  submitDisabled?: boolean;
  children: ReactNode;
}

export function FormDialog({
  open,
  busy = false,
  title,
  description,
  size,
  submitLabel,
  submitVariant = 'primary',
  cancelLabel = 'Cancel',
  onSubmit,
  onClose,
  submitDisabled,
  children,
}: FormDialogProps) {
  const gate = useRef<SubmitGate>({ running: false });
  const submitOnce = () => void submitThroughGate(gate.current, busy, onSubmit);
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busy) onClose();
      }}
      title={title}
      description={description}
      size={size}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button variant={submitVariant} loading={busy} disabled={submitDisabled} onClick={submitOnce}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          submitOnce();
        }}
      >
        {children}
        <button type="submit" hidden tabIndex={-1} disabled={submitDisabled || busy} />
      </form>
    </Dialog>
  );
}
