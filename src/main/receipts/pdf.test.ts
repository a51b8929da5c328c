import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { type ReceiptLayout } from './layout';
import { type ReceiptLine, type ReceiptModel, type ReceiptStatus } from './model';
import { renderReceiptPdf } from './pdf';
import { drawnTexts } from './pdfDrawnTexts';
import { sampleReceiptModel } from './samples';

function pageSizes(pdf: Buffer): { widthPt: number; heightPt: number }[] {
  return Array.from(pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g), (match) => ({
    widthPt: Number(match[1]),
    heightPt: Number(match[2]),
  }));
}

/** The sample with `extraLines` more one-unit lines of $1.00 (no variant, no SKU), tendered by card. */
function withExtraLines(extraLines: number, status: ReceiptStatus = 'paid'): ReceiptModel {
  const model = sampleReceiptModel();
  const extra: ReceiptLine[] = Array.from({ length: extraLines }, (_, index) => ({
    name: `Extra item ${index + 1}`,
    quantity: 1,
    unitPriceMinor: 100n,
    discountMinor: 0n,
    totalMinor: 100n,
  }));
  const addedMinor = BigInt(extraLines) * 100n;
  return {
    ...model,
    status,
    lines: [...model.lines, ...extra],
    subtotalMinor: model.subtotalMinor + addedMinor,
    totalMinor: model.totalMinor + addedMinor,
    tenders: [
      { kind: 'card', label: 'Visa •••• 4242', amountMinor: 2000n + addedMinor },
      ...model.tenders.filter((tender) => tender.kind === 'cash'),
    ],
    refunds:
      status === 'refunded' || status === 'partially_refunded'
        ? [
            {
              refundedAt: new Date('2026-11-22T09:00:00Z'),
              amountMinor: status === 'refunded' ? model.totalMinor + addedMinor : 500n,
              lines: [],
            },
          ]
        : [],
  };
}

const layouts: ReceiptLayout[] = ['thermal80', 'a4'];

