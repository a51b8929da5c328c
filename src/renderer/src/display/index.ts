/**
 * The customer display: the page a second screen (or a tablet facing the customer) shows. Its
 * state is a zustand store fed by core events through the bindings in bindings.ts; it shows a
 * welcome with the store's name and the clock, the sale as it is rung up (display.updated), the
 * payment QR, "Paid — change $X", and a voided sale's notice.
 */
export {
  bindEvent,
  connectDisplay,
  displayCartOf,
  type DisplayBinding,
  displayEventBindings,
} from './bindings';
export { DisplayApp } from './DisplayApp';
export {
  type DisplayAction,
  type DisplayCart,
  type DisplayLine,
  type DisplayLink,
  type DisplayPayment,
  type DisplaySaleState,
  type DisplayScreen,
  type DisplayState,
  initialDisplayState,
  reduceDisplay,
  resetAfterMs,
} from './displayState';
export { dispatchDisplay, displayStore, useDisplayState } from './displayStore';
export { startDisplay } from './start';
