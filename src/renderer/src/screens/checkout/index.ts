/** The Checkout section: ringing up sales and taking payment. */
export { CheckoutScreen } from './CheckoutScreen';
