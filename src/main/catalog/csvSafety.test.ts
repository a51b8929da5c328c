import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeFormulaCell, unescapeFormulaCell } from './csvSafety';

describe('CSV formula guard', () => {
  it.each([
    ['Latte', 'Latte'],
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1 555', "'+1 555"],
    ['-5% promo', "'-5% promo"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTabbed', "'\tTabbed"],
    ["'=already quoted", "''=already quoted"],
    ["It's fine", "It's fine"],
    ["'plain quote", "'plain quote"],
    ['', ''],
  ])('%j is written as %j and read back unchanged', (text, written) => {
    expect(escapeFormulaCell(text)).toBe(written);
    expect(unescapeFormulaCell(written)).toBe(text);
  });

  it('reads back every text it writes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', 'a', ' ', '1') }), (text) => {
        expect(unescapeFormulaCell(escapeFormulaCell(text))).toBe(text);
        expect(/^[=+\-@\t\r]/.test(escapeFormulaCell(text))).toBe(false);
      }),
    );
  });
});
