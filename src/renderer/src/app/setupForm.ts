/**
 * The checks the first-run form makes before it asks the core (which checks again, and also
 * refuses PINs that are too easy to guess): a name, a PIN of 4–8 digits, typed the same twice.
 */
import { pinMaxDigits, pinMinDigits } from '../../../shared/api/staff';

export interface SetupForm {
  name: string;
  pin: string;
  pinAgain: string;
}

export type SetupErrors = Partial<Record<keyof SetupForm, string>>;

export function checkSetupForm(form: SetupForm): SetupErrors {
  const errors: SetupErrors = {};
  if (form.name.trim().length === 0) errors.name = 'Type the owner’s name.';
  else if (form.name.trim().length > 60) errors.name = 'A name is at most 60 characters.';
  if (!new RegExp(`^[0-9]{${pinMinDigits},${pinMaxDigits}}$`).test(form.pin)) {
    errors.pin = `A PIN is ${pinMinDigits} to ${pinMaxDigits} digits.`;
  } else if (form.pinAgain !== form.pin) {
    errors.pinAgain = 'The two PINs differ. Type the same PIN twice.';
  }
  return errors;
}
