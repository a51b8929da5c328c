/**
 * Adding a member of the team: name, role and PIN (twice). The core's refusal (a PIN too easy to
 * guess, a name taken) shows as a toast, keeping what was typed.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { type Role } from '../../../../shared/api/permissions';
import { FormDialog, TextField, toast } from '../../ui';
import { PinFields, useFixedPinLength } from './PinFields';
import { RolePicker } from './RolePicker';
import { newStaffRequest, type NewStaffErrors } from './staffForm';

export function AddStaffDialog({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [errors, setErrors] = useState<NewStaffErrors>({});
  const [busy, setBusy] = useState(false);
  const pinLength = useFixedPinLength();

  useEffect(() => {
    if (open) {
      setName('');
      setRole('cashier');
      setPin('');
      setPinAgain('');
      setErrors({});
    }
  }, [open]);

  const submit = async () => {
    const result = newStaffRequest({ name, role, pin, pinAgain }, pinLength);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      const member = await client.invoke('staff.create', result.input);
      toast.success(`${member.name} was added`, { message: `They log in with their name and PIN.` });
      onAdded();
    } catch (error) {
      toast.error(error, { title: 'The staff member was not added' });
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
      title="Add a staff member"
      size="md"
      submitLabel="Add staff member"
    >
      <TextField
        label="Name"
        value={name}
        maxLength={60}
        autoComplete="off"
        error={errors.name}
        onChange={(event) => {
          setName(event.target.value);
          setErrors((current) => ({ ...current, name: undefined }));
        }}
      />
      <RolePicker role={role} onRole={setRole} />
      <PinFields
        pin={pin}
        pinAgain={pinAgain}
        errors={errors}
        onPin={(next) => {
          setPin(next);
          setErrors((current) => ({ ...current, pin: undefined, pinAgain: undefined }));
        }}
        onPinAgain={(next) => {
          setPinAgain(next);
          setErrors((current) => ({ ...current, pinAgain: undefined }));
        }}
      />
    </FormDialog>
  );
}
