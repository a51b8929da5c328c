import { type Migration } from '../migrate';

/**
 * The length of each staff member's PIN (owned by src/main/staff), so a store can fix the PIN length
 * (the setting `pinLength`: the PIN pad then submits by itself) only when every active member's PIN
 * has it. NULL: not known yet (a PIN set before this column); learned at the member's next login.
 */
export const migration: Migration = {
  id: '20261207T040000_staff_pin_length',
  sql: `
    ALTER TABLE staff ADD COLUMN pin_length INTEGER;
  `,
};
