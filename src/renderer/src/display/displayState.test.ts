import { describe, expect, it } from 'vitest';
import { type DisplayCart, type DisplayPayment, initialDisplayState, reduceDisplay } from './displayState';

const usd = (amount: string) => ({ amount, asset: 'USD' });
const cart: DisplayCart = {
  lines: [{ id: 'l1', name: 'Flat white', quantity: '2', total: usd('900') }],
  subtotal: usd('900'),
  tax: usd('72'),
  discount: null,
  total: usd('972'),
};
const payment: DisplayPayment = {
  method: 'Bitcoin',
  amount: { amount: '1234', asset: 'BTC' },
  qrText: 'bitcoin:BC1QEXAMPLE?amount=0.00001234',
  details: [{ label: 'Network', value: 'Bitcoin' }],
  expiresAt: '2026-03-04T14:15:00.000Z',
  status: 'waiting',
};

describe('reduceDisplay', () => {
  it('starts on the welcome screen', () => {
    expect(initialDisplayState.screen).toEqual({ kind: 'welcome' });
  });

  it('goes welcome → cart → payment → thanks → welcome', () => {
    let state = reduceDisplay(initialDisplayState, { type: 'cart', cart });
    expect(state.screen).toEqual({ kind: 'cart', cart });
    state = reduceDisplay(state, { type: 'payment', payment });
    expect(state.screen).toEqual({ kind: 'payment', cart, payment });
    state = reduceDisplay(state, { type: 'paid' });
    expect(state.screen).toEqual({ kind: 'thanks', total: usd('972') });
    state = reduceDisplay(state, { type: 'reset' });
    expect(state.screen).toEqual({ kind: 'welcome' });
  });

  it('an emptied cart is the welcome screen again', () => {
    const state = reduceDisplay(reduceDisplay(initialDisplayState, { type: 'cart', cart }), {
      type: 'cart',
      cart: { ...cart, lines: [] },
    });
    expect(state.screen).toEqual({ kind: 'welcome' });
  });

  it('a payment without a cart on screen, then paid, thanks without a total', () => {
    const state = reduceDisplay(reduceDisplay(initialDisplayState, { type: 'payment', payment }), {
      type: 'paid',
    });
    expect(state.screen).toEqual({ kind: 'thanks', total: null });
  });

  it.each([
    ['Corner Café', 'Corner Café'],
    ['  Corner Café  ', 'Corner Café'],
    ['   ', null],
    [null, null],
  ])('store name %j is kept as %j', (name, kept) => {
    expect(
      reduceDisplay(initialDisplayState, { type: 'store', storeName: name, locale: null }).storeName,
    ).toBe(kept);
  });

  it('keeps the known locale when an update does not say', () => {
    const german = reduceDisplay(initialDisplayState, { type: 'store', storeName: 'Laden', locale: 'de-DE' });
    expect(reduceDisplay(german, { type: 'store', storeName: 'Laden', locale: null }).locale).toBe('de-DE');
  });

  it('tracks the link to the till without touching the screen', () => {
    const onCart = reduceDisplay(initialDisplayState, { type: 'cart', cart });
    const offline = reduceDisplay(onCart, { type: 'link', link: 'unreachable' });
    expect(offline.link).toBe('unreachable');
    expect(offline.screen).toBe(onCart.screen);
  });
});
