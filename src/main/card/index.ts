/**
 * Card payments: a domain of its own. It offers
 * - the card tender (`createCardTender`, kind `card`, label "Card"): Stripe Terminal server-driven with
 *   the `stripe` package, registered in the payments domain's tender registry by the core;
 * - this till's Stripe set-up (`createStripeSettingsStore`): the secret key in the main process only
 *   (a 0600 file in the data folder, sealed by the shell's `secretBox`, or TILLPOINT_STRIPE_SECRET_KEY),
 *   the Terminal location and the chosen reader;
 * - the `stripe.*` handlers (status, key, locations, readers);
 * - the Stripe simulator (`./stripeSim`), for tests and the demo mode.
 */
import { type AuditService } from '../audit';
import { type CoreDeps, type DomainModule } from '../core/services';
import { type PartialHandlerImpls } from '../core/dispatch';
import { createCardTender, type CardTender, type StripeApiTarget } from './cardTender';
import { createStripeHandlers } from './handlers';
import { createStripeSettingsStore, type SecretBox, type StripeSettingsStore } from './stripeSettings';

export {
  createCardTender,
  type CardTender,
  type CardTenderOptions,
  type CardSetup,
  type StripeApiTarget,
} from './cardTender';
export {
  createStripeSettingsStore,
  stripeKeyEnv,
  type SecretBox,
  type StripeSettingsStore,
} from './stripeSettings';
export { cardDetailsOf, type CardDetails } from './stripeFacts';

export interface CardModuleOptions {
  /** Where the stripe package sends requests (the simulator in demo mode and tests); default Stripe. */
  readonly stripeApi?: StripeApiTarget;
  /** Seals the secret key at rest (Electron's safeStorage). */
  readonly secretBox?: SecretBox;
  /** The environment the key may come from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  readonly pollMs?: number;
}

export interface CardModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly tender: CardTender;
  readonly settings: StripeSettingsStore;
}

export function createCardModule(
  deps: CoreDeps,
  services: {
    audit: AuditService;
    /** A payment's external id (its PaymentIntent), for refunds reconciled after a restart. */
    paymentExternalId: (paymentId: string) => string | null;
  },
  options: CardModuleOptions = {},
): CardModule {
  const settings = createStripeSettingsStore({
    dataDir: deps.dataDir,
    ...(options.env ? { env: options.env } : {}),
    ...(options.secretBox ? { secretBox: options.secretBox } : {}),
  });
  const tender = createCardTender({
    setup: () => settings.read(),
    ...(options.stripeApi ? { api: options.stripeApi } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    logger: deps.logger,
    paymentExternalId: services.paymentExternalId,
  });
  return {
    handlers: createStripeHandlers({ settings, tender, audit: services.audit }),
    tender,
    settings,
    close: () => tender.stop(),
  };
}
