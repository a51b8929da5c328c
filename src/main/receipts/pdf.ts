/**
 * `renderReceiptPdf`: a receipt model to PDF bytes, as an 80 mm thermal roll or an A4 invoice-style page.
 * The same model always gives the same bytes: the document's dates and file id come from the order's
 * creation time, the fonts are the ones in resources/fonts (embedded as subsets, named after their
 * order of use), and nothing random is written.
 */
import { type ReceiptLayout, assertReceiptLayout } from './layout';
import { type ReceiptModel } from './model';
import { registerReceiptFonts } from './fonts';
import { A4Cursor, drawPageNumbers } from './pdfA4Frame';
import { drawHeader, drawItemsTable, drawStatusStamp } from './pdfA4Items';
import { drawQrAndFooter, drawRefunds, drawTotalsAndPayments } from './pdfA4Summary';
import { winAnsiEncoding } from './pdfText';
import { drawThermalReceipt } from './pdfThermal';
import { qrPng } from './qr';
import { narrowReceiptRows } from './rows';
import { validateReceiptModel } from './validate';
import { type ReceiptView, buildReceiptView, cleanText } from './view';

export interface ReceiptPdfOptions {
  layout: ReceiptLayout;
  /** Deflate the page content (default true). Tests turn it off to read the drawing operators. */
  compress?: boolean;
}

function drawA4Receipt(doc: PDFKit.PDFDocument, view: ReceiptView, qr: Buffer): void {
  const cursor = new A4Cursor(doc);
  cursor.addPage();
  drawHeader(doc, cursor, view);
  if (view.statusBanner !== undefined) drawStatusStamp(doc, cursor, view.statusBanner);
  drawItemsTable(doc, cursor, view);
  drawTotalsAndPayments(doc, cursor, view);
  drawRefunds(doc, cursor, view);
  drawQrAndFooter(doc, cursor, view, qr);
  drawPageNumbers(doc, `Receipt ${view.orderNumber} · ${view.storeName}`);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Renders the receipt; a model that is malformed or does not add up → TillpointError 'bad_input'. */
export async function renderReceiptPdf(model: ReceiptModel, options: ReceiptPdfOptions): Promise<Buffer> {
  assertReceiptLayout(options.layout);
  const clean = validateReceiptModel(model);
  const view = buildReceiptView(clean, winAnsiEncoding);
  // The thermal QR is drawn 34 mm wide: 8 px per module stays sharp at a 203 dpi print head.
  const qr = await qrPng(clean.orderId, 8);

  // pdfkit (and its fonts' parser) is loaded on the first PDF, not when the till starts.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: options.layout === 'a4',
    compress: options.compress ?? true,
    pdfVersion: '1.4',
    lang: clean.locale,
    displayTitle: true,
    info: {
      Title: cleanText(`Receipt ${clean.orderNumber} — ${clean.store.name}`),
      Author: cleanText(clean.store.name),
      Subject: `Order ${clean.orderId}`,
      Creator: 'Tillpoint',
      Producer: 'Tillpoint',
      CreationDate: clean.createdAt,
      ModDate: clean.createdAt,
    },
  });
  registerReceiptFonts(doc);
  const bytes = collect(doc);
  if (options.layout === 'thermal80') drawThermalReceipt(doc, narrowReceiptRows(view), qr);
  else drawA4Receipt(doc, view, qr);
  doc.end();
  return bytes;
}
