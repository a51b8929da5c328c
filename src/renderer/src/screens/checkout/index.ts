/**
 * The Checkout section: ringing up sales and taking payment. Offers the screen, the cart store
 * (`checkout`: the open order of this till, remembered across reloads) and the pure rules behind
 * them: the cart's totals rows and typed amounts (cartView), and the barcode scanner's detection
 * (scanner).
 */
export { CheckoutScreen } from './CheckoutScreen';
export { checkout, useCheckout } from './instance';
export {
  type AddLineItem,
  type CheckoutState,
  type CheckoutStore,
  createCheckoutStore,
  openOrderStorageKey,
} from './checkoutStore';
export {
  discountFromTyped,
  discountLabel,
  itemCount,
  negated,
  priceIn,
  tilePrice,
  tipChoiceOf,
  totalsRows,
  type TotalsRow,
  typedAmountToMinor,
  variantLabel,
} from './cartView';
export {
  defaultScannerRules,
  emptyScannerState,
  feedScanner,
  type ScannerRules,
  type ScannerState,
} from './scanner';
