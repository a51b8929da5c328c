import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectApiError, movementSums, openCatalogTill, type CatalogTill } from './catalogTestKit';
import { adjustStock } from './stock';

let till: CatalogTill;
beforeEach(async () => {
  till = await openCatalogTill();
});
afterEach(() => till.close());

function onHandOf(variantId: string): number {
  return till.core.db
    .prepare('SELECT on_hand FROM catalog_variants WHERE id = ?')
    .pluck()
    .get(variantId) as number;
}

describe('stock movements', () => {
  it('adjusts, receives and counts through the handler, newest movement first', async () => {
    const product = await till.saveProduct({ name: 'Mug', variants: [{ sku: 'MUG', trackStock: true }] });
    const variantId = product.variants[0]?.id ?? '';
    const call = (input: Parameters<typeof till.core.call<'catalog.adjustStock'>>[1]) =>
      till.core.call('catalog.adjustStock', input, till.session);
    expect((await call({ variantId, reason: 'receive', delta: 12, note: 'delivery 42' })).onHand).toBe(12);
    expect((await call({ variantId, reason: 'adjustment', delta: -2, note: 'broken' })).onHand).toBe(10);
    const counted = await call({ variantId, reason: 'count', countedQuantity: 7 });
    expect(counted.movement).toMatchObject({
      delta: -3,
      reason: 'count',
      onHandAfter: 7,
      staffId: till.ownerId,
    });
    const same = await call({ variantId, reason: 'count', countedQuantity: 7 });
    expect(same.movement.delta).toBe(0);

    const { movements } = await till.core.call('catalog.stockMovements', { variantId }, till.session);
    expect(movements.map((m) => [m.reason, m.delta, m.onHandAfter, m.note])).toEqual([
      ['count', 0, 7, ''],
      ['count', -3, 7, ''],
      ['adjustment', -2, 10, 'broken'],
      ['receive', 12, 12, 'delivery 42'],
    ]);
    const page = await till.core.call(
      'catalog.stockMovements',
      { variantId, limit: 2, before: movements[1]?.id },
      till.session,
    );
    expect(page.movements.map((m) => m.reason)).toEqual(['adjustment', 'receive']);
    expect(till.announced.at(-1)).toEqual([product.id]);
  });

  it.each([
    [{ reason: 'receive', delta: -1 }, /Received stock must be a positive quantity/],
    [{ reason: 'receive', delta: 0 }, /Received stock must be a positive quantity/],
    [{ reason: 'adjustment', delta: 0 }, /cannot be zero/],
    [{ reason: 'adjustment', delta: 1.5 }, /int/],
    [{ reason: 'count', countedQuantity: -1 }, /cannot be negative/],
    [{ reason: 'count', delta: 4 }, /countedQuantity/],
    [{ reason: 'sale', delta: -1 }, /reason/],
  ])('refuses %j', async (input, message) => {
    const product = await till.saveProduct({ name: 'Mug', variants: [{ sku: 'MUG', trackStock: true }] });
    const variantId = product.variants[0]?.id ?? '';
    const error = await expectApiError(
      till.core.call('catalog.adjustStock', { variantId, ...input } as never, till.session),
      'bad_input',
    );
    expect(error.message).toMatch(message);
    expect(onHandOf(variantId)).toBe(0);
  });

  it('lets a sale take stock below zero, and reports it as low', async () => {
    const product = await till.saveProduct({
      name: 'Mug',
      variants: [
        { name: 'Red', sku: 'MUG-R', trackStock: true },
        { name: 'Blue', sku: 'MUG-B', trackStock: true },
        { name: 'Gift', sku: 'MUG-G', trackStock: false },
      ],
    });
    const [red, blue, gift] = product.variants.map((v) => v.id);
    till.service.recordStockMovement({ variantId: blue ?? '', delta: 3, reason: 'receive', staffId: null });
    const sale = till.service.recordStockMovement({
      variantId: red ?? '',
      delta: -2,
      reason: 'sale',
      ref: 'order:01JD0000000000000000000000',
      staffId: till.ownerId,
    });
    expect(sale).toMatchObject({ onHandAfter: -2, ref: 'order:01JD0000000000000000000000' });
    till.service.recordStockMovement({ variantId: gift ?? '', delta: -5, reason: 'sale', staffId: null });
    const low = await till.core.call('catalog.lowStock', {}, till.session);
    expect(low.variants.map((v) => [v.sku, v.onHand])).toEqual([['MUG-R', -2]]);
    const belowFive = await till.core.call('catalog.lowStock', { threshold: 5 }, till.session);
    expect(belowFive.variants.map((v) => [v.sku, v.onHand])).toEqual([
      ['MUG-R', -2],
      ['MUG-B', 3],
    ]);
  });

  it('commits and rolls back with the caller’s transaction', async () => {
    const product = await till.saveProduct({ name: 'Mug', variants: [{ sku: 'MUG', trackStock: true }] });
    const variantId = product.variants[0]?.id ?? '';
    const sell = till.core.db.transaction((fail: boolean) => {
      till.service.recordStockMovement({
        variantId,
        delta: -1,
        reason: 'sale',
        ref: 'order:x',
        staffId: null,
      });
      if (fail) throw new Error('payment failed');
    });
    sell(false);
    expect(() => sell(true)).toThrow('payment failed');
    expect(onHandOf(variantId)).toBe(-1);
    expect(movementSums(till.core).get(variantId)).toBe(-1);
    expect(() => till.core.db.prepare('DELETE FROM catalog_stock_movements').run()).toThrow(/append-only/);
  });

  it('keeps on-hand equal to the sum of movements under any sequence of changes', async () => {
    const product = await till.saveProduct({
      name: 'Mug',
      variants: [
        { name: 'A', sku: 'A', trackStock: true },
        { name: 'B', sku: 'B', trackStock: true },
        { name: 'C', sku: 'C', trackStock: false },
      ],
    });
    const variantIds = product.variants.map((v) => v.id);
    const operation = fc.record({
      variant: fc.nat({ max: variantIds.length - 1 }),
      kind: fc.constantFrom('sale', 'refund', 'adjustment', 'receive', 'count', 'failedSale'),
      quantity: fc.integer({ min: -50, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        for (const op of operations) {
          const variantId = variantIds[op.variant] ?? '';
          const magnitude = Math.abs(op.quantity) || 1;
          try {
            switch (op.kind) {
              case 'sale':
              case 'refund':
                till.service.recordStockMovement({
                  variantId,
                  delta: op.kind === 'sale' ? -magnitude : magnitude,
                  reason: op.kind,
                  staffId: null,
                });
                break;
              case 'failedSale':
                till.core.db.transaction(() => {
                  till.service.recordStockMovement({
                    variantId,
                    delta: -magnitude,
                    reason: 'sale',
                    staffId: null,
                  });
                  throw new Error('rolled back');
                })();
                break;
              case 'adjustment':
                adjustStock(
                  till.ctx,
                  { variantId, reason: 'adjustment', delta: op.quantity, note: '' },
                  null,
                );
                break;
              case 'receive':
                adjustStock(till.ctx, { variantId, reason: 'receive', delta: op.quantity, note: '' }, null);
                break;
              case 'count':
                adjustStock(
                  till.ctx,
                  { variantId, reason: 'count', countedQuantity: magnitude, note: '' },
                  null,
                );
                expect(onHandOf(variantId)).toBe(magnitude);
                break;
            }
          } catch (error) {
            // Refused changes (zero adjustments, non-positive receipts, the rolled-back sale) write nothing.
            expect((error as Error).message).toMatch(/cannot be zero|must be a positive|rolled back/);
          }
        }
        const sums = movementSums(till.core);
        for (const variantId of variantIds) {
          expect(onHandOf(variantId)).toBe(sums.get(variantId) ?? 0);
          const last = till.core.db
            .prepare(
              'SELECT on_hand_after FROM catalog_stock_movements WHERE variant_id = ? ORDER BY id DESC LIMIT 1',
            )
            .pluck()
            .get(variantId) as number | undefined;
          expect(last ?? 0).toBe(onHandOf(variantId));
        }
      }),
      { numRuns: 60 },
    );
  });
});
