/**
 * Which core events change the customer display. Each binding names an event of the API contract
 * and turns its payload into a display action (or null to ignore it). `connectDisplay` subscribes
 * them all through the client; a sale's events (cart changes, an invoice's updates, an order
 * paid) are bound by adding them to `displayEventBindings`, nothing else changes.
 */
import { type EventName, type EventPayload, type TillpointClient } from '../../../shared/api';
import { type DisplayAction } from './displayState';

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

/**
 * The events the display follows today: the store's settings (its name and locale) and orders
 * being paid (thank-you) or voided (back to welcome). The display has no staff session, so it
 * cannot fetch an order's lines: the cart and payment QR screens are fed by events that carry
 * them, bound here when the contract declares them.
 */
export const displayEventBindings: readonly DisplayBinding[] = [
  bindEvent('settings.updated', ({ settings }) => ({
    type: 'store',
    storeName: settings.storeName,
    locale: settings.locale,
  })),
  bindEvent('order.updated', ({ status }) => {
    if (status === 'paid') return { type: 'paid' };
    if (status === 'voided') return { type: 'reset' };
    return null;
  }),
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
