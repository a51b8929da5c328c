/**
 * Barcode rules. A barcode made only of digits with the length of a GTIN (8: EAN-8, 12: UPC-A,
 * 13: EAN-13, 14: GTIN-14) must carry a valid GS1 check digit, so a mistyped or misread code is
 * refused. Any other code (Code 128 text, in-store short numbers) is free text within limits.
 */

export type BarcodeKind = 'ean8' | 'upca' | 'ean13' | 'gtin14' | 'text';

export type BarcodeCheck =
  | { readonly ok: true; readonly code: string; readonly kind: BarcodeKind }
  | { readonly ok: false; readonly code: string; readonly reason: string };

export const barcodeMaxLength = 64;

const gtinKinds: Readonly<Record<number, BarcodeKind>> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };
const gtinNames: Readonly<Record<BarcodeKind, string>> = {
  ean8: 'EAN-8',
  upca: 'UPC-A',
  ean13: 'EAN-13',
  gtin14: 'GTIN-14',
  text: 'text',
};

/**
 * The GS1 check digit for the digits that precede it: weights 3 and 1 alternate from the
 * rightmost digit leftwards; the check digit brings the weighted sum up to a multiple of 10.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) throw new Error(`Not digits: "${digitsWithoutCheck}"`);
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i += 1) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Checks one barcode as typed or scanned (surrounding spaces are dropped). */
export function checkBarcode(raw: string): BarcodeCheck {
  const code = raw.trim();
  if (code.length === 0) return { ok: false, code, reason: 'A barcode cannot be empty.' };
  if (code.length > barcodeMaxLength) {
    return { ok: false, code, reason: `Barcode "${code}" is longer than ${barcodeMaxLength} characters.` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(code) || code.includes('|')) {
    return { ok: false, code, reason: `Barcode "${code}" contains a control character or "|".` };
  }
  const kind = /^\d+$/.test(code) ? gtinKinds[code.length] : undefined;
  if (!kind) return { ok: true, code, kind: 'text' };
  const expected = gs1CheckDigit(code.slice(0, -1));
  const actual = Number(code.slice(-1));
  if (expected !== actual) {
    return {
      ok: false,
      code,
      reason: `Barcode "${code}" (${gtinNames[kind]}) ends in check digit ${actual}; it should be ${expected}.`,
    };
  }
  return { ok: true, code, kind };
}
