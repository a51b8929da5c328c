import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, openSalesTill, type SalesTill } from './salesTestKit';

let till: SalesTill;
let paidId: string;
let refundedId: string;
const printed: { html: string; layout: string; printerName: string }[] = [];

beforeAll(async () => {
  till = await openSalesTill({
    printer: {
      print(html, options) {
        printed.push({ html, ...options });
        return Promise.resolve();
      },
    },
  });
  await till.core.call(
    'settings.update',
    {
      storeName: 'Corner Coffee',
      addressLines: ['12 Market Street'],
      receiptFooter: 'Thank you!',
      printerName: 'TM-T88',
    },
    till.owner.session,
  );
  await till.openShift();
  paidId = await till.newOrder();
  await till.add(paidId, till.coffee, 2);
  await till.payCash(paidId, 1000n);
  refundedId = await till.newOrder();
  const cart = await till.add(refundedId, till.muffin, 2);
  await till.payCash(refundedId, 500n);
  await till.core.call(
    'orders.refund',
    { orderId: refundedId, lines: [{ lineId: cart.lines[0]?.id ?? '', quantity: 1 }], reason: 'dropped it' },
    till.manager.session,
  );
});
afterAll(() => till.close());

describe('receipts of orders', () => {
  it.each(['thermal80', 'a4'] as const)('renders a paid order as a %s PDF', async (layout) => {
    const out = await till.core.call(
      'receipts.render',
      { orderId: paidId, format: 'pdf', layout },
      till.cashier.session,
    );
    expect(out.contentType).toBe('application/pdf');
    expect(
      Buffer.from(out.base64 ?? '', 'base64')
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('renders a paid order as text and HTML with its lines, taxes, tender and change', async () => {
    const text = await till.core.call(
      'receipts.render',
      { orderId: paidId, format: 'text' },
      till.cashier.session,
    );
    expect(text.contentType).toBe('text/plain; charset=utf-8');
    expect(text.text).toContain('Corner Coffee');
    expect(text.text).toContain('Coffee');
    expect(text.text).toContain('$7.62');
    expect(text.text).toContain('Cash');
    expect(text.text).toContain('$2.38');
    expect(text.text).toContain('1001');
    const html = await till.core.call(
      'receipts.render',
      { orderId: paidId, format: 'html' },
      till.cashier.session,
    );
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.text).toMatch(/<html/i);
    expect(html.text).toContain('Thank you!');
  });

  it('shows a refunded order with its refund', async () => {
    const text = await till.core.call(
      'receipts.render',
      { orderId: refundedId, format: 'text' },
      till.cashier.session,
    );
    expect(text.text).toContain('PARTIALLY REFUNDED');
    expect(text.text).toContain('dropped it');
    const pdf = await till.core.call(
      'receipts.render',
      { orderId: refundedId, format: 'pdf', layout: 'a4' },
      till.cashier.session,
    );
    expect(pdf.base64?.length).toBeGreaterThan(100);
  });

  it('refuses the receipt of an open order', async () => {
    const orderId = await till.newOrder();
    const error = await expectApiError(
      till.core.call('receipts.render', { orderId, format: 'text' }, till.cashier.session),
      'conflict',
    );
    expect(error.message).toMatch(/still open/);
  });

  it("prints through the door's printer with the store's printer name", async () => {
    const out = await till.core.call('receipts.print', { orderId: paidId }, till.cashier.session);
    expect(out).toEqual({ printed: true });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ layout: 'thermal80', printerName: 'TM-T88' });
    expect(printed[0]?.html).toContain('Corner Coffee');
  });
});

describe('receipts.print without a printer', () => {
  it('is unavailable, so the browser prints the HTML with its print dialog', async () => {
    const plain = await openSalesTill();
    try {
      await plain.openShift();
      const orderId = await plain.newOrder();
      await plain.add(orderId, plain.gift);
      await plain.payCash(orderId, 2500n);
      const error = await expectApiError(
        plain.core.call('receipts.print', { orderId }, plain.cashier.session),
        'unavailable',
      );
      expect(error.message).toMatch(/print dialog/);
    } finally {
      plain.close();
    }
  });
});
