/**
 * A complete, consistent receipt of a small coffee shop: the "print a test receipt" page of the printer
 * settings, the demo, and the tests in this folder all start from it.
 */
import { type ReceiptModel } from './model';

export function sampleReceiptModel(): ReceiptModel {
  return {
    store: {
      name: 'Corner Coffee Co.',
      addressLines: ['12 Market Street', 'Springfield, IL 62701'],
      phone: '(217) 555-0142',
      taxId: 'US-12-3456789',
      footerMessage: 'Thank you for visiting! Returns within 30 days with this receipt.',
      timeZone: 'America/Chicago',
    },
    status: 'paid',
    orderNumber: 'A-0042',
    orderId: '01JD5Z8X3K4M7N9P2Q6R8S0T1V',
    createdAt: new Date('2026-11-21T20:05:00.000Z'),
    cashierName: 'Dana',
    tillName: 'Till 2',
    shiftLabel: 'Shift 7',
    currency: 'USD',
    locale: 'en-US',
    lines: [
      {
        name: 'Flat white',
        variant: 'Oat milk, large',
        sku: 'FW-12-OAT',
        quantity: 2,
        unitPriceMinor: 475n,
        discountMinor: 0n,
        totalMinor: 950n,
      },
      { name: 'Blueberry muffin', quantity: 1, unitPriceMinor: 325n, discountMinor: 50n, totalMinor: 275n },
      {
        name: 'Ethiopia Yirgacheffe whole-bean coffee, single origin, 340 g bag',
        sku: 'BEAN-ETH-340',
        quantity: 1,
        unitPriceMinor: 1899n,
        discountMinor: 0n,
        totalMinor: 1899n,
      },
    ],
    subtotalMinor: 3124n,
    orderDiscountMinor: 200n,
    // 8.25 % of the discounted subtotal 29.24 = 2.4123, rounded half-up to the cent by the pricing rules.
    taxes: [{ name: 'Sales tax', ratePercent: '8.25', amountMinor: 241n, inclusive: false }],
    tipMinor: 300n,
    totalMinor: 3465n,
    cashRoundingMinor: 0n,
    tenders: [
      { kind: 'card', label: 'Visa •••• 4242', amountMinor: 2000n },
      { kind: 'cash', label: 'Cash', amountMinor: 1465n, tenderedMinor: 2000n, changeMinor: 535n },
    ],
    refunds: [],
  };
}
