import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type DisplayCart, type DisplayPayment } from './displayState';
import { CartView, PaymentView, ThanksView, VoidedView, WelcomeView } from './views';

const usd = (amount: string) => ({ amount, asset: 'USD' });

describe('customer display views', () => {
  it('welcomes, naming the store when it is known', () => {
    expect(renderToStaticMarkup(<WelcomeView storeName={null} />)).toContain('>Welcome</h1>');
    expect(renderToStaticMarkup(<WelcomeView storeName="Corner Café" />)).toContain(
      'Thanks for shopping at Corner Café.',
    );
  });

  const cart: DisplayCart = {
    orderNumber: 1001,
    lines: [
      { id: '0', name: 'Flat white', quantity: '2', total: usd('900') },
      { id: '1', name: 'Croissant', quantity: '1', total: usd('375') },
    ],
    subtotal: usd('1275'),
    discount: null,
    tax: usd('102'),
    taxIncluded: false,
    tip: null,
    total: usd('1377'),
    paid: null,
    due: null,
    change: null,
  };

  it('shows the cart’s lines, its order number and its total', () => {
    const markup = renderToStaticMarkup(<CartView cart={cart} />);
    expect(markup).toContain('Flat white');
    expect(markup).toContain('$9.00');
    expect(markup).toContain('Order 1001 · 2 items');
    expect(markup).toContain('Subtotal');
    expect(markup).not.toContain('Discount');
    expect(markup).not.toContain('Tip');
    expect(markup).not.toContain('Left to pay');
    expect(markup).toMatch(/data-testid="display-total"[^>]*>\$13\.77</);
  });

  it.each<[string, Partial<DisplayCart>, RegExp[]]>([
    [
      'a discount, taken off',
      { discount: usd('128') },
      [/Discount/, /data-testid="display-discount"[^>]*>-\$1\.28</],
    ],
    ['a tip', { tip: usd('150') }, [/Tip/, /data-testid="display-tip"[^>]*>\$1\.50</]],
    ['tax included in the prices', { taxIncluded: true }, [/Tax \(included\)/]],
    [
      'a split tender: paid and left to pay',
      { paid: usd('500'), due: usd('877') },
      [/data-testid="display-paid"[^>]*>-\$5\.00</, /Left to pay/, /data-testid="display-due"[^>]*>\$8\.77</],
    ],
    [
      'the change of a cash payment',
      { change: usd('25') },
      [/Your change/, /data-testid="display-change"[^>]*>\$0\.25</],
    ],
  ])('shows %s', (_name, given, patterns) => {
    const markup = renderToStaticMarkup(<CartView cart={{ ...cart, ...given }} />);
    for (const pattern of patterns) expect(markup).toMatch(pattern);
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

  it.each<[string, ReturnType<typeof usd> | null, RegExp[]]>([
    [
      'with the change',
      usd('1101'),
      [/Paid — change <span[^>]*data-testid="display-change"[^>]*>\$11\.01</, /\$13\.99/],
    ],
    ['paid exactly: no change', null, [/Paid in full/, /\$13\.99/]],
  ])('thanks the customer %s', (_name, change, patterns) => {
    const markup = renderToStaticMarkup(<ThanksView total={usd('1399')} change={change} />);
    expect(markup).toContain('Thank you!');
    for (const pattern of patterns) expect(markup).toMatch(pattern);
  });

  it('says a voided sale was cancelled', () => {
    expect(renderToStaticMarkup(<VoidedView />)).toContain('Sale cancelled');
  });
});
