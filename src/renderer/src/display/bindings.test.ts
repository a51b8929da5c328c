import { describe, expect, it } from 'vitest';
import { defaultStoreSettings } from '../../../shared/api/settings';
import { events, type TillpointClient } from '../../../shared/api';
import { bindEvent, connectDisplay, displayEventBindings } from './bindings';
import { type DisplayAction, type DisplayCart, initialDisplayState, reduceDisplay } from './displayState';

/** A client whose events are fired by the test: the same `on` the real client offers. */
function eventSource() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: Pick<TillpointClient, 'on'> = {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const fire = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const count = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { client, fire, count };
}

const usd = (amount: string) => ({ amount, asset: 'USD' });
const cart: DisplayCart = {
  lines: [{ id: 'l1', name: 'Flat white', quantity: '1', total: usd('450') }],
  subtotal: null,
  tax: null,
  discount: null,
  total: usd('450'),
};

describe('the display’s event bindings', () => {
  it('binds only events the contract declares', () => {
    for (const binding of displayEventBindings) expect(Object.keys(events)).toContain(binding.event);
  });

  it('takes the store’s name and locale from settings.updated', () => {
    const source = eventSource();
    const actions: DisplayAction[] = [];
    connectDisplay(source.client, (action) => actions.push(action));
    source.fire('settings.updated', {
      settings: { ...defaultStoreSettings, storeName: 'Corner Café', locale: 'fr-FR' },
      changed: ['storeName', 'locale'],
    });
    const state = actions.reduce(reduceDisplay, initialDisplayState);
    expect(state).toMatchObject({ storeName: 'Corner Café', locale: 'fr-FR' });
  });

  it.each([
    ['paid', { kind: 'thanks', total: usd('450') }],
    ['voided', { kind: 'welcome' }],
    ['open', { kind: 'cart', cart }],
    ['refunded', { kind: 'cart', cart }],
  ])('an order going %s shows %o', (status, screen) => {
    const source = eventSource();
    const actions: DisplayAction[] = [{ type: 'cart', cart }];
    connectDisplay(source.client, (action) => actions.push(action));
    source.fire('order.updated', { orderId: '01JABCDEFGHJKMNPQRSTVWXYZ0', status });
    expect(actions.reduce(reduceDisplay, initialDisplayState).screen).toEqual(screen);
  });

  it('stops listening when disconnected', () => {
    const source = eventSource();
    const bindings = [bindEvent('system.notice', () => ({ type: 'reset' }))];
    const stop = connectDisplay(source.client, () => {}, bindings);
    expect(source.count()).toBe(1);
    stop();
    expect(source.count()).toBe(0);
  });
});
