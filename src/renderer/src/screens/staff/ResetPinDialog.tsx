/**
 * Resetting a member's forgotten PIN (typed twice); it also lifts a lockout. The core's refusal
 * (a PIN too easy to guess) shows as a toast, keeping what was typed.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { FormDialog, toast } from '../../ui';
import { PinFields, useFixedPinLength } from './PinFields';
import { pinErrors, type StaffRecord } from './staffForm';

export function ResetPinDialog({ member, onClose }: { member: StaffRecord | null; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; pinAgain?: string }>({});
  const [busy, setBusy] = useState(false);
  const pinLength = useFixedPinLength();

  useEffect(() => {
    if (member) {
      setPin('');
      setPinAgain('');
      setErrors({});
    }
  }, [member]);

  if (!member) return null;

  const submit = async () => {
    const found = pinErrors(pin, pinAgain, pinLength);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      await client.invoke('staff.setPin', { staffId: member.staffId, pin });
      toast.success(`${member.name}’s PIN was reset`, { message: 'Any lockout is lifted too.' });
      onClose();
    } catch (error) {
      toast.error(error, { title: 'The PIN was not reset' });
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
      title={`Reset PIN for ${member.name}`}
      description="For a forgotten PIN. Tell them the new one in person."
      size="md"
      submitLabel="Reset PIN"
    >
      <PinFields
        label="New PIN"
        pin={pin}
        pinAgain={pinAgain}
        errors={errors}
        onPin={(next) => {
          setPin(next);
          setErrors({});
        }}
        onPinAgain={(next) => {
          setPinAgain(next);
          setErrors((current) => ({ ...current, pinAgain: undefined }));
        }}
      />
    </FormDialog>
  );
}
