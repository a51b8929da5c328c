/**
 * The handlers of the JS SDK adapter (readerDriver.ts): the driver setting, a connection token for
 * the page's @stripe/terminal-js, and the client secret of a payment in flight it collects. The
 * secret key stays here; the page gets only what Stripe made for clients (a connection token, a
 * PaymentIntent's client secret), and only while the adapter is on.
 */
import { TillpointError } from '../../shared/api/errors';
import { type AuditService } from '../audit';
import { type PartialHandlerImpls } from '../kernel';
import { type CardTender } from './cardTender';
import { type ReaderDriverStore } from './readerDriver';
import { describeStripeError } from './stripeErrors';
import { type StripeSettingsStore } from './stripeSettings';

export function createSdkHandlers(options: {
  settings: StripeSettingsStore;
  tender: CardTender;
  driver: ReaderDriverStore;
  audit: AuditService;
  paymentExternalId: (paymentId: string) => string | null;
}): PartialHandlerImpls {
  const { settings, tender, driver } = options;
  const sdkStripe = () => {
    if (driver.read() !== 'js_sdk') {
      throw new TillpointError('conflict', 'This till drives its reader from the server, not the page.', {
        reason: 'not_js_sdk',
      });
    }
    const setup = settings.read();
    if (!setup)
      throw new TillpointError('conflict', 'Stripe is not set up on this till.', { reason: 'no_key' });
    return { setup, stripe: tender.client(setup.secretKey) };
  };
  const stripeCall = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const trouble = describeStripeError(error);
      throw new TillpointError(trouble.kind === 'network' ? 'unavailable' : 'bad_input', trouble.message);
    }
  };
  return {
    'stripe.readerDriver': () => ({ driver: driver.read() }),
    'stripe.setReaderDriver': (input, ctx) => {
      driver.save(input.driver);
      options.audit.record({
        staffId: ctx.staff.staffId,
        action: 'stripe.reader_driver_set',
        ref: 'stripe',
        details: { driver: input.driver },
      });
      return { driver: input.driver };
    },
    'stripe.connectionToken': async () => {
      const { setup, stripe } = sdkStripe();
      const token = await stripeCall(() =>
        stripe.terminal.connectionTokens.create(setup.locationId ? { location: setup.locationId } : {}),
      );
      return { secret: token.secret, locationId: setup.locationId };
    },
    'stripe.sdkPayment': async (input) => {
      if (driver.read() !== 'js_sdk') return { payment: null };
      const { setup, stripe } = sdkStripe();
      const piId = options.paymentExternalId(input.paymentId);
      if (!piId || !piId.startsWith('pi_')) return { payment: null };
      const pi = await stripeCall(() => stripe.paymentIntents.retrieve(piId));
      const waiting = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
      if (!pi.client_secret || !waiting.includes(pi.status)) return { payment: null };
      return { payment: { clientSecret: pi.client_secret, readerId: setup.readerId } };
    },
  };
}
