import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { checkBarcode } from '../catalog';
import { demoEan13, demoProducts, demoStaff } from './sampleStore';
import { testPinHashParams } from '../staff';

let dir: string;
let core: Core | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-demo-'));
});

afterEach(() => {
  core?.close();
  core = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const start = async (mode: 'demo' | 'normal'): Promise<Core> =>
  createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    config: { mode },
  });

async function loginAs(c: Core, name: string, pin: string): Promise<string> {
  const { staff } = await c.call('staff.list', {});
  const member = staff.find((s) => s.name === name);
  if (!member) throw new Error(`no demo member ${name}`);
  return (await c.call('staff.login', { staffId: member.staffId, pin })).session;
}

function tableCounts(c: Core): Record<string, number> {
  const count = (table: string) =>
    (c.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    staff: count('staff'),
    products: count('catalog_products'),
    taxClasses: count('catalog_tax_classes'),
    categories: count('catalog_categories'),
    settings: count('settings'),
  };
}

describe('demoEan13', () => {
  it.each<[number, string]>([
    [1, '2000000000015'],
    [17, '2000000000176'],
    [123456789, '2001234567893'],
  ])('item %s → %s, a valid EAN-13', (index, expected) => {
    expect(demoEan13(index)).toBe(expected);
    expect(checkBarcode(expected)).toEqual({ ok: true, code: expected, kind: 'ean13' });
  });

  it('refuses an item number it cannot fit', () => {
    expect(() => demoEan13(-1)).toThrow(/0 to 999999999/);
    expect(() => demoEan13(1_000_000_000)).toThrow(/0 to 999999999/);
  });
});

describe('demo seed', () => {
  it('seeds Harbor Street Coffee once, and a restart seeds nothing twice', async () => {
    core = await start('demo');
    const first = tableCounts(core);
    expect(first).toMatchObject({ staff: 3, products: demoProducts.length, taxClasses: 2, categories: 4 });

    const owner = await loginAs(core, 'Olivia Owner', '2580');
    const { settings } = await core.call('settings.get', {}, owner);
    expect(settings).toMatchObject({
      storeName: 'Harbor Street Coffee',
      currency: 'USD',
      locale: 'en-US',
      taxMode: 'exclusive',
      timeZone: 'America/New_York',
    });
    const me = await core.call('staff.me', {}, await loginAs(core, 'Marco Manager', '1470'));
    expect(me.staff.role).toBe('manager');
    const cashier = await loginAs(core, 'Casey Cashier', '3690');
    expect((await core.call('staff.me', {}, cashier)).staff.role).toBe('cashier');
    expect(demoStaff.map((m) => m.pin)).toEqual(['2580', '1470', '3690']);

    const { taxClasses } = await core.call('catalog.taxClasses', {}, cashier);
    expect(taxClasses.map((t) => [t.name, t.rates])).toEqual([
      ['Standard', [{ taxId: 'nyc_sales_tax', name: 'NYC sales tax', ratePercent: '8.875' }]],
      ['Zero-rated', [{ taxId: 'zero_rated', name: 'Zero-rated', ratePercent: '0' }]],
    ]);
    const { products, total } = await core.call('catalog.products', { limit: 100 }, cashier);
    expect(total).toBe(demoProducts.length);
    const latte = products.find((p) => p.name === 'Latte')!;
    expect(latte.variants.map((v) => [v.name, v.prices])).toEqual([
      ['Small', [{ currency: 'USD', amount: '450' }]],
      ['Large', [{ currency: 'USD', amount: '525' }]],
    ]);
    const barcodes = products.flatMap((p) => p.variants.flatMap((v) => v.barcodes));
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const code of barcodes) expect(checkBarcode(code)).toMatchObject({ ok: true, kind: 'ean13' });
    const mug = products.find((p) => p.name === 'Mug')!.variants[0]!;
    expect(mug).toMatchObject({
      trackStock: true,
      onHand: 36,
      prices: [{ currency: 'USD', amount: '1400' }],
    });
    const espresso = await core.call('catalog.lookupBarcode', { code: demoEan13(1) }, cashier);
    expect(espresso.product.name).toBe('Espresso');

    await core.close();
    core = await start('demo');
    expect(tableCounts(core)).toEqual(first);
  });

  it('does not seed a till that is not in demo mode, nor a till that already has staff', async () => {
    core = await start('normal');
    expect(tableCounts(core)).toMatchObject({ staff: 0, products: 0 });
    await core.call('staff.setupOwner', { name: 'Real Owner', pin: '482715' });
    await core.close();
    core = await start('demo');
    expect(tableCounts(core)).toMatchObject({ staff: 1, products: 0, taxClasses: 0 });
  });

  it('rings a demo sale end to end: open a shift, pay cash, close with a balanced Z report', async () => {
    core = await start('demo');
    const cashier = await loginAs(core, 'Casey Cashier', '3690');
    const { shift } = await core.call('shifts.open', { float: { amount: '10000' } }, cashier);
    const denominations = await core.call('shifts.denominations', {}, cashier);
    expect(denominations.currency).toBe('USD');
    const { order } = await core.call('orders.create', {}, cashier);
    // Espresso $3.25 + 8.875% NYC sales tax ($0.29) = $3.54.
    await core.call('orders.addLine', { orderId: order.id, barcode: demoEan13(1) }, cashier);
    const paid = await core.call('payments.cash', { orderId: order.id, tendered: '500' }, cashier);
    expect(paid.order.totals.totalMinor).toBe('354');
    expect(paid.changeMinor).toBe('146');
    await core.call('shifts.startClose', {}, cashier);
    const closed = await core.call(
      'shifts.close',
      {
        counts: [
          { denominationMinor: '10000', count: 1 },
          { denominationMinor: '100', count: 3 },
          { denominationMinor: '25', count: 2 },
          { denominationMinor: '1', count: 4 },
        ],
      },
      cashier,
    );
    expect(closed.zReport).toMatchObject({ shiftId: shift.id, storeName: 'Harbor Street Coffee' });
    expect(closed.zReport.cash).toMatchObject({
      cashSalesMinor: '354',
      expectedMinor: '10354',
      differenceMinor: '0',
    });
    expect(closed.zReport.sales?.taxes).toEqual([
      { taxId: 'nyc_sales_tax', name: 'NYC sales tax', ratePercent: '8.875', amountMinor: '29' },
    ]);
  });
});
