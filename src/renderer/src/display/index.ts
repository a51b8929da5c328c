/**
 * The customer display: the page a second screen (or a tablet facing the customer) shows. Its
 * state is a zustand store fed by core events through the bindings in bindings.ts; it shows a
 * welcome with the store's name and the clock, the cart, the payment QR, and a thank-you.
 */
export { bindEvent, connectDisplay, type DisplayBinding, displayEventBindings } from './bindings';
export { DisplayApp } from './DisplayApp';
export {
  type DisplayAction,
  type DisplayCart,
  type DisplayLine,
  type DisplayLink,
  type DisplayPayment,
  type DisplayScreen,
  type DisplayState,
  initialDisplayState,
  reduceDisplay,
} from './displayState';
export { dispatchDisplay, displayStore, useDisplayState } from './displayStore';
export { startDisplay } from './start';
