/**
 * Changing a member of the team: name, role, and whether they are active (nobody deactivates
 * themselves). Only what changed is sent; the core's refusal (the last owner) shows as a toast.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { type Role } from '../../../../shared/api/permissions';
import { FormDialog, Switch, TextField, toast } from '../../ui';
import { RolePicker } from './RolePicker';
import { memberUpdateRequest, type StaffRecord } from './staffForm';

export function EditStaffDialog({
  member,
  isSelf,
  onClose,
  onSaved,
}: {
  member: StaffRecord | null;
  isSelf: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [active, setActive] = useState(true);
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (member) {
      setName(member.name);
      setRole(member.role);
      setActive(member.active);
      setNameError(undefined);
    }
  }, [member]);

  if (!member) return null;

  const submit = async () => {
    const result = memberUpdateRequest(member.staffId, member, { name, role, active });
    if (!result.ok) {
      setNameError(result.errors.name);
      return;
    }
    if (!result.input) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      const saved = await client.invoke('staff.update', result.input);
      toast.success(`${saved.name} was updated`);
      onSaved();
    } catch (error) {
      toast.error(error, { title: 'The change was not saved' });
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
      title={`Edit ${member.name}`}
      size="md"
      submitLabel="Save changes"
    >
      <TextField
        label="Name"
        value={name}
        maxLength={60}
        autoComplete="off"
        error={nameError}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(undefined);
        }}
      />
      <RolePicker role={role} onRole={setRole} />
      <Switch
        label="Active"
        checked={active}
        onCheckedChange={setActive}
        disabled={isSelf}
        hint={
          isSelf
            ? 'You cannot deactivate yourself.'
            : 'An inactive member cannot log in and is left off the login screen; their history stays.'
        }
      />
    </FormDialog>
  );
}
