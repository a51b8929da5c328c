/**
 * QR codes of payment URIs (BIP-21, EIP-681, addresses): error correction M, the most compact
 * segments (alphanumeric for an upper-cased bech32 URI), crisp at any size: an SVG on a module grid with
 * `crispEdges`, a PNG with a whole number of pixels per module.
 */
export {
  defaultMarginModules,
  maxPngSizePx,
  minPngSizePx,
  type QrMatrix,
  qrMatrix,
  type QrPngLayout,
  qrPngLayout,
  type QrPngOptions,
  type QrSvgOptions,
  renderQrPng,
  renderQrSvg,
} from './qr';
