import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReceiptFontsDir, receiptFontFaceCss, withReceiptFonts } from './fonts';
import { renderReceiptHtml } from './html';
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

  it('inline into the printed HTML receipt, which its CSP lets load', () => {
    const css = receiptFontFaceCss();
    expect(css.match(/@font-face/g)).toHaveLength(5);
    expect(css).toContain('font-family:"DejaVu Sans Mono";font-weight:700');
    const sans =
      /font-family:"DejaVu Sans";font-weight:400;font-style:normal;src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/.exec(
        css,
      );
    expect(
      Buffer.from(sans?.[1] ?? '', 'base64').equals(
        fs.readFileSync(path.join(findReceiptFontsDir(), 'DejaVuSans.ttf')),
      ),
    ).toBe(true);
    const html = withReceiptFonts(renderReceiptHtml(sampleReceiptModel(), { layout: 'thermal80' }));
    expect(html.indexOf('@font-face')).toBeLessThan(html.indexOf('</head>'));
    expect(html).toMatch(/Content-Security-Policy" content="[^"]*font-src data:/);
  });
});
