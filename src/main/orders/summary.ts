/**
 * The sales figures of one shift for its X and Z reports (`summarizeShift`), from the orders,
 * payments and refunds rows tagged with the shift:
 * - orders paid in the shift: gross (prices × quantities, as shown, so with tax when prices include
 *   it), discounts, net sales (revenue without tax and tip, as posted to sales_revenue), taxes per
 *   tax, tips;
 * - cash rounding: what sales rounding brought in minus what refunds gave away by rounding (signed);
 * - refunds made in the shift (count, money given back), voids made in the shift (count);
 * - tenders: payments taken in the shift per kind (count, amount applied to orders), the cash among
 *   them, and the cash refunds handed out of this shift's drawer.
 */
import { type ShiftSalesSummary } from '../shifts';
import { type OrdersContext } from './context';
import { shiftRefunds } from './refundsStore';
import { lineRevenueMinor, thawPricing } from './priced';

interface PaidOrderRow {
  pricing: string;
  cash_rounding: string;
}

export function summarizeShift(oc: OrdersContext, shiftId: string): ShiftSalesSummary {
  const { db } = oc.deps;
  const paid = db
    .prepare(
      'SELECT pricing, cash_rounding FROM orders WHERE paid_shift_id = ? AND pricing IS NOT NULL ORDER BY number',
    )
    .all(shiftId) as PaidOrderRow[];
  const taxes = new Map<string, { taxId: string; name: string; ratePercent: string; amountMinor: bigint }>();
  let grossSalesMinor = 0n;
  let discountsMinor = 0n;
  let netSalesMinor = 0n;
  let tipsMinor = 0n;
  let cashRoundingMinor = 0n;
  for (const row of paid) {
    const { result } = thawPricing(row.pricing);
    grossSalesMinor += result.subtotalMinor;
    discountsMinor += result.discountTotalMinor;
    netSalesMinor += result.lines.reduce((sum, line) => sum + lineRevenueMinor(line), 0n);
    tipsMinor += result.tipMinor;
    cashRoundingMinor += BigInt(row.cash_rounding);
    for (const tax of result.taxes) {
      const entry = taxes.get(tax.taxId) ?? {
        taxId: tax.taxId,
        name: tax.name,
        ratePercent: tax.ratePercent,
        amountMinor: 0n,
      };
      entry.amountMinor += tax.amountMinor;
      taxes.set(tax.taxId, entry);
    }
  }

  const refunds = shiftRefunds(db, shiftId);
  let refundedMinor = 0n;
  let cashRefundsMinor = 0n;
  for (const refund of refunds) {
    refundedMinor += refund.amountMinor - refund.failedMinor;
    cashRoundingMinor -= refund.roundingMinor;
    for (const share of refund.tenders) if (share.kind === 'cash') cashRefundsMinor += share.amountMinor;
  }

  const voids = db
    .prepare('SELECT COUNT(*) FROM orders WHERE voided_shift_id = ?')
    .pluck()
    .get(shiftId) as number;

  const tenders = new Map<string, { kind: string; count: number; amountMinor: bigint }>();
  for (const payment of oc.payments.listForShift(shiftId)) {
    if ((payment.settledShiftId ?? payment.shiftId) !== shiftId) continue;
    if (
      payment.status !== 'succeeded' &&
      payment.status !== 'partially_refunded' &&
      payment.status !== 'refunded'
    )
      continue;
    const entry = tenders.get(payment.kind) ?? { kind: payment.kind, count: 0, amountMinor: 0n };
    entry.count += 1;
    entry.amountMinor += payment.amountMinor;
    tenders.set(payment.kind, entry);
  }

  return {
    ordersPaid: paid.length,
    grossSalesMinor,
    discountsMinor,
    netSalesMinor,
    taxes: [...taxes.values()],
    tipsMinor,
    cashRoundingMinor,
    refunds: { count: refunds.length, amountMinor: refundedMinor },
    voids: { count: voids },
    tenders: [...tenders.values()],
    cashSalesMinor: tenders.get('cash')?.amountMinor ?? 0n,
    cashRefundsMinor,
  };
}
