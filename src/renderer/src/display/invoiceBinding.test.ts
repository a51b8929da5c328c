import { describe, expect, it } from 'vitest';
import { type EventPayload } from '../../../shared/api';
import { displayActionOfInvoice } from './invoiceBinding';

const event = (over: Partial<EventPayload<'invoice.updated'>> = {}): EventPayload<'invoice.updated'> => ({
  invoiceId: 'I',
  orderId: 'O',
  paymentId: 'P',
  status: 'new',
  exception: null,
  phase: 'waiting',
  paidUnits: '0',
  confirmations: 0,
  confirmationsRequired: 2,
  message: 'Waiting for 0.0005 BTC.',
  customer: {
    network: 'Bitcoin',
    chainId: null,
    asset: 'BTC',
    tokenContract: null,
    amount: '0.0005',
    amountUnits: '50000',
    decimals: 8,
    address: 'bc1qexample',
    uri: 'bitcoin:bc1qexample?amount=0.0005',
    qrStyle: 'uri',
    checkHint: 'check',
    expiresAt: '2026-12-07T10:15:00.000Z',
    currency: 'USD',
    fiatAmountMinor: '2500',
  },
  ...over,
});

describe('the customer display of a crypto invoice', () => {
  it('shows the QR of the payment request, the amount in BTC and what to check', () => {
    const action = displayActionOfInvoice(event());
    expect(action).toMatchObject({
      type: 'payment',
      payment: {
        qrText: 'bitcoin:bc1qexample?amount=0.0005',
        amount: { amount: '50000', asset: 'BTC' },
        status: 'waiting',
      },
    });
  });
  it('says seen once a payment is in, expired without a QR, and leaves a paid one to the sale', () => {
    expect(displayActionOfInvoice(event({ phase: 'confirming', status: 'processing' }))).toMatchObject({
      payment: { status: 'seen' },
    });
    expect(displayActionOfInvoice(event({ phase: 'expired', status: 'expired' }))).toMatchObject({
      payment: { status: 'expired', qrText: null },
    });
    expect(displayActionOfInvoice(event({ phase: 'paid', status: 'settled' }))).toBeNull();
  });
  it('shows the address alone when the network is set so, and a token with other decimals in the store currency', () => {
    const token = event({
      customer: {
        ...event().customer,
        asset: 'USDC',
        decimals: 18,
        tokenContract: '0xabc',
        qrStyle: 'address',
        chainId: 56,
        network: 'BNB Smart Chain',
      },
    });
    expect(displayActionOfInvoice(token)).toMatchObject({
      payment: {
        qrText: 'bc1qexample',
        amount: { amount: '2500', asset: 'USD' },
        method: 'USDC on BNB Smart Chain',
      },
    });
  });
});

describe('the invoice stays on the customer display', () => {
  it('while the sale is announced again unchanged, and gives way when it changes or expires', async () => {
    const { initialDisplayState, reduceDisplay } = await import('./displayState');
    const cart = {
      orderNumber: 1001,
      lines: [{ id: '0', name: 'Espresso', quantity: '1', total: { amount: '325', asset: 'USD' } }],
      subtotal: { amount: '325', asset: 'USD' },
      discount: null,
      tax: { amount: '29', asset: 'USD' },
      taxIncluded: false,
      tip: null,
      total: { amount: '354', asset: 'USD' },
      paid: null,
      due: null,
      change: null,
    };
    const sale = { type: 'sale' as const, state: 'cart' as const, cart, locale: null };
    let state = reduceDisplay(initialDisplayState, sale);
    const shown = displayActionOfInvoice(event());
    if (!shown) throw new Error('no action');
    state = reduceDisplay(state, shown);
    expect(state.screen.kind).toBe('payment');
    state = reduceDisplay(state, sale);
    expect(state.screen.kind).toBe('payment');
    state = reduceDisplay(state, { ...sale, cart: { ...cart, lines: [] } });
    expect(state.screen.kind).toBe('welcome');
  });
});
