/**
 * Printing and saving an order's receipt, for the checkout's done screen and the orders screen.
 * Print asks the store's printer first (receipts.print); where this door has none (the core answers
 * `unavailable`, as in a browser), the receipt's HTML is printed with the browser's dialog from a
 * hidden iframe (srcdoc, sandboxed: no scripts). Save PDF downloads `receipt-<number>.pdf`.
 */
import { ApiCallError, client } from '../../api';
import { base64ToBytes, receiptFileName } from './receiptFiles';

/** What happened: printed on the store's printer, or handed to the browser's print dialog. */
export type PrintOutcome = 'printer' | 'browser';

export async function printReceipt(orderId: string): Promise<PrintOutcome> {
  try {
    await client.invoke('receipts.print', { orderId });
    return 'printer';
  } catch (error) {
    if (!(error instanceof ApiCallError && error.code === 'unavailable')) throw error;
  }
  const { text } = await client.invoke('receipts.render', { orderId, format: 'html' });
  if (!text) throw new Error('The till sent an empty receipt.');
  await printHtml(text);
  return 'browser';
}

/** Longest wait for the receipt's frame to load before printing anyway. */
const frameLoadTimeoutMs = 4_000;

/**
 * Prints an HTML page with the browser's print dialog from a hidden, sandboxed iframe. The frame
 * keeps its same-origin access so this page may call its print(); with no `allow-scripts` the
 * receipt itself can run nothing.
 */
export function printHtml(html: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Receipt for printing';
    // Off screen but laid out at a receipt's size (no stylesheet needed).
    frame.style.cssText = 'position:fixed;top:0;left:-10000px;width:420px;height:640px;border:0';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        const view = frame.contentWindow;
        if (!view) throw new Error('The receipt could not be prepared for printing.');
        view.focus();
        // print() returns once the dialog closes (it blocks in Chromium).
        view.print();
        resolve();
      } catch (error) {
        reject(error instanceof Error ? error : new Error('The receipt could not be printed.'));
      } finally {
        // Removed a moment later: some browsers print from the frame after print() returns.
        setTimeout(() => frame.remove(), 1_000);
      }
    };
    const timer = setTimeout(finish, frameLoadTimeoutMs);
    frame.addEventListener('load', finish, { once: true });
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}

/** Downloads the receipt as `receipt-<number>.pdf`. */
export async function saveReceiptPdf(orderId: string, orderNumber: number): Promise<string> {
  const { base64 } = await client.invoke('receipts.render', { orderId, format: 'pdf' });
  if (!base64) throw new Error('The till sent an empty PDF.');
  const blob = new Blob([base64ToBytes(base64)], { type: 'application/pdf' });
  const name = receiptFileName(orderNumber);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
