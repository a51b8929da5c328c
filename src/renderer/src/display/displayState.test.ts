import { describe, expect, it } from 'vitest';
import {
  type DisplayAction,
  type DisplayCart,
  type DisplayPayment,
  type DisplayScreen,
  type DisplayState,
  initialDisplayState,
  reduceDisplay,
  resetAfterMs,
  thanksDurationMs,
  voidedDurationMs,
} from './displayState';

const usd = (amount: string) => ({ amount, asset: 'USD' });
const cart: DisplayCart = {
  orderNumber: 1001,
  lines: [{ id: '0', name: 'Flat white', quantity: '2', total: usd('900') }],
  subtotal: usd('900'),
  discount: null,
  tax: usd('80'),
  taxIncluded: false,
  tip: null,
  total: usd('980'),
  paid: null,
  due: null,
  change: null,
};
const emptied: DisplayCart = { ...cart, lines: [], subtotal: usd('0'), tax: usd('0'), total: usd('0') };
const partlyPaid: DisplayCart = { ...cart, paid: usd('500'), due: usd('480'), change: usd('0') };
const paidWithChange: DisplayCart = { ...cart, paid: usd('980'), due: null, change: usd('1020') };
const payment: DisplayPayment = {
  method: 'Bitcoin',
  amount: { amount: '1234', asset: 'BTC' },
  qrText: 'bitcoin:BC1QEXAMPLE?amount=0.00001234',
  details: [{ label: 'Network', value: 'Bitcoin' }],
  expiresAt: '2026-03-04T14:15:00.000Z',
  status: 'waiting',
};

const sale = (
  state: Extract<DisplayAction, { type: 'sale' }>['state'],
  saleCart: DisplayCart = cart,
  locale: string | null = 'en-US',
): DisplayAction => ({ type: 'sale', state, cart: saleCart, locale });

const on = (screen: DisplayScreen): DisplayState => ({ ...initialDisplayState, screen });
const welcome: DisplayScreen = { kind: 'welcome' };
const cartScreen: DisplayScreen = { kind: 'cart', cart };
const thanks: DisplayScreen = { kind: 'thanks', total: usd('980'), change: usd('1020') };
const voided: DisplayScreen = { kind: 'voided' };

describe('reduceDisplay', () => {
  it('starts on the welcome screen', () => {
    expect(initialDisplayState.screen).toEqual({ kind: 'welcome' });
  });

  it.each<[string, DisplayState, DisplayAction, DisplayScreen]>([
    ['a first line shows the sale', on(welcome), sale('cart'), cartScreen],
    [
      'a changed sale replaces the one on screen',
      on(cartScreen),
      sale('cart', partlyPaid),
      { kind: 'cart', cart: partlyPaid },
    ],
    ['idle (every line removed) is the welcome', on(cartScreen), sale('idle', emptied), welcome],
    ['idle stays on welcome', on(welcome), sale('idle', emptied), welcome],
    ['idle leaves the thank-you its time', on(thanks), sale('idle', emptied), thanks],
    ['idle leaves a voided notice its time', on(voided), sale('idle', emptied), voided],
    ['paid thanks with the total and the change', on(cartScreen), sale('paid', paidWithChange), thanks],
    [
      'paid without change (exact cash) has no change',
      on(cartScreen),
      sale('paid', { ...paidWithChange, change: null }),
      { kind: 'thanks', total: usd('980'), change: null },
    ],
    ['paid with nothing on screen still thanks', on(welcome), sale('paid', paidWithChange), thanks],
    ['voided shows the notice', on(cartScreen), sale('voided'), voided],
    ['a new sale cuts the thank-you short', on(thanks), sale('cart'), cartScreen],
    ['a new sale replaces a voided notice', on(voided), sale('cart'), cartScreen],
    [
      'a sale during a QR payment shows the sale',
      on({ kind: 'payment', cart, payment }),
      sale('cart', partlyPaid),
      { kind: 'cart', cart: partlyPaid },
    ],
  ])('%s', (_name, state, action, screen) => {
    expect(reduceDisplay(state, action).screen).toEqual(screen);
  });

  it.each<[string, string | null, string | null, string | null]>([
    ['takes the sale’s locale', null, 'fr-FR', 'fr-FR'],
    ['a new locale replaces the known one', 'en-US', 'de-DE', 'de-DE'],
    ['keeps the known locale when the sale does not say', 'de-DE', null, 'de-DE'],
  ])('%s', (_name, before, given, after) => {
    const state = { ...initialDisplayState, locale: before };
    expect(reduceDisplay(state, sale('cart', cart, given)).locale).toBe(after);
  });

  it('goes welcome → cart → payment → thanks → welcome with the older actions', () => {
    let state = reduceDisplay(initialDisplayState, { type: 'cart', cart });
    expect(state.screen).toEqual({ kind: 'cart', cart });
    state = reduceDisplay(state, { type: 'payment', payment });
    expect(state.screen).toEqual({ kind: 'payment', cart, payment });
    state = reduceDisplay(state, { type: 'paid' });
    expect(state.screen).toEqual({ kind: 'thanks', total: usd('980'), change: null });
    state = reduceDisplay(state, { type: 'reset' });
    expect(state.screen).toEqual({ kind: 'welcome' });
  });

  it('an emptied cart is the welcome screen again', () => {
    const state = reduceDisplay(on(cartScreen), { type: 'cart', cart: { ...cart, lines: [] } });
    expect(state.screen).toEqual({ kind: 'welcome' });
  });

  it('a payment without a cart on screen, then paid, thanks without a total', () => {
    const state = reduceDisplay(reduceDisplay(initialDisplayState, { type: 'payment', payment }), {
      type: 'paid',
    });
    expect(state.screen).toEqual({ kind: 'thanks', total: null, change: null });
  });

  it.each<[DisplayScreen, number | null]>([
    [welcome, null],
    [cartScreen, null],
    [{ kind: 'payment', cart, payment }, null],
    [thanks, thanksDurationMs],
    [voided, voidedDurationMs],
  ])('the %o screen goes back to welcome after %s ms', (screen, afterMs) => {
    expect(resetAfterMs(screen)).toBe(afterMs);
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
