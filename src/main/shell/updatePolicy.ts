/**
 * May a downloaded update restart the till now? One pure function and a table of cases beside it
 * (updatePolicy.test.ts); the Electron glue (updater.ts) asks it whenever something changes.
 *
 * A till never restarts in the middle of a sale: an update waits for the shift's end, or for a
 * manager's go; even a manager's go waits while a sale is being rung up or a payment is in flight
 * (a card reader collecting, a chain confirming), because a restart then would leave the customer
 * at the counter with a dark screen.
 */

export type ShiftState = 'open' | 'closing' | 'closed' | 'none' | 'unknown';

export interface TillActivity {
  /** The till's shift: none open, open, closing, just closed, or not known yet (start-up). */
  shift: ShiftState;
  /** A sale is being rung up on this till (the customer display shows a cart). */
  saleInProgress: boolean;
  /** Payments started and not yet decided. */
  paymentsInFlight: number;
}

export interface UpdateState extends TillActivity {
  /** Updates are on and a downloaded update waits to be installed. */
  updateReady: boolean;
  /** A manager said "install now" (Settings › This till). */
  managerGo: boolean;
}

export type UpdateDecision =
  | { install: true; reason: string }
  | { install: false; reason: string; waitingFor: 'nothing' | 'sale' | 'payment' | 'shift-end' };

export function mayInstallUpdate(state: UpdateState): UpdateDecision {
  if (!state.updateReady) return { install: false, waitingFor: 'nothing', reason: 'No update is waiting.' };
  if (state.paymentsInFlight > 0) {
    return {
      install: false,
      waitingFor: 'payment',
      reason: `Waiting for ${state.paymentsInFlight === 1 ? 'a payment' : `${state.paymentsInFlight} payments`} in flight.`,
    };
  }
  if (state.saleInProgress)
    return { install: false, waitingFor: 'sale', reason: 'Waiting for the sale to finish.' };
  if (state.managerGo) return { install: true, reason: 'A manager said to install it now.' };
  if (state.shift === 'closed' || state.shift === 'none') {
    return { install: true, reason: 'No shift is open: installing now.' };
  }
  return {
    install: false,
    waitingFor: 'shift-end',
    reason:
      state.shift === 'unknown'
        ? "Waiting to learn the shift's state, or a manager's go."
        : "Waiting for the shift's end, or a manager's go.",
  };
}
