/**
 * A QR code drawn as vector rectangles in a PDF (no bitmap: crisp at any printer resolution). Error
 * correction M, as the order-id QR (`./qr`), with the standard four-module quiet zone inside `sizePt`.
 */
import QRCode from 'qrcode';

type Doc = PDFKit.PDFDocument;

const quietZoneModules = 4;

/** The dark modules of the QR code of `data`, row by row (`size` × `size`). */
export function qrMatrix(data: string): { size: number; isDark: (row: number, column: number) => boolean } {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/** Draws the QR code of `data` as a `sizePt` square (quiet zone included) with its top-left corner at x, y. */
export function drawVectorQr(doc: Doc, data: string, xPt: number, yPt: number, sizePt: number): void {
  const matrix = qrMatrix(data);
  const modulePt = sizePt / (matrix.size + 2 * quietZoneModules);
  const originX = xPt + quietZoneModules * modulePt;
  const originY = yPt + quietZoneModules * modulePt;
  doc.save();
  for (let row = 0; row < matrix.size; row += 1) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column += 1;
      // Runs of dark modules in one row as one rectangle: fewer paths, no hairline seams between modules.
      doc.rect(originX + start * modulePt, originY + row * modulePt, (column - start) * modulePt, modulePt);
    }
  }
  doc.fillColor('black').fill();
  doc.restore();
}
