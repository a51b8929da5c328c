/**
 * Receipts of orders: builds the `ReceiptModel` (src/main/receipts) from an order, the store settings
 * and the staff names, and renders it (PDF, HTML, text) or sends it to the door's printer.
 */
import { type ApiOutput, type ApiParsedInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import {
  receiptHtmlPageSize,
  receiptText,
  renderReceiptHtml,
  renderReceiptPdf,
  type ReceiptLayout,
  type ReceiptModel,
  type ReceiptTender,
} from '../receipts';
import { customerNoteOf, type OrdersContext } from './context';
import { getOrder, orderLines } from './ordersStore';
import { orderRefunds } from './refundsStore';
import { priceOrder } from './priced';
import { orderLabel } from './cart';
import { settledRoundingOf } from './orderView';

/** What the receipt calls a tender: the label it registered with, else its name. */
function tenderLabel(oc: OrdersContext, kind: ReceiptTender['kind']): string {
  return oc.payments.registry.has(kind) ? oc.payments.registry.get(kind).label : kind;
}

/** The lines a tender prints under a taken payment (what card brands require), when it has any. */
function paymentLines(
  oc: OrdersContext,
  payment: { kind: ReceiptTender['kind']; details: Readonly<Record<string, unknown>> },
): { lines?: { label: string; value: string }[] } {
  const adapter = oc.payments.registry.has(payment.kind) ? oc.payments.registry.get(payment.kind) : null;
  const lines = adapter?.receiptLines?.(payment.details) ?? [];
  return lines.length > 0 ? { lines } : {};
}

/** A taken payment as the receipt names it: the tender's own words for it ("Visa •••• 4242"), else its label. */
function paymentLabel(
  oc: OrdersContext,
  payment: { kind: ReceiptTender['kind']; details: Readonly<Record<string, unknown>> },
): string {
  const adapter = oc.payments.registry.has(payment.kind) ? oc.payments.registry.get(payment.kind) : null;
  return adapter?.receiptLabel?.(payment.details) ?? tenderLabel(oc, payment.kind);
}

function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function buildReceiptModel(oc: OrdersContext, orderId: string): ReceiptModel {
  const { db } = oc.deps;
  const order = getOrder(db, orderId);
  if (order.status === 'open') {
    throw new TillpointError(
      'conflict',
      `${orderLabel(order)} is still open: its receipt is printed once it is paid (or voided).`,
      { orderId, status: order.status },
    );
  }
  const settings = oc.settings.get();
  const lines = orderLines(db, orderId);
  const { taxMode, result } = priceOrder(order, lines, settings);
  const payments = oc.payments
    .listForOrder(orderId)
    .filter((p) => p.status === 'succeeded' || p.status === 'partially_refunded' || p.status === 'refunded');
  const nameOf = (lineId: string) => lines.find((line) => line.id === lineId)?.name ?? lineId;
  const phone = optionalText(settings.phone);
  const taxId = optionalText(settings.taxId);
  // The customer's note (their coin balance) before the store's footer; the footer alone when both
  // would not fit the receipt's 500 characters.
  const note = customerNoteOf(oc.hooks, orderId);
  const withNote = [note, settings.receiptFooter.trim()].filter((t) => t).join(' ');
  const footer = optionalText(withNote.length <= 500 ? withNote : settings.receiptFooter);

  return {
    store: {
      name: settings.storeName,
      addressLines: settings.addressLines.map((line) => line.trim()).filter((line) => line !== ''),
      ...(phone ? { phone } : {}),
      ...(taxId ? { taxId } : {}),
      ...(footer ? { footerMessage: footer } : {}),
      timeZone: settings.timeZone,
    },
    status: order.status,
    orderNumber: String(order.number),
    orderId: order.id,
    createdAt: new Date(order.createdAt),
    cashierName: oc.staffName(order.createdBy),
    tillName: settings.tillName,
    currency: order.currency,
    locale: settings.locale,
    lines: result.lines.map((line, index) => {
      const sku = optionalText(lines[index]?.sku ?? '');
      return {
        name: lines[index]?.name ?? line.lineId,
        ...(sku ? { sku } : {}),
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        discountMinor: line.lineDiscountMinor,
        totalMinor: line.grossMinor - line.lineDiscountMinor,
      };
    }),
    orderDiscountMinor: result.orderDiscountMinor,
    subtotalMinor: result.subtotalMinor - result.lineDiscountTotalMinor,
    taxes: result.taxes.map((tax) => ({
      name: tax.name,
      ratePercent: tax.ratePercent,
      amountMinor: tax.amountMinor,
      inclusive: taxMode === 'inclusive',
    })),
    tipMinor: result.tipMinor,
    totalMinor: result.totalMinor,
    cashRoundingMinor: settledRoundingOf(payments),
    tenders: payments.map((payment) => ({
      kind: payment.kind,
      label: paymentLabel(oc, payment),
      ...paymentLines(oc, payment),
      amountMinor: payment.amountMinor,
      ...(payment.tenderedMinor !== null ? { tenderedMinor: payment.tenderedMinor } : {}),
      ...(payment.changeMinor !== null ? { changeMinor: payment.changeMinor } : {}),
    })),
    refunds: orderRefunds(db, orderId).map((refund) => ({
      refundedAt: new Date(refund.createdAt),
      amountMinor: refund.amountMinor,
      reason: refund.reason,
      tenderLabel: tenderLabel(oc, refund.tender),
      lines: refund.lines.map((line) => ({
        name: nameOf(line.lineId),
        quantity: line.quantity,
        amountMinor: line.amountMinor,
      })),
    })),
  };
}

type RenderOutput = ApiOutput<'receipts.render'>;

export async function renderOrderReceipt(
  oc: OrdersContext,
  input: ApiParsedInput<'receipts.render'>,
): Promise<RenderOutput> {
  const model = buildReceiptModel(oc, input.orderId);
  const layout: ReceiptLayout = input.layout ?? oc.settings.get().receiptLayout;
  switch (input.format) {
    case 'pdf': {
      const pdf = await renderReceiptPdf(model, { layout });
      return { contentType: 'application/pdf', base64: pdf.toString('base64') };
    }
    case 'html':
      return { contentType: 'text/html; charset=utf-8', text: renderReceiptHtml(model, { layout }) };
    case 'text':
      return { contentType: 'text/plain; charset=utf-8', text: receiptText(model) };
  }
}

export async function printOrderReceipt(
  oc: OrdersContext,
  input: ApiParsedInput<'receipts.print'>,
): Promise<{ printed: true }> {
  const model = buildReceiptModel(oc, input.orderId);
  const settings = oc.settings.get();
  const layout: ReceiptLayout = input.layout ?? settings.receiptLayout;
  if (!oc.printer) {
    throw new TillpointError(
      'unavailable',
      "No printer is connected to this till here: print the receipt from the browser's print dialog instead.",
      { reason: 'no_printer' },
    );
  }
  const html = renderReceiptHtml(model, { layout });
  try {
    await oc.printer.print(html, {
      layout,
      printerName: settings.printerName,
      pageSizeMm: receiptHtmlPageSize(model, { layout }),
    });
  } catch (error) {
    throw new TillpointError(
      'unavailable',
      `The receipt printer${settings.printerName ? ` "${settings.printerName}"` : ''} did not print: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { reason: 'printer_failed' },
    );
  }
  return { printed: true };
}
