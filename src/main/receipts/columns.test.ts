import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centerText, displayWidth, formatPair, wrapText } from './columns';

describe('display width', () => {
  it.each([
    ['', 0],
    ['Flat white', 10],
    ['Café', 4],
    ['Cafe\u0301', 4], // e + combining acute: one column
    ['拿铁', 4],
    ['Visa •••• 4242', 14],
  ])('%j takes %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});

describe('wrapText', () => {
  it.each<[string, number, string[]]>([
    ['', 10, ['']],
    ['short', 10, ['short']],
    ['one two three four', 9, ['one two', 'three', 'four']],
    ['  spaced   out  ', 20, ['spaced out']],
    ['Supercalifragilistic', 8, ['Supercal', 'ifragili', 'stic']],
    ['a 拿铁拿铁拿铁', 4, ['a', '拿铁', '拿铁', '拿铁']],
  ])('%j at %i columns', (text, columns, lines) => {
    expect(wrapText(text, columns)).toEqual(lines);
  });
});

describe('formatPair', () => {
  it.each<[string, string, number, number, string[]]>([
    ['Subtotal', '$31.24', 20, 0, ['Subtotal      $31.24']],
    ['Discount', '-$0.50', 20, 2, ['  Discount    -$0.50']],
    ['Heading only', '', 20, 0, ['Heading only']],
    ['', '$1.00', 10, 0, ['     $1.00']],
    ['Ethiopia whole-bean coffee', '$18.99', 24, 0, ['Ethiopia          $18.99', 'whole-bean coffee']],
    ['Paid with BTC', '0.00012345 BTC', 20, 0, ['Paid with BTC', '      0.00012345 BTC']],
  ])('%j / %j at %i columns, indent %i', (left, right, columns, indent, lines) => {
    expect(formatPair(left, right, columns, indent)).toEqual(lines);
  });

  it('never exceeds the width, keeps every word, and ends the first line with the amount', () => {
    const word = fc.string({ minLength: 1, maxLength: 30 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.stringMatching(/^-?\$\d{1,9}\.\d\d$/),
        fc.integer({ min: 30, max: 48 }), // room for a label of 10 columns beside the widest amount
        fc.integer({ min: 0, max: 4 }),
        (words, amount, columns, indent) => {
          const lines = formatPair(words.join(' '), amount, columns, indent);
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
          expect(lines[0]?.endsWith(` ${amount}`)).toBe(true);
          expect(displayWidth(lines[0] ?? '')).toBe(columns);
          const first = lines[0] ?? '';
          const labelText = [first.slice(0, -amount.length), ...lines.slice(1)].join(' ');
          expect(labelText.split(/\s+/).join('')).toBe(words.join(''));
        },
      ),
    );
  });
});

describe('centerText', () => {
  it('centres each wrapped line without trailing spaces', () => {
    expect(centerText('Corner Coffee Co.', 21)).toEqual(['  Corner Coffee Co.']);
    expect(centerText('Thank you for visiting', 10)).toEqual(['Thank you', '   for', ' visiting']);
  });
});
