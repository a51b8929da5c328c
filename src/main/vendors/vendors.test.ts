import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiCallError } from '../../shared/api';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { vendorPartBack } from './rules';

let till: SalesTill;
let productId = '';
let variantId = '';
beforeEach(async () => {
  till = await openSalesTill();
  await till.openShift(100_000n);
  const { product } = await till.core.call(
    'catalog.saveProduct',
    {
      name: 'Pottery bowl',
      taxClassId: till.taxClassId,
      variants: [
        { sku: 'BOWL-1', barcodes: [], prices: [{ currency: 'USD', amount: '1999' }], trackStock: false },
      ],
    },
    till.owner.session,
  );
  productId = product.id;
  variantId = product.variants[0]?.id ?? '';
});
afterEach(() => till.close());

const bowlVariant = () => Promise.resolve(variantId);

async function vendor(
  terms: { kind: 'share'; percent: string } | { kind: 'commission'; commission: string },
) {
  const { vendor: saved } = await till.core.call(
    'vendors.save',
    { name: 'Mia Pottery', terms },
    till.owner.session,
  );
  await till.core.call('vendors.assignProduct', { productId, vendorId: saved.id }, till.owner.session);
  return saved.id;
}

const payable = async (vendorId: string) => {
  const { vendors } = await till.core.call('vendors.list', {}, till.manager.session);
  return BigInt(vendors.find((v) => v.id === vendorId)?.payableMinor ?? '-1');
};

describe('revenue splits', () => {
  it('credits the vendor’s share of the net sale with the sale, takes it back on refunds, pays out', async () => {
    const vendorId = await vendor({ kind: 'share', percent: '70' });
    const variant = await bowlVariant();
    const orderId = await till.newOrder();
    await till.add(orderId, variant, 3);
    await till.add(orderId, till.coffee);
    await till.core.call(
      'orders.setDiscount',
      { orderId, discount: { kind: 'percent', percent: '10' } },
      till.cashier.session,
    );
    const { order } = await till.core.call('orders.get', { orderId }, till.cashier.session);
    const bowlLine = order.lines.find((l) => l.variantId === variant);
    expect(await payable(vendorId)).toBe(0n);
    await till.payCash(orderId, BigInt(order.totals.totalMinor));
    // 3 × 19.99 = 59.97, less its share of the 10 % order discount → net 53.97; 70 % = 37.779 → 37.77.
    const net = BigInt(bowlLine?.totalMinor ?? '0') - BigInt(bowlLine?.taxMinor ?? '0');
    expect(net).toBe(5397n);
    expect(await payable(vendorId)).toBe(3777n);

    const lineId = bowlLine?.id ?? '';
    await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'chipped' },
      till.manager.session,
    );
    expect(await payable(vendorId)).toBe(3777n - 1259n);
    await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 2 }], reason: 'chipped' },
      till.manager.session,
    );
    expect(await payable(vendorId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('pays out by cash, bank or crypto, never beyond what is owed; the statement adds up', async () => {
    const vendorId = await vendor({ kind: 'commission', commission: '500' });
    const orderId = await till.newOrder();
    const view = await till.add(orderId, await bowlVariant(), 2);
    await till.payCash(orderId, BigInt(view.totals.totalMinor));
    expect(await payable(vendorId)).toBe(3998n - 1000n);
    const refused = await till.core
      .call('vendors.payout', { vendorId, amount: '2999', method: 'bank' }, till.manager.session)
      .catch((e: unknown) => e);
    expect((refused as ApiCallError).code).toBe('insufficient_funds');
    expect((refused as ApiCallError).details).toMatchObject({
      requiredMinor: '2999',
      availableMinor: '2998',
    });
    await till.core.call(
      'vendors.payout',
      { vendorId, amount: '1000', method: 'cash' },
      till.manager.session,
    );
    await till.core.call(
      'vendors.payout',
      { vendorId, amount: '998', method: 'bank', reference: 'SEPA 42' },
      till.manager.session,
    );
    expect(await payable(vendorId)).toBe(1000n);
    const statement = await till.core.call('vendors.statement', { vendorId }, till.manager.session);
    expect(statement).toMatchObject({
      openingMinor: '0',
      salesMinor: '2998',
      payoutsMinor: '1998',
      closingMinor: '1000',
    });
    expect(statement.entries.map((e) => e.kind)).toEqual(['vendor_share', 'vendor_payout', 'vendor_payout']);
  });

  it('over random sales and refunds the payable is the vendor part of what was sold minus what came back, to the cent', async () => {
    const vendorId = await vendor({ kind: 'share', percent: '66.67' });
    const variant = await bowlVariant();
    const sold: { orderId: string; lineId: string; left: number; partLeft: bigint }[] = [];
    let expected = 0n;
    const partOf = (net: bigint) => (net * 6667n) / 10_000n;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ sell: fc.integer({ min: 1, max: 5 }), off: fc.integer({ min: 0, max: 10 }) }),
            fc.record({ refund: fc.integer({ min: 0, max: 9 }), qty: fc.integer({ min: 1, max: 5 }) }),
          ),
          { maxLength: 8 },
        ),
        async (steps) => {
          for (const step of steps) {
            if ('sell' in step) {
              const orderId = await till.newOrder();
              await till.add(orderId, variant, step.sell);
              await till.add(orderId, till.coffee);
              if (step.off > 0) {
                await till.core.call(
                  'orders.setDiscount',
                  { orderId, discount: { kind: 'percent', percent: String(step.off) } },
                  till.cashier.session,
                );
              }
              const { order } = await till.core.call('orders.get', { orderId }, till.cashier.session);
              const line = order.lines.find((l) => l.variantId === variant);
              await till.payCash(orderId, BigInt(order.totals.totalMinor));
              const part = partOf(BigInt(line?.totalMinor ?? '0') - BigInt(line?.taxMinor ?? '0'));
              expected += part;
              sold.push({ orderId, lineId: line?.id ?? '', left: step.sell, partLeft: part });
            } else {
              const sale = sold[step.refund % Math.max(sold.length, 1)];
              if (!sale || sale.left === 0) continue;
              const qty = Math.min(step.qty, sale.left);
              await till.core.call(
                'orders.refund',
                { orderId: sale.orderId, lines: [{ lineId: sale.lineId, quantity: qty }], reason: 'back' },
                till.manager.session,
              );
              const back = vendorPartBack(sale.partLeft, sale.left, qty);
              expected -= back;
              sale.partLeft -= back;
              sale.left -= qty;
            }
          }
          expect(await payable(vendorId)).toBe(expected);
          // A line refunded in full leaves nothing of its part.
          const open = sold.filter((s) => s.left > 0).length;
          if (open === 0) expect(await payable(vendorId)).toBe(0n);
          expect(till.ledger.checkInvariants().ok).toBe(true);
        },
      ),
      { numRuns: 6 },
    );
  }, 300_000);
});
