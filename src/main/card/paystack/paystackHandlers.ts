/** The `paystack.*` handlers: the key (checked with Paystack, kept like the Stripe key) and a payment's link. */
import { TillpointError } from '../../../shared/api/errors';
import { type AuditService } from '../../audit';
import { type PartialHandlerImpls } from '../../kernel';
import { keyHint, keyMode, type StripeSettingsStore } from '../stripeSettings';
import { checkPaystackKey, PaystackError } from './paystackApi';
import { type PaystackTender } from './paystackTender';

export const paystackKeyEnv = 'TILLPOINT_PAYSTACK_SECRET_KEY';

export function createPaystackHandlers(options: {
  settings: StripeSettingsStore;
  tender: PaystackTender;
  audit: AuditService;
  apiBase: () => string | undefined;
}): PartialHandlerImpls {
  const { settings, tender, audit } = options;
  const status = () => {
    const setup = settings.read();
    return {
      keySource: settings.keySource(),
      mode: setup ? setup.mode : null,
      keyHint: setup ? keyHint(setup.secretKey) : null,
    };
  };
  const fromEnvironment = () =>
    new TillpointError(
      'conflict',
      `The Paystack key comes from the environment (${paystackKeyEnv}); change it there.`,
      {
        reason: 'key_from_environment',
      },
    );
  return {
    'paystack.status': () => status(),
    'paystack.setKey': async (input, ctx) => {
      const staffId = ctx.staff.staffId;
      if (settings.keySource() === 'env') throw fromEnvironment();
      try {
        await checkPaystackKey(input.secretKey, options.apiBase());
      } catch (error) {
        const network = !(error instanceof PaystackError) || error.network;
        throw new TillpointError(
          network ? 'unavailable' : 'bad_input',
          network
            ? 'Paystack could not be reached: check the network and try again.'
            : 'Paystack refused the secret key.',
        );
      }
      settings.saveKey(input.secretKey);
      audit.record({
        staffId,
        action: 'paystack.key_set',
        ref: 'paystack',
        details: { mode: keyMode(input.secretKey), keyHint: keyHint(input.secretKey) },
      });
      return status();
    },
    'paystack.removeKey': (_input, ctx) => {
      const staffId = ctx.staff.staffId;
      if (settings.keySource() === 'env') throw fromEnvironment();
      settings.removeKey();
      audit.record({ staffId, action: 'paystack.key_removed', ref: 'paystack', details: {} });
      return status();
    },
    'paystack.checkoutLink': (input) => ({ url: tender.link(input.paymentId) }),
  };
}
