/**
 * The staff forms' rules, pure: a new member (name, role, PIN typed twice), a change to a member
 * (only the fields that changed are sent), and a PIN reset. The core checks again — including
 * whether a PIN is too easy to guess and that the last owner stays an owner.
 */
import { type z } from 'zod';
import { type Role } from '../../../../shared/api/permissions';
import { pinMaxDigits, pinMinDigits, type staffRecordSchema } from '../../../../shared/api/staff';

/** A member of the team as staff.list returns them. */
export type StaffRecord = z.output<typeof staffRecordSchema>;

export const roleDescriptions: Record<Role, string> = {
  cashier: 'Rings up sales and takes payment; opens and closes shifts.',
  manager: 'Also refunds, voids, approves cashiers’ actions, edits products and reads reports.',
  owner: 'Everything, including staff and the store’s settings.',
};

export interface PinErrors {
  pin?: string;
  pinAgain?: string;
}

/** "4 to 8 digits", or "exactly 6 digits" when the store fixes the length (settings.pinLength). */
export function pinLengthRule(pinLength = 0): string {
  return pinLength > 0 ? `exactly ${pinLength} digits` : `${pinMinDigits} to ${pinMaxDigits} digits`;
}

export function pinErrors(pin: string, pinAgain: string, pinLength = 0): PinErrors {
  const errors: PinErrors = {};
  const min = pinLength > 0 ? pinLength : pinMinDigits;
  const max = pinLength > 0 ? pinLength : pinMaxDigits;
  if (pin === '') errors.pin = 'Choose a PIN.';
  else if (!/^\d+$/.test(pin)) errors.pin = 'A PIN is digits only (0-9).';
  else if (pin.length < min || pin.length > max)
    errors.pin = `A PIN ${pinLength > 0 ? 'on this till has' : 'is'} ${pinLengthRule(pinLength)}.`;
  if (!errors.pin) {
    if (pinAgain === '') errors.pinAgain = 'Type the PIN again.';
    else if (pinAgain !== pin) errors.pinAgain = 'The two PINs are not the same.';
  }
  return errors;
}

export function nameError(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'A name is needed.';
  if (trimmed.length > 60) return 'A name is at most 60 characters.';
  return undefined;
}

export interface NewStaffForm {
  name: string;
  role: Role;
  pin: string;
  pinAgain: string;
}

export type NewStaffErrors = PinErrors & { name?: string };

export function newStaffRequest(
  form: NewStaffForm,
  pinLength = 0,
): { ok: true; input: { name: string; role: Role; pin: string } } | { ok: false; errors: NewStaffErrors } {
  const errors: NewStaffErrors = { ...pinErrors(form.pin, form.pinAgain, pinLength) };
  const name = nameError(form.name);
  if (name) errors.name = name;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { name: form.name.trim(), role: form.role, pin: form.pin } };
}

export interface MemberChange {
  name: string;
  role: Role;
  active: boolean;
}

/** The staff.update request for what changed, or an error; `null` input when nothing changed. */
export function memberUpdateRequest(
  staffId: string,
  before: MemberChange,
  after: MemberChange,
):
  | { ok: true; input: { staffId: string; name?: string; role?: Role; active?: boolean } | null }
  | { ok: false; errors: { name?: string } } {
  const name = nameError(after.name);
  if (name) return { ok: false, errors: { name } };
  const trimmed = after.name.trim();
  const input = {
    staffId,
    ...(trimmed !== before.name ? { name: trimmed } : {}),
    ...(after.role !== before.role ? { role: after.role } : {}),
    ...(after.active !== before.active ? { active: after.active } : {}),
  };
  return { ok: true, input: Object.keys(input).length > 1 ? input : null };
}
