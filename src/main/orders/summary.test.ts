import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSalesTill, type SalesTill } from './salesTestKit';

let till: SalesTill;

beforeEach(async () => {
  till = await openSalesTill();
});
afterEach(() => till.close());

describe('summarizeShift in the Z report', () => {
  it('freezes the sales, taxes, tips, refunds, voids and tenders of the shift', async () => {
    await till.core.call(
      'settings.update',
      { tipsEnabled: true, cashRoundingIncrementMinor: '5' },
      till.owner.session,
    );
    await till.openShift(10000n);
    // Sale 1: 2 coffees with 10 % off the order and a 1.00 tip, paid in two cash payments.
    const first = await till.newOrder();
    await till.add(first, till.coffee, 2);
    await till.core.call(
      'orders.setDiscount',
      { orderId: first, discount: { kind: 'percent', percent: '10' } },
      till.cashier.session,
    );
    await till.core.call(
      'orders.setTip',
      { orderId: first, tip: { kind: 'amount', amount: '100' } },
      till.cashier.session,
    );
    await till.payCash(first, 500n, 500n);
    const paid = await till.payCash(first, 500n);
    // 7.00 − 0.70 = 6.30 + tax 0.56 + tip 1.00 = 7.86 → cash 2.86 due after 5.00, rounded to 2.85.
    expect(paid.order.totals).toMatchObject({ totalMinor: '786', cashRoundingMinor: '-1' });
    // Sale 2: 2 muffins, one refunded.
    const second = await till.newOrder();
    const cart = await till.add(second, till.muffin, 2);
    await till.payCash(second, 500n);
    await till.core.call(
      'orders.refund',
      { orderId: second, lines: [{ lineId: cart.lines[0]?.id ?? '', quantity: 1 }], reason: 'stale' },
      till.manager.session,
    );
    // A void.
    const third = await till.newOrder();
    await till.add(third, till.gift);
    await till.core.call('orders.void', { orderId: third, reason: 'no' }, till.manager.session);

    const { zReport } = await till.closeShift();
    expect(zReport.sales).toEqual({
      ordersPaid: 2,
      grossSalesMinor: '1150',
      discountsMinor: '70',
      netSalesMinor: '1080',
      taxes: [{ taxId: 'sales_tax', name: 'Sales tax', ratePercent: '8.875', amountMinor: '96' }],
      tipsMinor: '100',
      // −1 on sale 1; none on sale 2 (4.90) nor on its refund (2.45): both are already 5-cent steps.
      cashRoundingMinor: '-1',
      refunds: { count: 1, amountMinor: '245' },
      voids: { count: 1 },
      tenders: [{ kind: 'cash', count: 3, amountMinor: '1275' }],
      cashSalesMinor: '1275',
      cashRefundsMinor: '245',
    });
    expect(zReport.cash).toMatchObject({ expectedMinor: String(10000 + 1275 - 245), differenceMinor: '0' });
  });
});
