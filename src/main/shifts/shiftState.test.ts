import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { nextShiftState, shiftActions, type ShiftAction, type TillShiftState } from './shiftState';

describe('nextShiftState', () => {
  it.each<[TillShiftState, ShiftAction, TillShiftState]>([
    ['none', 'open', 'open'],
    ['closed', 'open', 'open'],
    ['open', 'start_close', 'closing'],
    ['open', 'take_payment', 'open'],
    ['open', 'cash_movement', 'open'],
    ['closing', 'cancel_close', 'open'],
    ['closing', 'close', 'closed'],
  ])('%s + %s → %s', (state, action, expected) => {
    expect(nextShiftState(state, action)).toBe(expected);
  });

  it.each<[TillShiftState, ShiftAction, string, RegExp]>([
    ['none', 'take_payment', 'no_open_shift', /^Open a shift before taking payments\.$/],
    ['closed', 'take_payment', 'no_open_shift', /Open a shift before taking payments/],
    ['none', 'start_close', 'no_open_shift', /no open shift/],
    ['closed', 'close', 'no_open_shift', /no open shift/],
    ['none', 'cash_movement', 'no_open_shift', /no open shift/],
    ['open', 'open', 'shift_open', /already open/],
    ['open', 'close', 'not_closing', /Start closing the shift first/],
    ['open', 'cancel_close', 'not_closing', /no close to cancel/],
    ['closing', 'take_payment', 'shift_closing', /payments are refused/],
    ['closing', 'cash_movement', 'shift_closing', /cancel the close/],
    ['closing', 'open', 'shift_closing', /finish or cancel the close/],
    ['closing', 'start_close', 'shift_closing', /already closing/],
  ])('%s + %s is refused (%s)', (state, action, reason, message) => {
    let caught: unknown;
    try {
      nextShiftState(state, action);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TillpointError);
    const error = caught as TillpointError;
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(message);
    expect(error.details).toEqual({ state, action, reason });
  });

  it('a closed shift never goes back to open or closing by any action but a new open', () => {
    for (const action of shiftActions) {
      if (action === 'open') continue;
      expect(() => nextShiftState('closed', action)).toThrow(TillpointError);
    }
  });
});
