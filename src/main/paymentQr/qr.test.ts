import { getAddress } from 'ethers';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  addressOnlyUri,
  bip21Uri,
  eip681NativeUri,
  eip681TokenUri,
  parsePaymentUri,
  plainAddressText,
} from '../../shared/paymentUri';
import { qrMatrix, qrPngLayout, renderQrPng, renderQrSvg } from './index';

const bech32 = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu';
const to = getAddress('0x8ba1f109551bd432803012645ac136ddd64dba72');
const usdc = getAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');

const uris: readonly string[] = [
  bip21Uri({ address: bech32, amountSats: 12870n }),
  bip21Uri({ address: bech32, amountSats: 123456n, upperCaseAddress: true }),
  bip21Uri({ address: bech32, amountSats: 1n, label: 'Café Nº1', message: 'Order 42' }),
  bip21Uri({ address: '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W', amountSats: 2_030_000_000n }),
  eip681NativeUri({ to, chainId: 1, valueWei: 4_120_873_000_000_000n }),
  eip681NativeUri({ to, chainId: 137, valueWei: 10n ** 30n }),
  eip681TokenUri({ token: usdc, chainId: 1, to, amountUnits: 12_500_000n }),
  eip681TokenUri({ token: usdc, chainId: 56, to, amountUnits: 12_500_000_000_000_000_000n }),
  addressOnlyUri({ scheme: 'bitcoin', address: bech32, upperCaseAddress: true }),
  plainAddressText({ scheme: 'ethereum', address: to }),
];

/** Draws the SVG's own path (`M x y h n v1 h -n z` strips on a module grid) at `scale` px per module. */
function rasteriseSvg(svg: string, scale: number): { data: Uint8ClampedArray; width: number } {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const path = /<path fill="[^"]+" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  const width = side * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let strips = 0;
  for (const [, x, y, run, back] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    expect(back).toBe(run);
    strips += 1;
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py += 1) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(run)) * scale; px += 1) {
        data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
  }
  // nothing else in the path: every command was a strip
  expect(path.replace(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g, '')).toBe('');
  expect(strips).toBeGreaterThan(0);
  return { data, width };
}

function decodePng(png: Buffer): { text: string | undefined; width: number; height: number } {
  const image = PNG.sync.read(png);
  const result = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return { text: result?.data, width: image.width, height: image.height };
}

describe('renderQrSvg', () => {
  it.each(uris)('decodes back to %s', (uri) => {
    const svg = renderQrSvg(uri);
    expect(svg).toContain('shape-rendering="crispEdges"');
    for (const scale of [3, 7]) {
      const { data, width } = rasteriseSvg(svg, scale);
      expect(jsQR(data, width, width)?.data).toBe(uri);
    }
    if (uri.includes(':')) expect(parsePaymentUri(uri)).toBeTruthy();
  });

  it('takes a margin and colours, and refuses bad ones', () => {
    const { size } = qrMatrix(uris[0]!);
    expect(renderQrSvg(uris[0]!, { margin: 0 })).toContain(`viewBox="0 0 ${size} ${size}"`);
    expect(renderQrSvg(uris[0]!, { margin: 2, dark: '#112233' })).toContain('fill="#112233"');
    expect(() => renderQrSvg(uris[0]!, { margin: -1 })).toThrow(/margin/);
    expect(() => renderQrSvg(uris[0]!, { margin: 1.5 })).toThrow(/margin/);
    expect(() => renderQrSvg(uris[0]!, { dark: '"/><script>' })).toThrow(/colour/);
  });
});

describe('renderQrPng', () => {
  it.each(uris)('decodes back to %s', (uri) => {
    const decoded = decodePng(renderQrPng(uri, { sizePx: 300 }));
    expect(decoded).toEqual({ text: uri, width: 300, height: 300 });
  });

  it.each([29, 64, 100, 177, 256, 333, 512, 1000])(
    '%i px: exactly that size, whole pixels per module, decodable',
    (sizePx) => {
      const uri = uris[6]!;
      const png = renderQrPng(uri, { sizePx });
      const { size } = qrMatrix(uri);
      const layout = qrPngLayout(size, sizePx, 4);
      expect(Number.isInteger(layout.moduleScale)).toBe(true);
      const image = PNG.sync.read(png);
      expect(image.width).toBe(layout.sizePx);
      // every pixel is pure black or pure white: no blurred module edge anywhere
      let grey = 0;
      for (let i = 0; i < image.data.length; i += 4)
        if (image.data[i] !== 0 && image.data[i] !== 255) grey += 1;
      expect(grey).toBe(0);
      // the quiet zone is at least 4 modules
      expect(layout.offsetPx).toBeGreaterThanOrEqual(4 * layout.moduleScale);
      if (layout.moduleScale >= 2) expect(decodePng(png).text).toBe(uri);
    },
  );

  it('grows an image too small for one pixel per module', () => {
    expect(qrPngLayout(41, 29, 4)).toEqual({ sizePx: 49, moduleScale: 1, offsetPx: 4 });
    expect(qrPngLayout(33, 300, 4)).toEqual({ sizePx: 300, moduleScale: 7, offsetPx: 34 });
  });

  it.each([0, 28, 4097, 12.5, Number.NaN])('refuses %s px', (sizePx) => {
    expect(() => renderQrPng(uris[0]!, { sizePx })).toThrow(/pixels wide/);
  });
});

describe('content and modes', () => {
  it('puts an upper-case BIP-21 URI in alphanumeric mode, and it makes a smaller code', () => {
    const upper = qrMatrix(bip21Uri({ address: bech32, amountSats: 123456n, upperCaseAddress: true }));
    const lower = qrMatrix(bip21Uri({ address: bech32, amountSats: 123456n }));
    expect(upper.segmentModes[0]).toBe('Alphanumeric');
    expect(lower.segmentModes).not.toContain('Alphanumeric');
    expect(upper.size).toBeLessThan(lower.size);
    const addressOnly = qrMatrix(
      addressOnlyUri({ scheme: 'bitcoin', address: bech32, upperCaseAddress: true }),
    );
    expect(addressOnly.segmentModes).toEqual(['Alphanumeric']);
  });

  it('uses error correction M', () => {
    // version 1 at M holds 14 bytes (L: 17); 15 bytes need version 2
    expect(qrMatrix('a'.repeat(14)).version).toBe(1);
    expect(qrMatrix('a'.repeat(15)).version).toBe(2);
  });

  it('refuses empty and over-long text', () => {
    expect(() => qrMatrix('')).toThrow(/1 to 2331/);
    expect(() => qrMatrix('x'.repeat(2332))).toThrow(/1 to 2331/);
    expect(() => qrMatrix('é'.repeat(2000))).toThrow(/does not fit/);
  });
});
