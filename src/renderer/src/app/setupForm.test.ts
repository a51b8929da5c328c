import { describe, expect, it } from 'vitest';
import { checkSetupForm } from './setupForm';

describe('checkSetupForm', () => {
  it.each([
    [{ name: 'Maya', pin: '4826', pinAgain: '4826' }, {}],
    [{ name: 'Maya', pin: '48261937', pinAgain: '48261937' }, {}],
    [{ name: '  ', pin: '4826', pinAgain: '4826' }, { name: 'Type the owner’s name.' }],
    [{ name: 'x'.repeat(61), pin: '4826', pinAgain: '4826' }, { name: 'A name is at most 60 characters.' }],
    [{ name: 'Maya', pin: '482', pinAgain: '482' }, { pin: 'A PIN is 4 to 8 digits.' }],
    [{ name: 'Maya', pin: '482619370', pinAgain: '482619370' }, { pin: 'A PIN is 4 to 8 digits.' }],
    [{ name: 'Maya', pin: '48a6', pinAgain: '48a6' }, { pin: 'A PIN is 4 to 8 digits.' }],
    [
      { name: 'Maya', pin: '4826', pinAgain: '4827' },
      { pinAgain: 'The two PINs differ. Type the same PIN twice.' },
    ],
  ])('%o → %o', (form, errors) => {
    expect(checkSetupForm(form)).toEqual(errors);
  });
});
