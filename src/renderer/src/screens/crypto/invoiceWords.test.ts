import { describe, expect, it } from 'vitest';
import { countdownText, invoiceHeadline, type InvoiceStatusFacts } from './invoiceWords';

const facts = (over: Partial<InvoiceStatusFacts>): InvoiceStatusFacts => ({
  status: 'new',
  exception: null,
  phase: 'waiting',
  confirmations: 0,
  confirmationsRequired: 3,
  ...over,
});

describe('invoice words', () => {
  it.each([
    [facts({}), 'Waiting for payment'],
    [facts({ phase: 'seen', status: 'processing' }), 'Seen, not confirmed yet'],
    [facts({ phase: 'confirming', status: 'processing', confirmations: 1 }), 'Confirming 1/3'],
    [facts({ phase: 'seen', exception: 'paid_partial' }), 'Underpaid'],
    [facts({ phase: 'paid', status: 'settled' }), 'Paid'],
    [facts({ phase: 'paid', status: 'settled', exception: 'paid_over' }), 'Paid (overpaid)'],
    [
      facts({ phase: 'expired', status: 'expired', exception: 'paid_late' }),
      'Paid late: a manager accepts or refunds it',
    ],
    [facts({ phase: 'expired', status: 'expired' }), 'Expired'],
    [facts({ phase: 'canceled', status: 'invalid' }), 'Cancelled'],
  ])('%#: %s', (invoice, text) => {
    expect(invoiceHeadline(invoice).text).toBe(text);
  });

  it('counts down in minutes and seconds, never below zero', () => {
    const at = Date.parse('2026-12-07T10:00:00.000Z');
    expect(countdownText('2026-12-07T10:15:00.000Z', at)).toBe('15:00');
    expect(countdownText('2026-12-07T10:00:09.500Z', at)).toBe('0:09');
    expect(countdownText('2026-12-07T09:00:00.000Z', at)).toBe('0:00');
  });
});
