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
