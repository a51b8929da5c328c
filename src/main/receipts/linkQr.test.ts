import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReceiptHtml } from './html';
import { type ReceiptModel, isReceiptQrUrl, receiptModelFromJson, receiptModelToJson } from './model';
import { renderReceiptPdf } from './pdf';
import { sampleReceiptModel } from './samples';
import { receiptText, receiptTextColumns } from './text';

const txid = 'a1075db55d416d3ca199f55b6084e2115b9345e16c5cf302fc80e9d5fbf5d48d';
const explorerUrl = `https://mempool.space/testnet4/tx/${txid}`;

/** The sample paid half by card, the rest in bitcoin with the explorer link as a QR on the transaction line. */
function cryptoReceipt(qr: string = explorerUrl): ReceiptModel {
  const model = sampleReceiptModel();
  return {
    ...model,
    tenders: [
      { kind: 'card', label: 'Visa •••• 4242', amountMinor: 2000n },
      {
        kind: 'crypto',
        label: 'Crypto (BTC, testnet4)',
        amountMinor: 1465n,
        lines: [
          { label: 'Amount', value: '0.00022803 BTC' },
          { label: 'Transaction', value: txid, qr },
        ],
      },
    ],
  };
}

/** Rasterises an inline SVG from qrcode (a white rect and one stroked path of `M x y`, `m dx dy`, `h n`). */
function svgToRgba(svg: string, scale = 8): { data: Uint8ClampedArray; width: number } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Math.floor(Number(b))];
    else if (command === 'm') [x, y] = [x + Number(a), y + Math.floor(Number(b ?? 0))];
    else {
      for (let column = x; column < x + Number(a); column += 1)
        for (let py = y * scale; py < (y + 1) * scale; py += 1)
          for (let px = column * scale; px < (column + 1) * scale; px += 1)
            data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      x += Number(a);
    }
  }
  return { data, width };
}

function linkQrSvgs(html: string): string[] {
  return Array.from(
    html.matchAll(/<div class="qr link-qr">(<svg[\s\S]*?<\/svg>)/g),
    (match) => match[1] ?? '',
  );
}

/** Every QR code jsQR finds in a PNG: decode one, paint its box white, look again. */
function decodeAll(png: Buffer): string[] {
  const image = PNG.sync.read(png);
  const data = new Uint8ClampedArray(image.data);
  const found: string[] = [];
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const result = jsQR(data, image.width, image.height);
    if (result === null) break;
    found.push(result.data);
    const xs = [
      result.location.topLeftCorner,
      result.location.bottomRightCorner,
      result.location.topRightCorner,
      result.location.bottomLeftCorner,
    ];
    const [minX, maxX] = [Math.min(...xs.map((p) => p.x)) - 10, Math.max(...xs.map((p) => p.x)) + 10];
    const [minY, maxY] = [Math.min(...xs.map((p) => p.y)) - 10, Math.max(...xs.map((p) => p.y)) + 10];
    for (let py = Math.max(0, Math.floor(minY)); py < Math.min(image.height, maxY); py += 1)
      for (let px = Math.max(0, Math.floor(minX)); px < Math.min(image.width, maxX); px += 1)
        data.fill(255, (py * image.width + px) * 4, (py * image.width + px) * 4 + 3);
  }
  return found;
}

describe('a payment line with a link prints it as a QR code', () => {
  it.each(['thermal80', 'a4'] as const)(
    '%s HTML holds an inline SVG QR that decodes to the explorer link',
    (layout) => {
      const html = renderReceiptHtml(cryptoReceipt(), { layout });
      const svgs = linkQrSvgs(html);
      expect(svgs).toHaveLength(1);
      expect(svgs[0]).toContain('shape-rendering="crispEdges"');
      const { data, width } = svgToRgba(svgs[0] ?? '');
      expect(jsQR(data, width, width)?.data).toBe(explorerUrl);
      expect(html).toContain('Transaction');
    },
  );

  it('the 42-column text prints the whole URL on its own lines, nothing cut', () => {
    const long = `https://explorer.example.org/chains/polygon-amoy/transactions/0x${'ab'.repeat(32)}?view=full`;
    for (const url of [explorerUrl, long]) {
      const lines = receiptText(cryptoReceipt(url)).split('\n');
      expect(lines.every((line) => line.length <= receiptTextColumns)).toBe(true);
      const start = lines.findIndex((line) => url.startsWith(line) && line.length > 0);
      expect(start).toBeGreaterThan(-1);
      let joined = '';
      for (let i = start; joined.length < url.length; i += 1) joined += lines[i] ?? '\u0000';
      expect(joined).toBe(url);
    }
  });

  it('refuses a link that is not https, holds credentials or is too long; it survives the JSON round trip', () => {
    expect(isReceiptQrUrl(explorerUrl)).toBe(true);
    expect(isReceiptQrUrl('http://127.0.0.1:8545/tx/0x1')).toBe(true);
    for (const bad of [
      'http://mempool.space/tx/1',
      'javascript:alert(1)',
      'https://u:p@x.org/',
      `https://x.org/${'a'.repeat(200)}`,
      'https://x.org/a b',
    ])
      expect(isReceiptQrUrl(bad)).toBe(false);
    expect(() => renderReceiptHtml(cryptoReceipt('javascript:alert(1)'), { layout: 'a4' })).toThrow();
    const back = receiptModelFromJson(receiptModelToJson(cryptoReceipt()));
    expect(back.tenders[1]?.lines?.[1]?.qr).toBe(explorerUrl);
  });
});

describe('the PDF draws the link as a vector QR code', () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-receipt-linkqr-'));
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it.each(['thermal80', 'a4'] as const)(
    '%s: pdftotext shows the line, the rendered page decodes to the link',
    async (layout) => {
      const pdfPath = path.join(workDir, `${layout}.pdf`);
      fs.writeFileSync(pdfPath, await renderReceiptPdf(cryptoReceipt(), { layout }));
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toContain('Transaction');
      execFileSync('pdftoppm', [
        '-r',
        '200',
        '-png',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdfPath,
        path.join(workDir, layout),
      ]);
      const found = decodeAll(fs.readFileSync(path.join(workDir, `${layout}.png`)));
      expect(found).toContain(explorerUrl);
    },
  );
});
