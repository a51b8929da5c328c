import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../scripts/browser';
import { escapeHtml, receiptHtmlPageSize, renderReceiptHtml } from './html';
import { type ReceiptLayout } from './layout';
import { type ReceiptModel, type ReceiptStatus } from './model';
import { sampleReceiptModel } from './samples';

/** 40 characters: fits every field of the schema. */
const payload = `<script>alert("x")</script><img src=x>'&`;

/** Every text field of the model carries markup. */
function hostileModel(): ReceiptModel {
  const model = sampleReceiptModel();
  return {
    ...model,
    status: 'partially_refunded',
    store: {
      ...model.store,
      name: `Shop ${payload}`,
      addressLines: [payload],
      phone: payload,
      taxId: payload,
      footerMessage: payload,
    },
    orderNumber: payload,
    cashierName: payload,
    tillName: payload,
    shiftLabel: payload,
    lines: model.lines.map((line) => ({
      ...line,
      name: `${line.name} ${payload}`,
      variant: payload,
      sku: payload,
    })),
    taxes: model.taxes.map((tax) => ({ ...tax, name: payload })),
    tenders: model.tenders.map((tender) => ({ ...tender, label: payload })),
    refunds: [
      {
        refundedAt: new Date('2026-11-21T21:00:00Z'),
        amountMinor: 100n,
        reason: payload,
        tenderLabel: payload,
        lines: [{ name: payload, variant: payload, quantity: 1, amountMinor: 100n }],
      },
    ],
  };
}

function withExtraLines(extraLines: number): ReceiptModel {
  const model = sampleReceiptModel();
  const addedMinor = BigInt(extraLines) * 100n;
  return {
    ...model,
    lines: [
      ...model.lines,
      ...Array.from({ length: extraLines }, (_, index) => ({
        name: `Extra item ${index + 1}`,
        quantity: 1,
        unitPriceMinor: 100n,
        discountMinor: 0n,
        totalMinor: 100n,
      })),
    ],
    subtotalMinor: model.subtotalMinor + addedMinor,
    totalMinor: model.totalMinor + addedMinor,
    tenders: [{ kind: 'card', label: 'Visa •••• 4242', amountMinor: model.totalMinor + addedMinor }],
  };
}

const layouts: ReceiptLayout[] = ['thermal80', 'a4'];

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['<b>&"\'', '&lt;b&gt;&amp;&quot;&#39;'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});

