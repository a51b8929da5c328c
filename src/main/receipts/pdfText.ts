/**
 * Receipts keep to the WinAnsi character set, which every printer path draws (the embedded DejaVu fonts,
 * the HTML page, a thermal printer's own font). Text headed for a receipt is
 * mapped here: accents are kept where WinAnsi has the letter, dropped where it does not ("ő" → "o"), and
 * anything else becomes "?". A currency symbol WinAnsi lacks ("₦", "₹") becomes the currency code.
 */
import { type TextEncoding, cleanText } from './view';

/** The code points above Latin-1 that WinAnsi (Windows-1252) also holds. */
const winAnsiBeyondLatin1 = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Look-alikes WinAnsi lacks, by the character that stands in for them. */
const lookAlikes: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2212': '-', // minus sign (sv-SE, fi-FI negative amounts)
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u2044': '/', // fraction slash
  '\u2215': '/', // division slash
  '\u2219': '\u00b7', // bullet operator
  '\u25cf': '\u2022', // black circle, as in "●●●● 4242"
  '\u0141': 'L', // Ł: letters with a stroke do not decompose
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0126': 'H',
  '\u0127': 'h',
  '\u0131': 'i', // dotless i
};

export function isWinAnsi(character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    winAnsiBeyondLatin1.has(codePoint)
  );
}

function mapCharacter(character: string): string | undefined {
  if (isWinAnsi(character)) return character;
  const lookAlike = lookAlikes[character];
  if (lookAlike !== undefined) return lookAlike;
  const withoutMarks = character.normalize('NFD').replace(/\p{M}/gu, '');
  if (withoutMarks !== '' && Array.from(withoutMarks).every(isWinAnsi)) return withoutMarks;
  return undefined;
}

/** Text that the built-in PDF fonts can draw; what cannot be drawn becomes "?". */
export function toWinAnsi(text: string): string {
  return Array.from(cleanText(text).normalize('NFC'), (character) => mapCharacter(character) ?? '?').join('');
}

/** A formatted amount the built-in fonts can draw: "₦1,000.00" → "NGN 1,000.00". */
export function moneyToWinAnsi(formatted: string, currency: string): string {
  let result = '';
  let replacedRun = false;
  for (const character of cleanText(formatted)) {
    const mapped = mapCharacter(character);
    if (mapped !== undefined) {
      if (replacedRun && /[\p{N}\p{L}]/u.test(mapped)) result += ' ';
      result += mapped;
      replacedRun = false;
    } else if (!replacedRun) {
      if (/[\p{N}\p{L}]$/u.test(result)) result += ' ';
      result += currency;
      replacedRun = true;
    }
  }
  return result;
}

export const winAnsiEncoding: TextEncoding = {
  text: toWinAnsi,
  money: moneyToWinAnsi,
};
