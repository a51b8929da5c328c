import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReceiptFontsDir } from './fonts';
import { renderReceiptPdf } from './pdf';
import { sampleReceiptModel } from './samples';

describe('receipt fonts', () => {
  it('are found in resources/fonts above this module', () => {
    expect(findReceiptFontsDir()).toBe(path.resolve(__dirname, '../../../resources/fonts'));
    expect(() => findReceiptFontsDir('/')).toThrow(/resources\/fonts/);
  });

  it.each(['thermal80', 'a4'] as const)('%s: embeds DejaVu and never a built-in font', async (layout) => {
    const pdf = (await renderReceiptPdf(sampleReceiptModel(), { layout, compress: false })).toString(
      'latin1',
    );
    const baseFonts = Array.from(pdf.matchAll(/\/BaseFont \/([A-Za-z0-9+_-]+)/g), (match) => match[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans(Mono)?(-Bold|-Oblique)?$/);
    expect(pdf).toMatch(/\/FontFile2 /);
    expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Courier|Times)/);
  });
});
