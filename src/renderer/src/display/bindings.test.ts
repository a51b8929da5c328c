import { describe, expect, it } from 'vitest';
import { defaultStoreSettings } from '../../../shared/api/settings';
import { type EventPayload, events, type TillpointClient } from '../../../shared/api';
import { bindEvent, connectDisplay, displayCartOf, displayEventBindings } from './bindings';
import {
  type DisplayAction,
  type DisplayCart,
  type DisplayScreen,
  initialDisplayState,
  reduceDisplay,
} from './displayState';

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
type DisplayUpdate = EventPayload<'display.updated'>;

/** A sale as the core sends it: 3 coffees and a muffin, 10 % off, a tip (see the orders tests). */
const update: DisplayUpdate = {
  state: 'cart',
  orderNumber: 1001,
  currency: 'USD',
  locale: 'en-US',
  taxIncluded: false,
  lines: [
    { name: 'Coffee', quantity: 3, totalMinor: '1050' },
    { name: 'Muffin', quantity: 1, totalMinor: '225' },
  ],
  subtotalMinor: '1275',
  discountMinor: '128',
  taxMinor: '102',
  tipMinor: '150',
  totalMinor: '1399',
  paidMinor: '0',
  amountDueMinor: '1399',
};
const cart: DisplayCart = {
  orderNumber: 1001,
  lines: [
    { id: '0', name: 'Coffee', quantity: '3', total: usd('1050') },
    { id: '1', name: 'Muffin', quantity: '1', total: usd('225') },
  ],
  subtotal: usd('1275'),
  discount: usd('128'),
  tax: usd('102'),
  taxIncluded: false,
  tip: usd('150'),
  total: usd('1399'),
  paid: null,
  due: null,
  change: null,
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

  it.each<[string, Partial<DisplayUpdate>, Partial<DisplayCart>]>([
    ['a sale being rung up', {}, {}],
    [
      'no discount or tip: no rows for them',
      { discountMinor: '0', tipMinor: '0', totalMinor: '1377' },
      { discount: null, tip: null, total: usd('1377') },
    ],
    [
      'a split tender: paid, left to pay and the change',
      { paidMinor: '500', amountDueMinor: '899', changeMinor: '0' },
      { paid: usd('500'), due: usd('899'), change: null },
    ],
    [
      'paid with change',
      { state: 'paid', paidMinor: '1399', amountDueMinor: '0', changeMinor: '1101' },
      { paid: usd('1399'), due: usd('0'), change: usd('1101') },
    ],
    ['prices with tax included', { taxIncluded: true }, { taxIncluded: true }],
    [
      'another currency',
      {
        currency: 'EUR',
        lines: [],
        subtotalMinor: '0',
        discountMinor: '0',
        tipMinor: '0',
        taxMinor: '0',
        totalMinor: '0',
      },
      {
        lines: [],
        subtotal: { amount: '0', asset: 'EUR' },
        discount: null,
        tax: { amount: '0', asset: 'EUR' },
        tip: null,
        total: { amount: '0', asset: 'EUR' },
      },
    ],
  ])('turns display.updated into the sale on screen: %s', (_name, given, expected) => {
    expect(displayCartOf({ ...update, ...given })).toEqual({ ...cart, ...expected });
  });

  it.each<[string, DisplayUpdate['state'], Partial<DisplayUpdate>, DisplayScreen]>([
    ['cart shows the sale', 'cart', {}, { kind: 'cart', cart }],
    ['idle shows the welcome', 'idle', { lines: [] }, { kind: 'welcome' }],
    [
      'paid thanks with the change',
      'paid',
      { paidMinor: '2000', amountDueMinor: '0', changeMinor: '601' },
      { kind: 'thanks', total: usd('1399'), change: usd('601') },
    ],
    ['voided shows the notice', 'voided', { amountDueMinor: '0' }, { kind: 'voided' }],
  ])('a display.updated %s', (_name, state, given, screen) => {
    const source = eventSource();
    const actions: DisplayAction[] = [];
    connectDisplay(source.client, (action) => actions.push(action));
    source.fire('display.updated', { ...update, ...given, state, locale: 'fr-CA' });
    const shown = actions.reduce(reduceDisplay, initialDisplayState);
    expect(shown.screen).toEqual(screen);
    expect(shown.locale).toBe('fr-CA');
  });

  it('order.updated no longer moves the display (display.updated says it all)', () => {
    const source = eventSource();
    const actions: DisplayAction[] = [];
    connectDisplay(source.client, (action) => actions.push(action));
    source.fire('order.updated', { orderId: '01JABCDEFGHJKMNPQRSTVWXYZ0', status: 'paid' });
    expect(actions).toEqual([]);
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
