/**
 * QR codes of the order id, scanned at the till to find the order again (refunds, reprints).
 * Error correction M: survives a smudge or a fold on thermal paper.
 */
import QRCode from 'qrcode';

const errorCorrectionLevel = 'M';

/** A PNG of the QR code, one module = `pixelsPerModule` pixels, with the standard four-module quiet zone. */
export function qrPng(data: string, pixelsPerModule = 8): Promise<Buffer> {
  return QRCode.toBuffer(data, { type: 'png', errorCorrectionLevel, margin: 4, scale: pixelsPerModule });
}

/**
 * An inline `<svg>` of the QR code. qrcode's SVG renderer is synchronous and calls back before `toString`
 * returns, which lets the HTML renderer stay synchronous; if it ever stopped doing so this fails loudly.
 */
export function qrSvg(data: string): string {
  let svg: string | undefined;
  let failure: Error | undefined;
  QRCode.toString(data, { type: 'svg', errorCorrectionLevel, margin: 4 }, (error, result) => {
    if (error) failure = error;
    else svg = result;
  });
  if (failure !== undefined) throw failure;
  if (svg === undefined) throw new Error('qrcode did not render the SVG synchronously');
  return svg.trim();
}