describe('renderReceiptPdf', () => {
  it.each(layouts)('%s: a PDF that shows the store, the order and the total', async (layout) => {
    const pdf = await renderReceiptPdf(sampleReceiptModel(), { layout, compress: false });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const texts = drawnTexts(pdf);
    expect(texts).toContain('Corner Coffee Co.');
    expect(texts.some((text) => text.includes('A-0042'))).toBe(true);
    expect(texts.some((text) => text.includes('$34.65'))).toBe(true);
    expect(texts.some((text) => text.includes('Visa •••• 4242'))).toBe(true);
    expect(texts.some((text) => text.includes('01JD5Z8X3K4M7N9P2Q6R8S0T1V'))).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it.each(layouts)('%s: the same model gives the same bytes, dated by the order', async (layout) => {
    const first = await renderReceiptPdf(sampleReceiptModel(), { layout });
    const second = await renderReceiptPdf(sampleReceiptModel(), { layout });
    expect(first.equals(second)).toBe(true);
    const later = await renderReceiptPdf({ ...sampleReceiptModel(), orderNumber: 'A-0043' }, { layout });
    expect(first.equals(later)).toBe(false);
    expect(first.toString('latin1')).toContain('(D:20261121200500Z)');
  });

  it('thermal: 80 mm wide, as tall as its content, one page', async () => {
    const heights: number[] = [];
    for (const extraLines of [0, 10, 40]) {
      const pages = pageSizes(await renderReceiptPdf(withExtraLines(extraLines), { layout: 'thermal80' }));
      expect(pages).toHaveLength(1);
      expect(pages[0]?.widthPt).toBeCloseTo(226.77, 2);
      heights.push(pages[0]?.heightPt ?? 0);
    }
    const [base = 0, plusTen = 0, plusForty = 0] = heights;
    // Each extra line is one 8 pt monospace row at 1.25 line height: exactly 10 pt, and nothing else grows.
    expect(plusTen - base).toBeCloseTo(100, 3);
    expect(plusForty - base).toBeCloseTo(400, 3);
    expect(base).toBeGreaterThan(400);
    expect(base).toBeLessThan(560);
  });

  it('thermal: a receipt longer than a PDF page allows continues on a second page', async () => {
    const pages = pageSizes(await renderReceiptPdf(withExtraLines(1500), { layout: 'thermal80' }));
    expect(pages.length).toBe(2);
    for (const page of pages) expect(page.heightPt).toBeLessThanOrEqual(14_400);
    expect(pages.reduce((sum, page) => sum + page.heightPt, 0)).toBeGreaterThan(15_000);
  });

  it('a4: an A4 page; a long order runs onto more pages with the table header and page numbers', async () => {
    const short = pageSizes(await renderReceiptPdf(sampleReceiptModel(), { layout: 'a4' }));
    expect(short).toEqual([{ widthPt: 595.28, heightPt: 841.89 }]);
    const pdf = await renderReceiptPdf(withExtraLines(80), { layout: 'a4', compress: false });
    const pages = pageSizes(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const texts = drawnTexts(pdf);
    // The header repeats on every page the table runs onto (the last page may hold only the totals).
    const headerCount = texts.filter((text) => text === 'Unit price').length;
    expect(headerCount).toBeGreaterThanOrEqual(pages.length - 1);
    expect(headerCount).toBeLessThanOrEqual(pages.length);
    expect(texts).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(texts).toContain('Extra item 80');
  });

  it.each<[ReceiptStatus, string | undefined]>([
    ['paid', undefined],
    ['refunded', 'REFUNDED'],
    ['partially_refunded', 'PARTIALLY REFUNDED'],
    ['voided', 'VOID'],
  ])('shows the status %s prominently', async (status, banner) => {
    const model = withExtraLines(0, status);
    for (const layout of layouts) {
      const texts = drawnTexts(await renderReceiptPdf(model, { layout, compress: false }));
      for (const word of ['REFUNDED', 'PARTIALLY REFUNDED', 'VOID']) {
        expect(texts.includes(word)).toBe(word === banner);
      }
    }
  });

  it('draws text outside the built-in fonts as look-alikes, and foreign currency symbols as codes', async () => {
    const model: ReceiptModel = {
      ...sampleReceiptModel(),
      currency: 'NGN',
      locale: 'en-NG',
      lines: [
        { name: 'Łódź 拿铁 crème', quantity: 1, unitPriceMinor: 3124n, discountMinor: 0n, totalMinor: 3124n },
      ],
    };
    const texts = drawnTexts(await renderReceiptPdf(model, { layout: 'thermal80', compress: false }));
    expect(texts.some((text) => text.startsWith('Lódz ?? crème'))).toBe(true);
    expect(texts.some((text) => text.includes('NGN 34.65'))).toBe(true);
  });

  it.each(layouts)('%s: refuses a receipt that does not add up, naming the figure', async (layout) => {
    const model = { ...sampleReceiptModel(), totalMinor: 9999n };
    await expect(renderReceiptPdf(model, { layout })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('total is 9999'),
    });
  });

  it('refuses an unknown layout', async () => {
    const options = { layout: 'letter' } as unknown as { layout: ReceiptLayout };
    await expect(renderReceiptPdf(sampleReceiptModel(), options)).rejects.toBeInstanceOf(TillpointError);
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missingPoppler = ['pdftoppm', 'pdftotext'].filter((tool) => !hasTool(tool));

/**
 * Rasterises with poppler (apt-get install poppler-utils). Skipped where it is missing, except in CI,
 * where a missing tool fails the run.
 */
describe.skipIf(missingPoppler.length > 0 && !process.env.CI)('the PDFs open in poppler', () => {
  beforeAll(() => {
    if (missingPoppler.length > 0) {
      throw new Error(`poppler's ${missingPoppler.join(' and ')} not found: apt-get install poppler-utils`);
    }
  });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-receipt-pdf-'));
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it.each<[ReceiptLayout, number, number]>([
    ['thermal80', 226.77, 0],
    ['a4', 595.28, 841.89],
  ])('%s converts to a PNG of the page size and its text reads back', async (layout, widthPt, heightPt) => {
    const pdfPath = path.join(workDir, `${layout}.pdf`);
    const pdf = await renderReceiptPdf(sampleReceiptModel(), { layout });
    fs.writeFileSync(pdfPath, pdf);
    const dpi = 72;
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', pdfPath, path.join(workDir, layout)]);
    const png = fs.readFileSync(path.join(workDir, `${layout}.png`));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const pixelWidth = png.readUInt32BE(16);
    const pixelHeight = png.readUInt32BE(20);
    expect(Math.abs(pixelWidth - widthPt)).toBeLessThanOrEqual(1);
    const expectedHeight = heightPt === 0 ? (pageSizes(pdf)[0]?.heightPt ?? 0) : heightPt;
    expect(Math.abs(pixelHeight - expectedHeight)).toBeLessThanOrEqual(1);

    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Corner Coffee Co.');
    expect(text).toMatch(/TOTAL\s+\$34\.65|Total\s+\$34\.65/);
  });
});
