/**
 * The dialogs of the team list: add a member (name, role, PIN twice), change a member (name, role,
 * active), and reset a member's PIN (twice). Each sends one call and shows the core's refusal
 * (a PIN too easy to guess, the last owner) as a toast, keeping what was typed.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { roleLabels } from '../../app/format';
import { type Role, roles } from '../../../../shared/api/permissions';
import { type staffRecordSchema } from '../../../../shared/api/staff';
import { Button, Dialog, SegmentedControl, Switch, TextField, toast } from '../../ui';
import { type z } from 'zod';
import {
  memberUpdateRequest,
  newStaffRequest,
  type NewStaffErrors,
  pinErrors,
  roleDescriptions,
} from './staffForm';

export type StaffRecord = z.output<typeof staffRecordSchema>;

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

function PinFields({
  pin,
  pinAgain,
  errors,
  onPin,
  onPinAgain,
  label = 'PIN',
}: {
  pin: string;
  pinAgain: string;
  errors: { pin?: string; pinAgain?: string };
  onPin: (pin: string) => void;
  onPinAgain: (pin: string) => void;
  label?: string;
}) {
  const digitsOnly = (text: string) => text.replace(/\D/g, '').slice(0, 8);
  return (
    <div className="form-grid">
      <TextField
        label={label}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        hint="4 to 8 digits, not easy to guess."
        value={pin}
        error={errors.pin}
        onChange={(event) => onPin(digitsOnly(event.target.value))}
      />
      <TextField
        label={`${label} again`}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        value={pinAgain}
        error={errors.pinAgain}
        onChange={(event) => onPinAgain(digitsOnly(event.target.value))}
      />
    </div>
  );
}

function RolePicker({ role, onRole }: { role: Role; onRole: (role: Role) => void }) {
  return (
    <div className="role-picker">
      <span className="field__label" aria-hidden="true">
        Role
      </span>
      <SegmentedControl label="Role" options={roleOptions} value={role} onValueChange={onRole} />
      <p className="field__hint">{roleDescriptions[role]}</p>
    </div>
  );
}

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
    const result = newStaffRequest({ name, role, pin, pinAgain });
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
    <Dialog
      open={open}
      onClose={() => !busy && onClose()}
      title="Add a staff member"
      size="md"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" loading={busy} onClick={() => void submit()}>
            Add staff member
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
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}

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
    <Dialog
      open
      onClose={() => !busy && onClose()}
      title={`Edit ${member.name}`}
      size="md"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" loading={busy} onClick={() => void submit()}>
            Save changes
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
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}

export function ResetPinDialog({ member, onClose }: { member: StaffRecord | null; onClose: () => void }) {
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; pinAgain?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (member) {
      setPin('');
      setPinAgain('');
      setErrors({});
    }
  }, [member]);

  if (!member) return null;

  const submit = async () => {
    const found = pinErrors(pin, pinAgain);
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
    <Dialog
      open
      onClose={() => !busy && onClose()}
      title={`Reset PIN for ${member.name}`}
      description="For a forgotten PIN. Tell them the new one in person."
      size="md"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" loading={busy} onClick={() => void submit()}>
            Reset PIN
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
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
