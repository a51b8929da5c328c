/** orders.refundQuote: what the refund dialog shows before confirming is what orders.refund gives back. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSalesTill, type SalesTill } from './salesTestKit';

let till: SalesTill;

beforeAll(async () => {
  till = await openSalesTill();
  await till.openShift();
});

afterAll(async () => {
  await till.close();
});

it('quotes exactly what the refund then gives back, and writes nothing', async () => {
  const orderId = await till.newOrder();
  await till.add(orderId, till.coffee, 2);
  const sale = await till.add(orderId, till.muffin, 1);
  await till.payCash(orderId, 100_00n);
  const coffeeLine = sale.lines.find((line) => line.quantity === 2)?.id ?? '';
  const lines = [{ lineId: coffeeLine, quantity: 1 }];
  const quote = await till.core.call('orders.refundQuote', { orderId, lines }, till.cashier.session);
  const unchanged = (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
  expect(unchanged.refunds).toHaveLength(0);
  const approval = await till.approve('refund', orderId);
  const { refund } = await till.core.call(
    'orders.refund',
    { orderId, lines, reason: 'Returned item', approval },
    till.cashier.session,
  );
  expect(quote.amountMinor).toBe(refund.amountMinor);
  expect(quote.currency).toBe('USD');
});
