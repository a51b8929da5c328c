import { describe, expect, it } from 'vitest';
import { checkBarcode, gs1CheckDigit } from './barcode';

describe('gs1CheckDigit', () => {
  it.each([
    ['400638133393', 1], // EAN-13 4006381333931
    ['03600029145', 2], // UPC-A 036000291452
    ['9638507', 4], // EAN-8 96385074
    ['0001234560001', 2], // GTIN-14 00012345600012
    ['590123412345', 7],
    ['01234567890', 5],
    ['000000000000', 0],
  ])('%s → %i', (digits, expected) => {
    expect(gs1CheckDigit(digits)).toBe(expected);
  });

  it('refuses what is not digits', () => {
    expect(() => gs1CheckDigit('12a4')).toThrow(/Not digits/);
  });
});

describe('checkBarcode', () => {
  it.each([
    // valid GTINs of each length
    ['4006381333931', 'ean13'],
    ['5901234123457', 'ean13'],
    ['036000291452', 'upca'],
    ['012345678905', 'upca'],
    ['96385074', 'ean8'],
    ['73513537', 'ean8'],
    ['00012345600012', 'gtin14'],
    ['10614141000415', 'gtin14'],
    // digits of other lengths are free text: in-store codes, PLUs
    ['4011', 'text'],
    ['1234567', 'text'],
    ['123456789', 'text'],
    ['123456789012345', 'text'],
    // letters make it free text even at a GTIN length
    ['ABC-123', 'text'],
    ['40063813339X1', 'text'],
    ['  4006381333931  ', 'ean13'],
  ])('accepts %j as %s', (code, kind) => {
    const check = checkBarcode(code);
    expect(check).toEqual({ ok: true, code: code.trim(), kind });
  });

  it.each([
    ['4006381333932', /EAN-13.*check digit 2; it should be 1/],
    ['036000291453', /UPC-A.*check digit 3; it should be 2/],
    ['96385075', /EAN-8.*check digit 5; it should be 4/],
    ['00012345600013', /GTIN-14.*check digit 3; it should be 2/],
    ['5901234123450', /EAN-13.*it should be 7/],
    ['', /cannot be empty/],
    ['   ', /cannot be empty/],
    ['A'.repeat(65), /longer than 64/],
    ['AB|CD', /"\|"/],
    ['AB\tCD', /control character/],
  ])('refuses %j', (code, reason) => {
    const check = checkBarcode(code);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });
});
