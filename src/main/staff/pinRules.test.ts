import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api';
import { assertPinAllowed, initialsOf, normalizeStaffName, pinProblem } from './pinRules';

describe('pinProblem', () => {
  it.each([
    // pin, weak PINs refused (default), weak PINs allowed
    ['4826', null, null],
    ['90210', null, null],
    ['73914820', null, null],
    ['1357', null, null],
    ['0412', null, null],
    ['123', 'format', 'format'],
    ['', 'format', 'format'],
    ['123456789', 'format', 'format'],
    ['12a4', 'format', 'format'],
    [' 4826', 'format', 'format'],
    ['4826\n', 'format', 'format'],
    ['١٢٣٤٥', 'format', 'format'], // Arabic-Indic digits are not 0-9
    ['-1234', 'format', 'format'],
    ['0000', 'weak', null],
    ['1111', 'weak', null],
    ['99999999', 'weak', null],
    ['1234', 'weak', null],
    ['0123', 'weak', null],
    ['12345678', 'weak', null],
    ['7890', 'weak', null],
    ['4321', 'weak', null],
    ['9876', 'weak', null],
    ['3210', 'weak', null],
    ['1212', 'weak', null],
    ['696969', 'weak', null],
    ['2580', 'weak', null],
    ['0852', 'weak', null],
    ['1243', null, null],
    ['1235', null, null],
  ] as const)('%j → refused %s, with weak PINs allowed %s', (pin, refused, allowedResult) => {
    expect(pinProblem(pin, { weakPinsAllowed: false })?.kind ?? null).toBe(refused);
    expect(pinProblem(pin, { weakPinsAllowed: true })?.kind ?? null).toBe(allowedResult);
  });

  it('says what is wrong', () => {
    expect(pinProblem('123', { weakPinsAllowed: false })?.message).toBe(
      'A PIN has 4 to 8 digits; this one has 3.',
    );
    expect(pinProblem('12a4', { weakPinsAllowed: false })?.message).toBe(
      'A PIN is 4 to 8 digits (0-9), nothing else.',
    );
    expect(pinProblem('1111', { weakPinsAllowed: false })?.message).toMatch(
      /too easy to guess: every digit is the same/,
    );
    expect(pinProblem('4321', { weakPinsAllowed: false })?.message).toMatch(/straight sequence/);
  });

  it.each([
    ['4826', 4, null],
    ['482615', 4, 'length'],
    ['4826', 6, 'length'],
    ['482615', 6, null],
    ['482615', 0, null],
    ['1111', 4, 'weak'],
    ['12a4', 4, 'format'],
  ] as const)('with a fixed PIN length: %s at %i digits → %s', (pin, pinLength, kind) => {
    expect(pinProblem(pin, { weakPinsAllowed: false, pinLength })?.kind ?? null).toBe(kind);
  });

  it('says the fixed length', () => {
    expect(pinProblem('482615', { weakPinsAllowed: true, pinLength: 4 })?.message).toBe(
      "This store's PINs have exactly 4 digits; this one has 6.",
    );
  });

  it('assertPinAllowed throws bad_input with the problem in details', () => {
    expect(() => assertPinAllowed('1234', { weakPinsAllowed: false })).toThrow(TillpointError);
    expect(() => assertPinAllowed('1234', { weakPinsAllowed: false })).toThrow(
      expect.objectContaining({ code: 'bad_input', details: { field: 'pin', problem: 'weak' } }),
    );
    expect(() => assertPinAllowed('4826', { weakPinsAllowed: false })).not.toThrow();
  });
});

describe('initialsOf', () => {
  it.each([
    ['Ana María Ruiz', 'AR'],
    ['Bo', 'BO'],
    ['bob', 'BO'],
    ['J', 'J'],
    ['jean-luc picard', 'JP'],
    ['Dr. Who', 'DW'],
    ['(Ana) Lee', 'AL'],
    ['Émile Zola', 'ÉZ'],
    ['李 小龍', '李小'],
    ['  Ana   Lee  ', 'AL'],
    ['!!! ???', '?'],
    ['Till 2', 'T2'],
  ])('%j → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('normalizeStaffName', () => {
  it.each([
    ['  Ana  ', 'Ana'],
    ['Ana   María\tRuiz', 'Ana María Ruiz'],
    ['x'.repeat(60), 'x'.repeat(60)],
  ])('%j → %j', (name, tidy) => {
    expect(normalizeStaffName(name)).toBe(tidy);
  });

  it.each([
    ['', 'A name is needed.'],
    ['   ', 'A name is needed.'],
    ['x'.repeat(61), 'A name is at most 60 characters.'],
    ['Ana\u0007', 'A name cannot contain control characters.'],
  ])('refuses %j: %s', (name, message) => {
    expect(() => normalizeStaffName(name)).toThrow(message);
  });
});
