/**
 * The invoice's status in words for the cashier and the customer (pure, tested): waiting → seen →
 * confirming k/n → paid, the underpaid / overpaid / late marks, and the countdown's text.
 */
export interface InvoiceStatusFacts {
  readonly status: 'new' | 'processing' | 'settled' | 'expired' | 'invalid';
  readonly exception: 'paid_partial' | 'paid_over' | 'paid_late' | null;
  readonly phase: 'waiting' | 'seen' | 'confirming' | 'paid' | 'expired' | 'canceled';
  readonly confirmations: number;
  readonly confirmationsRequired: number;
}

export type InvoiceTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function invoiceHeadline(invoice: InvoiceStatusFacts): { text: string; tone: InvoiceTone } {
  switch (invoice.phase) {
    case 'waiting':
      return { text: 'Waiting for payment', tone: 'neutral' };
    case 'seen':
      return invoice.exception === 'paid_partial'
        ? { text: 'Underpaid', tone: 'warning' }
        : { text: 'Seen, not confirmed yet', tone: 'info' };
    case 'confirming':
      return invoice.exception === 'paid_partial'
        ? { text: 'Underpaid', tone: 'warning' }
        : { text: `Confirming ${invoice.confirmations}/${invoice.confirmationsRequired}`, tone: 'info' };
    case 'paid':
      return invoice.exception === 'paid_over'
        ? { text: 'Paid (overpaid)', tone: 'success' }
        : { text: 'Paid', tone: 'success' };
    case 'expired':
      return invoice.exception === 'paid_late'
        ? { text: 'Paid late: a manager accepts or refunds it', tone: 'warning' }
        : { text: 'Expired', tone: 'danger' };
    case 'canceled':
      return { text: 'Cancelled', tone: 'neutral' };
  }
}

/** `14:59` left, `0:00` once past; null when the invoice no longer waits. */
export function countdownText(expiresAtIso: string, nowMs: number): string {
  const leftMs = Math.max(0, Date.parse(expiresAtIso) - nowMs);
  const seconds = Math.floor(leftMs / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
