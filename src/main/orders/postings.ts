/**
 * The ledger postings of a sale and of a refund, as pure functions (see the sales plan). Each posting
 * debits one account and credits another; the orders service turns them into ledger transfers.
 *
 * - paid: debit accounts_receivable, credit sales_revenue (net, code 'sale'), tax_payable:<taxId>
 *   (code 'tax'), tips_payable (code 'tip'); the cash rounding between accounts_receivable and
 *   cash_rounding (code 'cash_rounding'). With the tenders' credits to accounts_receivable, the
 *   receivable of the order nets to zero.
 * - refund: debit sales_returns (code 'sales_return'), tax_payable:<taxId> (code 'tax_return'), tips_payable
 *   (code 'tip_return', only when the refund completes the order), credit accounts_receivable; the refund's
 *   cash rounding between cash_rounding and accounts_receivable. The money back (debit
 *   accounts_receivable, credit the tender's account, code 'refund') comes from the payments service.
 */

export interface AccountKey {
  readonly code: string;
  readonly ref: string;
}

export interface Posting {
  readonly debit: AccountKey;
  readonly credit: AccountKey;
  readonly amountMinor: bigint;
  readonly code: string;
}

export const receivable: AccountKey = { code: 'accounts_receivable', ref: '' };
export const salesRevenue: AccountKey = { code: 'sales_revenue', ref: '' };
export const salesReturns: AccountKey = { code: 'sales_returns', ref: '' };
export const tipsPayable: AccountKey = { code: 'tips_payable', ref: '' };
export const cashRounding: AccountKey = { code: 'cash_rounding', ref: '' };

export function taxPayable(taxId: string): AccountKey {
  return { code: 'tax_payable', ref: taxId };
}

export interface SaleAmounts {
  /** Revenue after discounts, without tax and tip. */
  readonly revenueMinor: bigint;
  readonly taxes: readonly { taxId: string; amountMinor: bigint }[];
  readonly tipMinor: bigint;
  /** What the tenders took minus the order total (cash rounding: −2 when $14.17 was paid as $14.15). */
  readonly roundingMinor: bigint;
}

function roundingPosting(roundingMinor: bigint, customerGainsWhenPositive: boolean): Posting[] {
  if (roundingMinor === 0n) return [];
  // The receivable has to absorb the difference: when the customer gave (or got) less than the
  // amounts owed, the store's cash_rounding account carries it.
  const storeLoses = customerGainsWhenPositive ? roundingMinor > 0n : roundingMinor < 0n;
  const amountMinor = roundingMinor < 0n ? -roundingMinor : roundingMinor;
  return [
    storeLoses
      ? { debit: cashRounding, credit: receivable, amountMinor, code: 'cash_rounding' }
      : { debit: receivable, credit: cashRounding, amountMinor, code: 'cash_rounding' },
  ];
}

/** The postings when an order becomes paid. Zero amounts are left out. */
export function salePostings(sale: SaleAmounts): Posting[] {
  const postings: Posting[] = [
    { debit: receivable, credit: salesRevenue, amountMinor: sale.revenueMinor, code: 'sale' },
    ...sale.taxes.map((tax) => ({
      debit: receivable,
      credit: taxPayable(tax.taxId),
      amountMinor: tax.amountMinor,
      code: 'tax',
    })),
    { debit: receivable, credit: tipsPayable, amountMinor: sale.tipMinor, code: 'tip' },
    ...roundingPosting(sale.roundingMinor, false),
  ];
  return postings.filter((posting) => posting.amountMinor > 0n);
}

export interface RefundAmounts {
  readonly netMinor: bigint;
  readonly taxes: readonly { taxId: string; amountMinor: bigint }[];
  /** The tip given back (only by the refund that completes the order). */
  readonly tipMinor: bigint;
  /** Money given back minus what was owed (positive: the customer got more, rounded in their favour). */
  readonly roundingMinor: bigint;
}

/** The postings that take a sale back, before the money goes out. Zero amounts are left out. */
export function refundPostings(refund: RefundAmounts): Posting[] {
  const postings: Posting[] = [
    { debit: salesReturns, credit: receivable, amountMinor: refund.netMinor, code: 'sales_return' },
    ...refund.taxes.map((tax) => ({
      debit: taxPayable(tax.taxId),
      credit: receivable,
      amountMinor: tax.amountMinor,
      code: 'tax_return',
    })),
    { debit: tipsPayable, credit: receivable, amountMinor: refund.tipMinor, code: 'tip_return' },
    ...roundingPosting(refund.roundingMinor, true),
  ];
  return postings.filter((posting) => posting.amountMinor > 0n);
}

/** What the postings move in and out of accounts_receivable (debits − credits). */
export function receivableNet(postings: readonly Posting[]): bigint {
  let net = 0n;
  for (const posting of postings) {
    if (posting.debit.code === receivable.code) net += posting.amountMinor;
    if (posting.credit.code === receivable.code) net -= posting.amountMinor;
  }
  return net;
}
