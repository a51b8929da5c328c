/**
 * The shift state machine of one till. A shift is created directly `open` with its counted float;
 * `start_close` stops sales (`closing`) while the drawer is counted; `cancel_close` goes back to
 * `open`; `close` accepts the count and freezes the Z report (`closed`, final). `none` is the till
 * before its first shift. The activities (`take_payment`, `cash_movement`) keep the state when
 * allowed, so every rule about what a shift allows lives in this one table.
 */
import { TillpointError } from '../../shared/api/errors';

export const shiftStatuses = ['open', 'closing', 'closed'] as const;
export type ShiftStatus = (typeof shiftStatuses)[number];

/** The till's state: the status of its latest shift, or `none` before the first one. */
export type TillShiftState = 'none' | ShiftStatus;

export const shiftActions = [
  'open',
  'start_close',
  'cancel_close',
  'close',
  'take_payment',
  'cash_movement',
] as const;
export type ShiftAction = (typeof shiftActions)[number];

const transitions: Readonly<Record<TillShiftState, Partial<Record<ShiftAction, TillShiftState>>>> = {
  none: { open: 'open' },
  open: { start_close: 'closing', take_payment: 'open', cash_movement: 'open' },
  closing: { cancel_close: 'open', close: 'closed' },
  closed: { open: 'open' },
};

/** Why an action is refused in a state: a sentence for the cashier. */
function refusal(state: TillShiftState, action: ShiftAction): string {
  switch (state) {
    case 'none':
    case 'closed':
      if (action === 'take_payment') return 'Open a shift before taking payments.';
      return `There is no open shift: open one first (${action.replace('_', ' ')} needs an open shift).`;
    case 'open':
      if (action === 'open') return 'A shift is already open on this till: close it before opening another.';
      if (action === 'close')
        return 'Start closing the shift first, so sales stop before the drawer is counted.';
      return 'The shift is open, not closing: there is no close to cancel.';
    case 'closing':
      if (action === 'open')
        return 'The shift is being closed: finish or cancel the close before opening another.';
      if (action === 'take_payment') {
        return 'The shift is closing: payments are refused until the close is cancelled or finished.';
      }
      if (action === 'cash_movement') {
        return 'The shift is closing: cancel the close to move cash in or out of the drawer.';
      }
      return 'The shift is already closing.';
  }
}

/**
 * The state after `action`, or a TillpointError('conflict') whose details carry the state, the action
 * and a reason (`no_open_shift`, `shift_open`, `shift_closing`, `not_closing`).
 */
export function nextShiftState(state: TillShiftState, action: ShiftAction): TillShiftState {
  const next = transitions[state][action];
  if (next !== undefined) return next;
  const reason =
    state === 'none' || state === 'closed'
      ? 'no_open_shift'
      : state === 'closing'
        ? 'shift_closing'
        : action === 'open'
          ? 'shift_open'
          : 'not_closing';
  throw new TillpointError('conflict', refusal(state, action), { state, action, reason });
}
