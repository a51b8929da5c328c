/**
 * A stateful Stripe simulator on loopback, for tests and the demo mode: PaymentIntents, charges,
 * refunds, Terminal locations and readers (`simulated-wpe`), connection tokens, Checkout Sessions,
 * balance transactions, payouts and events, reached by the real `stripe` package.
 */
export {
  startStripeSimulator,
  signWebhookPayload,
  type Fault,
  type FaultRule,
  type StripeSimOptions,
  type StripeSimulator,
} from './server';
export { findTestCard, testCardNumbers, amountDecline, type TestCard } from './testCards';
export { type SimObject } from './objects';
