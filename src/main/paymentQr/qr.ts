/**
 * QR codes of payment URIs, drawn crisp at any size: error correction M (survives a smudge, a glare or a
 * scratched screen), the standard four-module quiet zone by default, and the content split into the most
 * compact segments (qrcode's optimal segmentation: an upper-cased `BITCOIN:BC1Q…` goes in alphanumeric
 * mode, digits in numeric mode, the rest in byte mode).
 *
 * - SVG: one path of unit squares on a module grid (`viewBox` in modules) with `shape-rendering=
 *   "crispEdges"`, so any CSS size draws sharp edges with no hairlines between modules.
 * - PNG: a whole number of pixels per module (never a fractional scale, which blurs or unevens modules),
 *   the image exactly `sizePx` wide with the spare pixels added to the quiet zone.
 */
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { TillpointError } from '../../shared/api/errors';

const errorCorrectionLevel = 'M';
/** The spec's quiet zone: four modules on each side. */
export const defaultMarginModules = 4;
const maxMarginModules = 16;
/** Version 40 at level M holds 2,331 bytes; far longer than any payment URI. */
const maxTextLength = 2331;
export const minPngSizePx = 21 + 2 * defaultMarginModules;
export const maxPngSizePx = 4096;

export interface QrMatrix {
  /** Modules per side (21 for version 1, +4 per version). */
  readonly size: number;
  readonly version: number;
  /** Row-major, 1 = dark module. */
  readonly dark: Uint8Array;
  /** The encoding mode of each segment, in order (`Alphanumeric`, `Byte`, `Numeric`, `Kanji`). */
  readonly segmentModes: readonly string[];
}

/** The module matrix of `text` at error correction M. Throws `bad_input` for empty or over-long text. */
export function qrMatrix(text: string): QrMatrix {
  if (typeof text !== 'string' || text.length === 0 || text.length > maxTextLength) {
    throw new TillpointError('bad_input', `A QR code holds 1 to ${maxTextLength} characters of text.`, {
      reason: 'bad_qr_text',
    });
  }
  let qr: QRCode.QRCode;
  try {
    qr = QRCode.create(text, { errorCorrectionLevel });
  } catch (error) {
    throw new TillpointError(
      'bad_input',
      `This text does not fit in a QR code: ${(error as Error).message}`,
      {
        reason: 'bad_qr_text',
      },
    );
  }
  return {
    size: qr.modules.size,
    version: qr.version,
    dark: Uint8Array.from(qr.modules.data, (bit) => (bit ? 1 : 0)),
    segmentModes: qr.segments.map((segment) => segment.mode.id),
  };
}

function checkMargin(margin: unknown): number {
  if (margin === undefined) return defaultMarginModules;
  if (typeof margin !== 'number' || !Number.isInteger(margin) || margin < 0 || margin > maxMarginModules) {
    throw new TillpointError('bad_input', `The QR margin must be 0 to ${maxMarginModules} modules.`, {
      reason: 'bad_qr_margin',
    });
  }
  return margin;
}

export interface QrSvgOptions {
  /** Quiet zone in modules (default 4). */
  readonly margin?: number;
  /** Colours (default black on white). */
  readonly dark?: string;
  readonly light?: string;
}

const colourPattern = /^(#[0-9a-fA-F]{3,8}|[a-z]{3,20})$/;

function checkColour(colour: string | undefined, fallback: string): string {
  if (colour === undefined) return fallback;
  if (typeof colour !== 'string' || !colourPattern.test(colour)) {
    throw new TillpointError('bad_input', 'A QR colour must be #rgb, #rrggbb or a colour name.', {
      reason: 'bad_qr_colour',
    });
  }
  return colour;
}

/**
 * An `<svg>` with no fixed size (it fills what CSS gives it; `viewBox` is in modules). Each run of dark
 * modules in a row is one `M x y h n v1 h -n z` square strip, which keeps the path short.
 */
export function renderQrSvg(text: string, options: QrSvgOptions = {}): string {
  const margin = checkMargin(options.margin);
  const dark = checkColour(options.dark, '#000');
  const light = checkColour(options.light, '#fff');
  const { size, dark: modules } = qrMatrix(text);
  const side = size + 2 * margin;
  const strips: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (modules[row * size + col] === 0) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && modules[row * size + col] === 1) col += 1;
      const run = col - start;
      strips.push(`M${start + margin} ${row + margin}h${run}v1h-${run}z`);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="${light}"/>` +
    `<path fill="${dark}" d="${strips.join('')}"/></svg>`
  );
}

export interface QrPngOptions {
  /** Width and height of the image in pixels (at least 29, at most 4,096). */
  readonly sizePx: number;
  /** The least quiet zone in modules (default 4); spare pixels widen it. */
  readonly margin?: number;
}

export interface QrPngLayout {
  readonly sizePx: number;
  /** Pixels per module: a whole number, never below 1. */
  readonly moduleScale: number;
  /** Pixels from the image's edge to the first module. */
  readonly offsetPx: number;
}

/**
 * The layout of a `modules`-wide code in `sizePx`: the largest whole scale that leaves the quiet zone,
 * the image grown to fit when `sizePx` is too small for even one pixel per module.
 */
export function qrPngLayout(modules: number, sizePx: number, margin: number): QrPngLayout {
  const moduleScale = Math.max(1, Math.floor(sizePx / (modules + 2 * margin)));
  const size = Math.max(sizePx, moduleScale * (modules + 2 * margin));
  return { sizePx: size, moduleScale, offsetPx: Math.floor((size - moduleScale * modules) / 2) };
}

/** A PNG (8-bit greyscale, black on white) of `text`, `sizePx` square with an integer module scale. */
export function renderQrPng(text: string, options: QrPngOptions): Buffer {
  const margin = checkMargin(options.margin);
  const requested = options.sizePx;
  if (
    typeof requested !== 'number' ||
    !Number.isInteger(requested) ||
    requested < minPngSizePx ||
    requested > maxPngSizePx
  ) {
    throw new TillpointError('bad_input', `A QR image is ${minPngSizePx} to ${maxPngSizePx} pixels wide.`, {
      reason: 'bad_qr_size',
    });
  }
  const { size, dark } = qrMatrix(text);
  const { sizePx, moduleScale, offsetPx } = qrPngLayout(size, requested, margin);
  const png = new PNG({
    width: sizePx,
    height: sizePx,
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
    bitDepth: 8,
  });
  const pixels = Buffer.alloc(sizePx * sizePx, 0xff);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (dark[row * size + col] !== 1) continue;
      const x0 = offsetPx + col * moduleScale;
      for (let y = offsetPx + row * moduleScale; y < offsetPx + (row + 1) * moduleScale; y += 1) {
        pixels.fill(0, y * sizePx + x0, y * sizePx + x0 + moduleScale);
      }
    }
  }
  png.data = pixels;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}
