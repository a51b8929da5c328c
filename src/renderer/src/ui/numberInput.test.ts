import { describe, expect, it } from 'vitest';
import { acceptNumberInput } from './numberInput';

describe('acceptNumberInput', () => {
  it.each([
    ['', 2, ''],
    ['12', 2, '12'],
    ['12.', 2, '12.'],
    ['12.5', 2, '12.5'],
    ['12.50', 2, '12.50'],
    ['12.505', 2, null],
    ['.5', 2, '0.5'],
    ['1.2.3', 2, null],
    ['-1', 2, null],
    ['1e5', 2, null],
    ['12 ', 2, null],
    ['3', 0, '3'],
    ['3.', 0, null],
    ['0.00000001', 8, '0.00000001'],
  ])('%j (scale %i) → %j', (text, maxFractionDigits, expected) => {
    expect(acceptNumberInput(text, { maxFractionDigits })).toBe(expected);
  });

  it('refuses text longer than maxLength', () => {
    expect(acceptNumberInput('12345', { maxFractionDigits: 0, maxLength: 4 })).toBeNull();
    expect(acceptNumberInput('1234', { maxFractionDigits: 0, maxLength: 4 })).toBe('1234');
  });
});
