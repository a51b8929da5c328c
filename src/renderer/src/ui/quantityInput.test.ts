import { describe, expect, it } from 'vitest';
import { readQuantity } from './quantityInput';
import { numberTextProblem } from './numberInput';

describe('readQuantity', () => {
  it.each(['1', '12', '100000', ' 7 '])('reads %s', (text) => {
    expect(readQuantity(text)).toEqual({ ok: true, quantity: Number(text.trim()) });
  });
  it.each(['1.5', '-3', '1e3', 'abc', '0', '100001', '', '3x', '999999999999999999999'])(
    'refuses %s with a sentence',
    (text) => {
      const result = readQuantity(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/\.$/);
    },
  );
});

describe('numberTextProblem', () => {
  it('accepts digits and nothing typed', () => {
    expect(numberTextProblem('', { maxFractionDigits: 0 })).toBeNull();
    expect(numberTextProblem('12.5', { maxFractionDigits: 2 })).toBeNull();
  });
  it.each([
    ['abc-3.5', 2],
    ['1e5', 2],
    ['-3', 0],
    ['1.5', 0],
    ['1.234', 2],
  ] as const)('refuses %s', (text, maxFractionDigits) => {
    expect(numberTextProblem(text, { maxFractionDigits })).toMatch(/\.$/);
  });
});
