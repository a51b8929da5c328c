import { describe, expect, it } from 'vitest';
import { receivableNet, refundPostings, salePostings, type Posting } from './postings';

const brief = (postings: Posting[]) =>
  postings.map(
    (p) =>
      `${p.code}: ${p.debit.code}${p.debit.ref ? `:${p.debit.ref}` : ''} → ${p.credit.code}${p.credit.ref ? `:${p.credit.ref}` : ''} ${p.amountMinor}`,
  );

describe('salePostings', () => {
  it.each([
    [
      'revenue, one tax, no tip',
      { revenueMinor: 1000n, taxes: [{ taxId: 'vat', amountMinor: 89n }], tipMinor: 0n, roundingMinor: 0n },
      ['sale: accounts_receivable → sales_revenue 1000', 'tax: accounts_receivable → tax_payable:vat 89'],
    ],
    [
      'with a tip and a rounded-down cash total',
      { revenueMinor: 1300n, taxes: [{ taxId: 'gst', amountMinor: 65n }], tipMinor: 52n, roundingMinor: -2n },
      [
        'sale: accounts_receivable → sales_revenue 1300',
        'tax: accounts_receivable → tax_payable:gst 65',
        'tip: accounts_receivable → tips_payable 52',
        'cash_rounding: cash_rounding → accounts_receivable 2',
      ],
    ],
    [
      'rounded up',
      { revenueMinor: 1418n, taxes: [], tipMinor: 0n, roundingMinor: 2n },
      [
        'sale: accounts_receivable → sales_revenue 1418',
        'cash_rounding: accounts_receivable → cash_rounding 2',
      ],
    ],
    [
      'a free order',
      { revenueMinor: 0n, taxes: [{ taxId: 'vat', amountMinor: 0n }], tipMinor: 0n, roundingMinor: 0n },
      [],
    ],
  ] as const)('%s', (_label, sale, expected) => {
    const postings = salePostings(sale);
    expect(brief(postings)).toEqual(expected);
    // With the tenders' credits (total + rounding), the receivable nets to zero.
    const total = sale.revenueMinor + sale.taxes.reduce((s, t) => s + t.amountMinor, 0n) + sale.tipMinor;
    expect(receivableNet(postings) - (total + sale.roundingMinor)).toBe(0n);
  });
});

describe('refundPostings', () => {
  it.each([
    [
      'part of a line',
      { netMinor: 334n, taxes: [{ taxId: 'vat', amountMinor: 30n }], tipMinor: 0n, roundingMinor: 1n },
      [
        'sales_return: sales_returns → accounts_receivable 334',
        'tax_return: tax_payable:vat → accounts_receivable 30',
        'cash_rounding: cash_rounding → accounts_receivable 1',
      ],
    ],
    [
      'the rest, with the tip, rounded down',
      { netMinor: 1000n, taxes: [], tipMinor: 100n, roundingMinor: -5n },
      [
        'sales_return: sales_returns → accounts_receivable 1000',
        'tip_return: tips_payable → accounts_receivable 100',
        'cash_rounding: accounts_receivable → cash_rounding 5',
      ],
    ],
  ] as const)('%s', (_label, refund, expected) => {
    const postings = refundPostings(refund);
    expect(brief(postings)).toEqual(expected);
    // With the money back (a debit of owed + rounding), the receivable nets to zero.
    const owed = refund.netMinor + refund.taxes.reduce((s, t) => s + t.amountMinor, 0n) + refund.tipMinor;
    expect(receivableNet(postings) + owed + refund.roundingMinor).toBe(0n);
  });
});
