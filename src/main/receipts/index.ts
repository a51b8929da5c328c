/**
 * Receipts as documents. From a `ReceiptModel` (the order already priced and paid, built by the sales
 * code; `receiptModelSchema` carries it as JSON) this folder makes: a PDF for an 80 mm thermal roll or an
 * A4 page (`renderReceiptPdf`), a self-contained HTML page for the print dialog (`renderReceiptHtml`), and
 * 42-column plain text (`receiptText`). Every renderer checks the model first (`validateReceiptModel`).
 * Pure: no database, no orders code; money is formatted by `formatMoney` from src/shared/money.
 */
export {
  type ReceiptLine,
  type ReceiptModel,
  type ReceiptModelJson,
  type ReceiptRefund,
  type ReceiptRefundLine,
  type ReceiptStatus,
  type ReceiptStore,
  type ReceiptTax,
  type ReceiptTender,
  type ReceiptTenderLine,
  type TenderKind,
  isReceiptQrUrl,
  receiptQrMaxLength,
  receiptModelFromJson,
  receiptModelSchema,
  receiptModelToJson,
  receiptStatuses,
} from './model';
export { type ReceiptProblem, receiptArithmeticProblems, validateReceiptModel } from './validate';
export { type ReceiptLayout, receiptLayouts } from './layout';
export { type ReceiptPdfOptions, renderReceiptPdf } from './pdf';
export {
  type PageSizeMm,
  type ReceiptHtmlOptions,
  escapeHtml,
  receiptHtmlPageSize,
  renderReceiptHtml,
} from './html';
export { receiptText, receiptTextColumns } from './text';
export { sampleReceiptModel } from './samples';
