/**
 * Crypto payments in the reports, from what the crypto domain leaves on the payment: the tender row
 * by asset and network, and the crypto table in the asset's own units at the locked rate. A tender of
 * kind `crypto` that settles later stands in for the crypto domain (its details as that domain
 * writes them: asset, chainKey, amount in whole units, amountUnits in minor units, rate).
 */
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createDeferredTender } from '../payments';
import { buildReport, createStoreTime } from '.';
import { unitsToWhole } from './saleReader';

let till: SalesTill | null = null;
afterEach(async () => {
  await till?.close();
  till = null;
});

describe('crypto in the reports', () => {
  it.each([
    ['123450000', 8, '1.2345'],
    ['5', 6, '0.000005'],
    ['1000000000000000000', 18, '1'],
    ['7', 0, '7'],
    ['12x', 2, null],
  ] as const)('minor units %s with %i decimals are %s', (units, decimals, whole) => {
    expect(unitsToWhole(units, decimals)).toBe(whole);
  });

  it('shows a crypto payment by asset and network, in its units and at the locked rate', async () => {
    const tender = createDeferredTender('crypto');
    const start = tender.start.bind(tender);
    tender.start = async (request, plan) => ({
      ...(await start(request, plan)),
      details: {
        invoiceId: 'inv_1',
        asset: 'USDC',
        chainKey: 'evm:137',
        amount: unitsToWhole(String(plan.amountMinor * 10_000n), 6),
        amountUnits: String(plan.amountMinor * 10_000n),
        rate: '1',
        currency: 'USD',
      },
    });
    till = await openSalesTill({ tenders: [tender] });
    await till.openShift();
    const orderId = await till.newOrder();
    const view = await till.add(orderId, till.gift, 2);
    const paymentId = ulid();
    await till.core.call('payments.start', { orderId, paymentId, tender: 'crypto' }, till.cashier.session);
    tender.resolve(paymentId, 'succeeded');
    await expect
      .poll(
        async () => (await till!.core.call('orders.get', { orderId }, till!.cashier.session)).order.status,
      )
      .toBe('paid');
    const rc = { db: till.core.db, time: createStoreTime('UTC'), currency: 'USD' };
    const report = buildReport(rc, { from: '2020-01-01', to: '2030-12-31' }, false);
    const total = view.totals.totalMinor;
    const tenderRow = report.tables.find((t) => t.id === 'by_tender')!.rows[0]!;
    expect(tenderRow).toMatchObject({ tender: 'Crypto', detail: 'USDC@evm:137', net: total });
    const crypto = report.tables.find((t) => t.id === 'crypto')!;
    expect(crypto.rows).toEqual([
      expect.objectContaining({
        asset: 'USDC',
        network: 'evm:137',
        payments: 1,
        units: unitsToWhole(String(BigInt(total) * 10_000n), 6),
        atLockedRate: total,
        averageRate: '1',
        worthNow: null,
      }),
    ]);
  });
});
