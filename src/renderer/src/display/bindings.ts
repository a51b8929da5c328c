/**
 * Which core events change the customer display. Each binding names an event of the API contract
 * and turns its payload into a display action (or null to ignore it). `connectDisplay` subscribes
 * them all through the client; more events (a crypto invoice's updates) are bound by adding them
 * to `displayEventBindings`, nothing else changes.
 */
import { type EventName, type EventPayload, type TillpointClient } from '../../../shared/api';
import { type MoneyValue } from '../ui/formatAmount';
import { type DisplayAction, type DisplayCart } from './displayState';
import { invoiceDisplayBinding } from './invoiceBinding';

export interface DisplayBinding {
  event: EventName;
  subscribe(client: Pick<TillpointClient, 'on'>, dispatch: (action: DisplayAction) => void): () => void;
}

export function bindEvent<E extends EventName>(
  event: E,
  toAction: (payload: EventPayload<E>) => DisplayAction | null,
): DisplayBinding {
  return {
    event,
    subscribe: (client, dispatch) =>
      client.on(event, (payload) => {
        const action = toAction(payload);
        if (action) dispatch(action);
      }),
  };
}

/** Minor units as the core sent them, in the sale's currency; null for zero when a row is optional. */
function moneyIn(currency: string) {
  const money = (amount: string): MoneyValue => ({ amount, asset: currency });
  const unlessZero = (amount: string): MoneyValue | null => (/^-?0+$/.test(amount) ? null : money(amount));
  return { money, unlessZero };
}

/**
 * The sale of a display.updated event as the display shows it. Every figure is the core's: the
 * display formats, it never adds up. Lines have no ids on the wire (nothing but the order number
 * leaves the till), so they are keyed by position.
 */
export function displayCartOf(update: EventPayload<'display.updated'>): DisplayCart {
  const { money, unlessZero } = moneyIn(update.currency);
  const paid = unlessZero(update.paidMinor);
  return {
    orderNumber: update.orderNumber ?? null,
    lines: update.lines.map((line, index) => ({
      id: String(index),
      name: line.name,
      quantity: String(line.quantity),
      total: money(line.totalMinor),
    })),
    subtotal: money(update.subtotalMinor),
    discount: unlessZero(update.discountMinor),
    tax: money(update.taxMinor),
    taxIncluded: update.taxIncluded,
    tip: unlessZero(update.tipMinor),
    total: money(update.totalMinor),
    paid,
    due: paid ? money(update.amountDueMinor) : null,
    change: update.changeMinor === undefined ? null : unlessZero(update.changeMinor),
    ...(update.customerNote ? { customerNote: update.customerNote } : {}),
  };
}

/**
 * The events the display follows: the store's settings (its name and locale) and the sale on this
 * till (display.updated: its lines and totals while it is rung up, what is paid and due, paid with
 * the change, or voided). The display has no staff session: everything it shows comes in these
 * events; the payment QR screen is fed by events that carry it, bound here when the contract
 * declares them.
 */
export const displayEventBindings: readonly DisplayBinding[] = [
  bindEvent('settings.updated', ({ settings }) => ({
    type: 'store',
    storeName: settings.storeName,
    locale: settings.locale,
    timeZone: settings.timeZone,
  })),
  bindEvent('display.updated', (update) => ({
    type: 'sale',
    state: update.state,
    cart: displayCartOf(update),
    locale: update.locale,
    timeZone: update.timeZone ?? null,
  })),
  invoiceDisplayBinding,
];

/** Subscribes every binding; returns the function that unsubscribes them all. */
export function connectDisplay(
  client: Pick<TillpointClient, 'on'>,
  dispatch: (action: DisplayAction) => void,
  bindings: readonly DisplayBinding[] = displayEventBindings,
): () => void {
  const stops = bindings.map((binding) => binding.subscribe(client, dispatch));
  return () => {
    for (const stop of stops) stop();
  };
}
