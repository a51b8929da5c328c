import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type DisplayCart, type DisplayPayment } from './displayState';
import { CartView, PaymentView, ThanksView, WelcomeView } from './views';

const usd = (amount: string) => ({ amount, asset: 'USD' });

describe('customer display views', () => {
  it('welcomes, naming the store when it is known', () => {
    expect(renderToStaticMarkup(<WelcomeView storeName={null} />)).toContain('>Welcome</h1>');
    expect(renderToStaticMarkup(<WelcomeView storeName="Corner Café" />)).toContain(
      'Thanks for shopping at Corner Café.',
    );
  });

  it('shows the cart’s lines and its total', () => {
    const cart: DisplayCart = {
      lines: [
        { id: 'l1', name: 'Flat white', quantity: '2', total: usd('900') },
        { id: 'l2', name: 'Croissant', quantity: '1', total: usd('375') },
      ],
      subtotal: usd('1275'),
      tax: usd('102'),
      discount: null,
      total: usd('1377'),
    };
    const markup = renderToStaticMarkup(<CartView cart={cart} />);
    expect(markup).toContain('Flat white');
    expect(markup).toContain('$9.00');
    expect(markup).toContain('Subtotal');
    expect(markup).not.toContain('Discount');
    expect(markup).toMatch(/data-testid="display-total"[^>]*>\$13\.77</);
  });

  it('shows what to pay, in the tender’s asset, with the network beside the QR', () => {
    const payment: DisplayPayment = {
      method: 'Bitcoin',
      amount: { amount: '1234', asset: 'BTC' },
      qrText: 'bitcoin:BC1QEXAMPLE?amount=0.00001234',
      details: [{ label: 'Network', value: 'Bitcoin mainnet' }],
      expiresAt: null,
      status: 'waiting',
    };
    const markup = renderToStaticMarkup(<PaymentView payment={payment} />);
    expect(markup).toContain('Pay with Bitcoin');
    expect(markup).toContain('0.00001234 BTC');
    expect(markup).toContain('Bitcoin mainnet');
    expect(markup).toContain('Waiting for your payment');
    const expired = renderToStaticMarkup(<PaymentView payment={{ ...payment, status: 'expired' }} />);
    expect(expired).toContain('expired');
  });

  it('thanks the customer with the amount paid', () => {
    expect(renderToStaticMarkup(<ThanksView total={usd('1377')} />)).toContain('$13.77');
  });
});
