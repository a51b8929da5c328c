/**
 * `renderReceiptHtml`: the receipt as one self-contained HTML document for the print dialog (Electron's
 * silent print or the browser's). Every piece of text from the model is escaped, a Content-Security-Policy
 * forbids scripts and outside loads, and the QR code is inline SVG, so nothing is fetched when printing.
 */
import { escapeHtml } from '../../shared/html';
import { type ReceiptLayout, assertReceiptLayout } from './layout';
import { type ReceiptModel } from './model';
import { qrSvg } from './qr';
import { narrowReceiptRows } from './rows';
import { a4Body } from './htmlA4';
import { a4Css, thermalCss } from './htmlStyles';
import { thermalHtml, thermalPageWidthMm, thermalRowCss } from './htmlThermal';
import { validateReceiptModel } from './validate';
import { buildReceiptView } from './view';

export interface ReceiptHtmlOptions {
  layout: ReceiptLayout;
}

export { escapeHtml };

const e = escapeHtml;

export interface PageSizeMm {
  widthMm: number;
  heightMm: number;
}

const a4PageSizeMm: PageSizeMm = { widthMm: 210, heightMm: 297 };

function buildReceiptHtml(
  model: ReceiptModel,
  options: ReceiptHtmlOptions,
): { html: string; pageSize: PageSizeMm } {
  assertReceiptLayout(options.layout);
  const clean = validateReceiptModel(model);
  const view = buildReceiptView(clean);
  const qr = qrSvg(clean.orderId);
  let body: string;
  let css: string;
  let pageSize: PageSizeMm;
  if (options.layout === 'thermal80') {
    const thermal = thermalHtml(narrowReceiptRows(view), qr, escapeHtml);
    pageSize = { widthMm: thermalPageWidthMm, heightMm: thermal.pageHeightMm };
    body = thermal.bodyHtml;
    css = `@page{size:${pageSize.widthMm}mm ${pageSize.heightMm}mm;margin:0}${thermalCss}${thermalRowCss()}`;
  } else {
    pageSize = a4PageSizeMm;
    body = a4Body(view, qr, escapeHtml);
    css = a4Css;
  }
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${e(clean.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`Receipt ${view.orderNumber} — ${view.storeName}`)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    `<body class="${options.layout}">`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, pageSize };
}

/**
 * A complete HTML document to print; a model that is malformed or does not add up → TillpointError
 * 'bad_input'. Thermal pages are 80 mm wide and exactly as tall as the receipt (see `receiptHtmlPageSize`).
 */
export function renderReceiptHtml(model: ReceiptModel, options: ReceiptHtmlOptions): string {
  return buildReceiptHtml(model, options).html;
}

/**
 * The page size the HTML declares in its `@page` rule, for a print call that takes the size as an
 * option (Electron's `webContents.print({ pageSize })` wants it in microns: multiply by 1000).
 */
export function receiptHtmlPageSize(model: ReceiptModel, options: ReceiptHtmlOptions): PageSizeMm {
  return buildReceiptHtml(model, options).pageSize;
}
