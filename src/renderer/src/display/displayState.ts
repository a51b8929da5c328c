/**
 * What the customer display shows, as a pure reducer: a welcome screen when the till is idle, the
 * sale while it is rung up (lines, totals, what is paid and still due), the payment (amount, QR,
 * countdown) while the customer pays, "Paid — change $X" once paid, a short notice when a sale is
 * voided, then the welcome again. Amounts are as the core sends them ({ amount, asset }); the
 * display only shows them.
 */
import { type MoneyValue } from '../ui/formatAmount';

export interface DisplayLine {
  id: string;
  name: string;
  /** As the till shows it ("2", "0.5 kg"). */
  quantity: string;
  total: MoneyValue;
}

export interface DisplayCart {
  /** The order's number, shown small above the lines; null when not known. */
  orderNumber: number | null;
  lines: DisplayLine[];
  /** The sum of the lines; null to leave the row out. */
  subtotal: MoneyValue | null;
  /** The order discount, as a positive amount (shown with a minus); null when there is none. */
  discount: MoneyValue | null;
  tax: MoneyValue | null;
  /** True when the prices include the tax: it is shown as included, not added. */
  taxIncluded: boolean;
  tip: MoneyValue | null;
  total: MoneyValue;
  /** What payments took so far (a split tender); null before the first. */
  paid: MoneyValue | null;
  /** What is still to pay once something is paid. */
  due: MoneyValue | null;
  /** The change the last cash payment gave; null when there is none to show. */
  change: MoneyValue | null;
  /** A sentence for the sale's customer from the core (their store coin balance); absent when none. */
  customerNote?: string | null;
}

export interface DisplayPayment {
  /** What the customer pays with, for people: "Bitcoin", "USDC on Polygon", "Card". */
  method: string;
  /** In the tender's own asset (e.g. BTC for a Bitcoin invoice). */
  amount: MoneyValue;
  /** The QR's content (a BIP-21 or EIP-681 URI); null when there is nothing to scan (card). */
  qrText: string | null;
  /** Shown beside the QR so a wallet's choice can be checked: network, token, address. */
  details: { label: string; value: string }[];
  expiresAt: string | null;
  status: 'waiting' | 'seen' | 'expired';
}

export type DisplayScreen =
  | { kind: 'welcome' }
  | { kind: 'cart'; cart: DisplayCart }
  | { kind: 'payment'; cart: DisplayCart | null; payment: DisplayPayment }
  | { kind: 'thanks'; total: MoneyValue | null; change: MoneyValue | null; note?: string | null }
  | { kind: 'voided' };

/** The states of a sale as the core's display.updated event names them. */
export type DisplaySaleState = 'idle' | 'cart' | 'paid' | 'voided';

/** How the display reaches the till: it says so instead of showing stale data when it cannot. */
export type DisplayLink = 'connecting' | 'connected' | 'pairing' | 'unreachable';

export interface DisplayState {
  screen: DisplayScreen;
  storeName: string | null;
  /** The store's locale for amounts and the clock; null until known. */
  locale: string | null;
  /** The store's time zone for the clock; null until known (the device's zone meanwhile). */
  timeZone: string | null;
  link: DisplayLink;
}

export type DisplayAction =
  /** The sale on this till as the core sees it now, in the store's locale. */
  | {
      type: 'sale';
      state: DisplaySaleState;
      cart: DisplayCart;
      locale: string | null;
      timeZone?: string | null;
    }
  | { type: 'cart'; cart: DisplayCart }
  | { type: 'payment'; payment: DisplayPayment }
  | { type: 'paid' }
  | { type: 'reset' }
  | { type: 'store'; storeName: string | null; locale: string | null; timeZone?: string | null }
  | { type: 'link'; link: DisplayLink };

export const initialDisplayState: DisplayState = {
  screen: { kind: 'welcome' },
  storeName: null,
  locale: null,
  timeZone: null,
  link: 'connecting',
};

function cartOf(screen: DisplayScreen): DisplayCart | null {
  if (screen.kind === 'cart') return screen.cart;
  if (screen.kind === 'payment') return screen.cart;
  return null;
}

/** The thank-you and the voided notice stay a few seconds; nothing but a new sale replaces them early. */
function isOutcome(screen: DisplayScreen): boolean {
  return screen.kind === 'thanks' || screen.kind === 'voided';
}

function showCart(state: DisplayState, cart: DisplayCart): DisplayState {
  // An emptied cart is the same as no sale: back to the welcome screen (after an outcome's time).
  if (cart.lines.length === 0)
    return isOutcome(state.screen) ? state : { ...state, screen: { kind: 'welcome' } };
  return { ...state, screen: { kind: 'cart', cart } };
}

function showSale(state: DisplayState, action: Extract<DisplayAction, { type: 'sale' }>): DisplayState {
  const withLocale = {
    ...state,
    ...(action.locale ? { locale: action.locale } : {}),
    ...(action.timeZone ? { timeZone: action.timeZone } : {}),
  };
  switch (action.state) {
    case 'idle':
      return showCart(withLocale, { ...action.cart, lines: [] });
    case 'cart':
      // A crypto invoice waiting for the customer stays on screen while its sale is announced again
      // unchanged (its payment's notes); a sale that changed (paid in part, a line) shows the sale.
      if (
        withLocale.screen.kind === 'payment' &&
        withLocale.screen.payment.status !== 'expired' &&
        JSON.stringify(withLocale.screen.cart) === JSON.stringify(action.cart)
      )
        return withLocale;
      return showCart(withLocale, action.cart);
    case 'paid':
      return {
        ...withLocale,
        screen: {
          kind: 'thanks',
          total: action.cart.total,
          change: action.cart.change,
          ...(action.cart.customerNote ? { note: action.cart.customerNote } : {}),
        },
      };
    case 'voided':
      return { ...withLocale, screen: { kind: 'voided' } };
  }
}

export function reduceDisplay(state: DisplayState, action: DisplayAction): DisplayState {
  switch (action.type) {
    case 'sale':
      return showSale(state, action);
    case 'cart':
      return showCart(state, action.cart);
    case 'payment':
      return { ...state, screen: { kind: 'payment', cart: cartOf(state.screen), payment: action.payment } };
    case 'paid': {
      const cart = cartOf(state.screen);
      return { ...state, screen: { kind: 'thanks', total: cart ? cart.total : null, change: null } };
    }
    case 'reset':
      return { ...state, screen: { kind: 'welcome' } };
    case 'store':
      return {
        ...state,
        storeName: action.storeName && action.storeName.trim() ? action.storeName.trim() : null,
        locale: action.locale ?? state.locale,
        timeZone: action.timeZone ?? state.timeZone,
      };
    case 'link':
      return { ...state, link: action.link };
  }
}

/** How long the thank-you ("Paid — change $X") stays before the welcome screen comes back. */
export const thanksDurationMs = 8_000;
/** How long the notice of a voided sale stays. */
export const voidedDurationMs = 5_000;

/** When a screen goes back to the welcome by itself: after this many ms, or null to stay. */
export function resetAfterMs(screen: DisplayScreen): number | null {
  if (screen.kind === 'thanks') return thanksDurationMs;
  if (screen.kind === 'voided') return voidedDurationMs;
  return null;
}
