/**
 * Print receipt and Save PDF for one order, as the checkout's done screen and the orders screen
 * offer them: which one is running (both buttons wait for it), and a toast for how it went.
 */
import { useState } from 'react';
import { toast } from '../../ui';
import { printReceipt, saveReceiptPdf } from './receiptActions';

export type ReceiptAction = 'print' | 'pdf';

export function useReceiptActions(order: { id: string; number: number }) {
  const [busy, setBusy] = useState<ReceiptAction | null>(null);

  const print = async () => {
    setBusy('print');
    try {
      if ((await printReceipt(order.id)) === 'printer') toast.success('Receipt sent to the printer.');
    } catch (error) {
      toast.error(error, { title: 'The receipt was not printed' });
    } finally {
      setBusy(null);
    }
  };

  const savePdf = async () => {
    setBusy('pdf');
    try {
      toast.success(`Saved ${await saveReceiptPdf(order.id, order.number)}.`);
    } catch (error) {
      toast.error(error, { title: 'The PDF was not saved' });
    } finally {
      setBusy(null);
    }
  };

  return { busy, print, savePdf };
}
