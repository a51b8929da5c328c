import { describe, expect, it } from 'vitest';
import { memberUpdateRequest, nameError, newStaffRequest, pinErrors } from './staffForm';

describe('pinErrors', () => {
  it.each([
    ['', '', { pin: 'Choose a PIN.' }],
    ['12a4', '12a4', { pin: 'A PIN is digits only (0-9).' }],
    ['123', '123', { pin: 'A PIN is 4 to 8 digits.' }],
    ['123456789', '123456789', { pin: 'A PIN is 4 to 8 digits.' }],
    ['4821', '', { pinAgain: 'Type the PIN again.' }],
    ['4821', '4812', { pinAgain: 'The two PINs are not the same.' }],
    ['4821', '4821', {}],
    ['48213579', '48213579', {}],
  ])('%j / %j → %o', (pin, again, expected) => {
    expect(pinErrors(pin, again)).toEqual(expected);
  });
});

describe('nameError', () => {
  it.each([
    ['', 'A name is needed.'],
    ['   ', 'A name is needed.'],
    ['x'.repeat(61), 'A name is at most 60 characters.'],
    ['Maya Lopez', undefined],
  ])('%j → %s', (name, expected) => {
    expect(nameError(name)).toBe(expected);
  });
});

describe('newStaffRequest', () => {
  it('trims the name and sends the role and PIN', () => {
    expect(
      newStaffRequest({ name: '  Maya Lopez ', role: 'manager', pin: '4821', pinAgain: '4821' }),
    ).toEqual({
      ok: true,
      input: { name: 'Maya Lopez', role: 'manager', pin: '4821' },
    });
  });

  it('names every problem at once', () => {
    expect(newStaffRequest({ name: '', role: 'cashier', pin: '48', pinAgain: '' })).toEqual({
      ok: false,
      errors: { name: 'A name is needed.', pin: 'A PIN is 4 to 8 digits.' },
    });
  });
});

describe('memberUpdateRequest', () => {
  const before = { name: 'Casey Cashier', role: 'cashier' as const, active: true };
  const id = '01M809M5885J48JVKRD2T9HZAB';

  it.each([
    [before, null],
    [{ ...before, name: ' Casey Cashier ' }, null],
    [
      { ...before, name: 'Casey C.' },
      { staffId: id, name: 'Casey C.' },
    ],
    [
      { ...before, role: 'manager' as const },
      { staffId: id, role: 'manager' },
    ],
    [
      { ...before, active: false },
      { staffId: id, active: false },
    ],
    [
      { name: 'Casey M', role: 'manager' as const, active: false },
      { staffId: id, name: 'Casey M', role: 'manager', active: false },
    ],
  ])('%o → %o', (after, input) => {
    expect(memberUpdateRequest(id, before, after)).toEqual({ ok: true, input });
  });

  it('refuses a blank name', () => {
    expect(memberUpdateRequest(id, before, { ...before, name: ' ' })).toEqual({
      ok: false,
      errors: { name: 'A name is needed.' },
    });
  });
});