describe('renderReceiptHtml', () => {
  it.each(layouts)('%s: markup in any field of the model stays text', (layout) => {
    const html = renderReceiptHtml(hostileModel(), { layout });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x&gt;&#39;&amp;');
    expect(html).toContain('Shop &lt;script&gt;');
    expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
  });

  it.each(layouts)('%s: self-contained, nothing to fetch, no script allowed', (layout) => {
    const html = renderReceiptHtml(sampleReceiptModel(), { layout });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-US">')).toBe(true);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"`,
    );
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(
      /https?:|src=|href=|url\(|@import/i,
    );
    expect(html).toContain('<title>Receipt A-0042 — Corner Coffee Co.</title>');
    expect(html).toContain('$34.65');
    expect(html).toContain('01JD5Z8X3K4M7N9P2Q6R8S0T1V');
  });

  it('thermal: an 80 mm page as tall as the receipt, declared in @page', () => {
    const heights = [0, 10, 40].map((extra) => {
      const model = withExtraLines(extra);
      const size = receiptHtmlPageSize(model, { layout: 'thermal80' });
      const html = renderReceiptHtml(model, { layout: 'thermal80' });
      expect(html).toContain(`@page{size:80mm ${size.heightMm}mm;margin:0}`);
      expect(size.widthMm).toBe(80);
      return size.heightMm;
    });
    const [base = 0, plusTen = 0, plusForty = 0] = heights;
    expect(base).toBeGreaterThan(150);
    expect(base).toBeLessThan(220);
    // One 42-column row is 72 mm / (42 × 0.61) × 1.25 ≈ 3.51 mm tall.
    expect(plusTen - base).toBeGreaterThanOrEqual(34);
    expect(plusTen - base).toBeLessThanOrEqual(36);
    expect(plusForty - base).toBeGreaterThanOrEqual(139);
    expect(plusForty - base).toBeLessThanOrEqual(142);
  });

  it('thermal: the same 42-column lines as the text receipt', () => {
    const html = renderReceiptHtml(sampleReceiptModel(), { layout: 'thermal80' });
    expect(html).toContain('<pre class="t-normal">Blueberry muffin                     $3.25</pre>');
    expect(html).toContain(`<pre class="t-grand">TOTAL${' '.repeat(17)}$34.65</pre>`);
  });

  it('a4: an A4 sheet with the items in a table', () => {
    const html = renderReceiptHtml(sampleReceiptModel(), { layout: 'a4' });
    expect(receiptHtmlPageSize(sampleReceiptModel(), { layout: 'a4' })).toEqual({
      widthMm: 210,
      heightMm: 297,
    });
    expect(html).toContain('@page{size:A4;margin:18mm}');
    expect(html).toContain('<td class="num">-$0.50</td>');
    expect(html).toContain('<tr class="grand"><td>Total</td><td class="num">$34.65</td></tr>');
  });

  it.each<[ReceiptStatus, string | undefined]>([
    ['paid', undefined],
    ['refunded', 'REFUNDED'],
    ['partially_refunded', 'PARTIALLY REFUNDED'],
    ['voided', 'VOID'],
  ])('shows the status %s prominently', (status, banner) => {
    const refunds =
      status === 'refunded' || status === 'partially_refunded'
        ? [
            {
              refundedAt: new Date('2026-11-22T09:00:00Z'),
              amountMinor: status === 'refunded' ? 3465n : 100n,
              lines: [],
            },
          ]
        : [];
    const model = { ...sampleReceiptModel(), status, refunds };
    const thermal = renderReceiptHtml(model, { layout: 'thermal80' });
    const a4 = renderReceiptHtml(model, { layout: 'a4' });
    if (banner === undefined) {
      expect(thermal).not.toContain('class="banner"');
      expect(a4).not.toContain('class="stamp"');
    } else {
      expect(thermal).toMatch(
        new RegExp(`<div class="banner"><pre class="t-banner"> *${banner}</pre></div>`),
      );
      expect(a4).toContain(`<div class="stamp">${banner}</div>`);
    }
  });

  it('refuses a receipt that does not add up', () => {
    expect(() => renderReceiptHtml({ ...sampleReceiptModel(), subtotalMinor: 1n }, { layout: 'a4' })).toThrow(
      /subtotal is 1 but the lines add up to 3124/,
    );
  });
});

const browser = findBrowser();
const missingTools = [
  ...(browser.kind === 'found' ? [] : [browser.kind === 'broken' ? browser.message : 'Chromium or Chrome']),
  ...(hasTool('pdfinfo') ? [] : ["poppler's pdfinfo (apt-get install poppler-utils)"]),
];

/**
 * Prints through Chromium's own print path (the browser scripts/browser.ts finds). Skipped where
 * Chromium or poppler is missing, except in CI, where a missing tool fails the run.
 */
describe.skipIf(missingTools.length > 0 && !process.env.CI)('Chromium prints the HTML', () => {
  beforeAll(() => {
    if (missingTools.length > 0) throw new Error(`Missing for this test: ${missingTools.join('; ')}`);
  });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-receipt-html-'));
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it.each<[ReceiptLayout, number, number]>([
    ['thermal80', 80, 25],
    ['a4', 210, 0],
  ])(
    '%s prints on one page of the declared size (%i mm wide, %i extra lines)',
    (layout, widthMm, extraLines) => {
      const model = withExtraLines(extraLines);
      const htmlPath = path.join(workDir, `${layout}.html`);
      const pdfPath = path.join(workDir, `${layout}.pdf`);
      fs.writeFileSync(htmlPath, renderReceiptHtml(model, { layout }));
      const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer'];
      execFileSync(
        browser.kind === 'found' ? browser.path : 'chromium',
        [...flags, `--print-to-pdf=${pdfPath}`, htmlPath],
        {
          stdio: 'ignore',
          timeout: 60_000,
        },
      );
      const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
      const pointsPerMm = 72 / 25.4;
      const expected = receiptHtmlPageSize(model, { layout });
      expect(expected.widthMm).toBe(widthMm);
      expect(Math.abs(Number(size?.[1]) / pointsPerMm - widthMm)).toBeLessThan(0.5);
      expect(Math.abs(Number(size?.[2]) / pointsPerMm - expected.heightMm)).toBeLessThan(0.5);
      expect(info).toMatch(/Pages:\s+1\n/);
    },
  );
});

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
