/**
 * What the customer display shows, as a pure reducer: a welcome screen when the till is idle, the
 * cart while a sale is rung up, the payment (amount, QR, countdown) while the customer pays, and
 * a thank-you once paid. Amounts are as the core sends them ({ amount, asset }); the display only
 * shows them.
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
  lines: DisplayLine[];
  subtotal: MoneyValue | null;
  tax: MoneyValue | null;
  discount: MoneyValue | null;
  total: MoneyValue;
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
  | { kind: 'thanks'; total: MoneyValue | null };

/** How the display reaches the till: it says so instead of showing stale data when it cannot. */
export type DisplayLink = 'connecting' | 'connected' | 'pairing' | 'unreachable';

export interface DisplayState {
  screen: DisplayScreen;
  storeName: string | null;
  /** The store's locale for amounts and the clock; null until known. */
  locale: string | null;
  link: DisplayLink;
}

export type DisplayAction =
  | { type: 'cart'; cart: DisplayCart }
  | { type: 'payment'; payment: DisplayPayment }
  | { type: 'paid' }
  | { type: 'reset' }
  | { type: 'store'; storeName: string | null; locale: string | null }
  | { type: 'link'; link: DisplayLink };

export const initialDisplayState: DisplayState = {
  screen: { kind: 'welcome' },
  storeName: null,
  locale: null,
  link: 'connecting',
};

function cartOf(screen: DisplayScreen): DisplayCart | null {
  if (screen.kind === 'cart') return screen.cart;
  if (screen.kind === 'payment') return screen.cart;
  return null;
}

export function reduceDisplay(state: DisplayState, action: DisplayAction): DisplayState {
  switch (action.type) {
    case 'cart':
      // An emptied cart is the same as no sale: back to the welcome screen.
      return {
        ...state,
        screen: action.cart.lines.length === 0 ? { kind: 'welcome' } : { kind: 'cart', cart: action.cart },
      };
    case 'payment':
      return { ...state, screen: { kind: 'payment', cart: cartOf(state.screen), payment: action.payment } };
    case 'paid': {
      const cart = cartOf(state.screen);
      return { ...state, screen: { kind: 'thanks', total: cart ? cart.total : null } };
    }
    case 'reset':
      return { ...state, screen: { kind: 'welcome' } };
    case 'store':
      return {
        ...state,
        storeName: action.storeName && action.storeName.trim() ? action.storeName.trim() : null,
        locale: action.locale ?? state.locale,
      };
    case 'link':
      return { ...state, link: action.link };
  }
}

/** How long the thank-you stays before the welcome screen comes back. */
export const thanksDurationMs = 8_000;
