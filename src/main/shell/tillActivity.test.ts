import { describe, expect, it } from 'vitest';
import { applyTillEvent, initialActivity } from './tillActivity';

describe('applyTillEvent', () => {
  it('follows the shift, the sale on the counter and the payments in flight', () => {
    let state = initialActivity('unknown');
    state = applyTillEvent(state, 'shift.updated', { shift: { status: 'open' } });
    expect(state.shift).toBe('open');
    state = applyTillEvent(state, 'display.updated', { state: 'cart' });
    expect(state.saleInProgress).toBe(true);
    state = applyTillEvent(state, 'payment.updated', { paymentId: 'P1', status: 'pending' });
    state = applyTillEvent(state, 'payment.updated', { paymentId: 'P1', status: 'pending' });
    expect(state.paymentsInFlight).toBe(1);
    state = applyTillEvent(state, 'payment.updated', { paymentId: 'P1', status: 'succeeded' });
    expect(state.paymentsInFlight).toBe(0);
    state = applyTillEvent(state, 'display.updated', { state: 'paid' });
    expect(state.saleInProgress).toBe(false);
    state = applyTillEvent(state, 'shift.updated', { shift: { status: 'closed' } });
    expect(state).toMatchObject({ shift: 'closed', saleInProgress: false, paymentsInFlight: 0 });
  });

  it('ignores what it does not know', () => {
    const state = initialActivity('open');
    expect(applyTillEvent(state, 'order.updated', { orderId: 'O1' })).toBe(state);
    expect(applyTillEvent(state, 'shift.updated', { shift: { status: 'weird' } })).toBe(state);
    expect(applyTillEvent(state, 'payment.updated', null)).toBe(state);
  });
});
