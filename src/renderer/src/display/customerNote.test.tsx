import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type EventPayload } from '../../../shared/api';
import { displayCartOf } from './bindings';
import { CartView, ThanksView } from './views';

const update: EventPayload<'display.updated'> = {
  state: 'cart',
  orderNumber: 1001,
  currency: 'USD',
  locale: 'en-US',
  taxIncluded: false,
  lines: [{ name: 'Espresso', quantity: 1, totalMinor: '325' }],
  subtotalMinor: '325',
  discountMinor: '0',
  taxMinor: '29',
  tipMinor: '0',
  totalMinor: '354',
  paidMinor: '200',
  amountDueMinor: '154',
  customerNote: 'Coin balance: 325 coins.',
};

describe('the customer’s note on the display (their coin balance)', () => {
  it('shows the core’s sentence under the totals, and leaves it out when there is none', () => {
    const cart = displayCartOf(update);
    expect(cart.customerNote).toBe('Coin balance: 325 coins.');
    expect(renderToStaticMarkup(<CartView cart={cart} />)).toContain('Coin balance: 325 coins.');
    const { customerNote: _dropped, ...without } = update;
    expect(displayCartOf(without)).not.toHaveProperty('customerNote');
  });

  it('thanks the customer with their balance', () => {
    const markup = renderToStaticMarkup(
      <ThanksView total={null} change={null} note="Coin balance: 0 coins." />,
    );
    expect(markup).toContain('Coin balance: 0 coins.');
  });
});
