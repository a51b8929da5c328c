/**
 * What the till is doing, followed from the core's events for the update policy (updatePolicy.ts):
 * the shift's state (shift.updated), whether a sale is being rung up (display.updated: a cart), and
 * the payments in flight (payment.updated: pending until decided). Pure: the shell feeds it events.
 */
import { type ShiftState, type TillActivity } from './updatePolicy';

export interface ActivityState extends TillActivity {
  pendingPayments: ReadonlySet<string>;
}

export function initialActivity(shift: ShiftState): ActivityState {
  return { shift, saleInProgress: false, paymentsInFlight: 0, pendingPayments: new Set() };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function applyTillEvent(state: ActivityState, event: string, payload: unknown): ActivityState {
  const data = record(payload);
  switch (event) {
    case 'shift.updated': {
      const status = record(data.shift).status;
      return status === 'open' || status === 'closing' || status === 'closed'
        ? { ...state, shift: status }
        : state;
    }
    case 'display.updated':
      return { ...state, saleInProgress: data.state === 'cart' };
    case 'payment.updated': {
      if (typeof data.paymentId !== 'string') return state;
      const pending = new Set(state.pendingPayments);
      if (data.status === 'pending') pending.add(data.paymentId);
      else pending.delete(data.paymentId);
      return { ...state, pendingPayments: pending, paymentsInFlight: pending.size };
    }
    default:
      return state;
  }
}
