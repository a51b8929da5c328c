/**
 * Card payments: a domain of its own. It offers
 * - the card tender (`createCardTender`, kind `card`, label "Card"): Stripe Terminal server-driven with
 *   the `stripe` package, registered in the payments domain's tender registry by the core;
 * - pay by phone (`createPhoneTender`, kind `phone`): a Stripe Checkout Session shown as a QR code;
 * - Paystack (`paystack/`, kind `paystack`): a checkout link as a QR code, verified by reference;
 * - this till's Stripe set-up (`createStripeSettingsStore`): the secret key in the main process only
 *   (a 0600 file in the data folder, sealed by the shell's `secretBox`, or TILLPOINT_STRIPE_SECRET_KEY),
 *   the Terminal location and the chosen reader;
 * - the `stripe.*` handlers (status, key, locations, readers, and test cards for a simulated reader);
 * - in demo mode, the Stripe simulator started in this process with a simulated reader (demoStripe.ts);
 * - the Stripe simulator itself (`./stripeSim`), for tests and the demo mode.
 */
import { type AuditService } from '../audit';
import { type CoreDeps, type DomainModule, type PartialHandlerImpls } from '../kernel';
import { type TenderAdapter } from '../payments';
import { createCardTender, type CardTender, type StripeApiTarget } from './cardTender';
import { createPhoneTender, type PhoneTender } from './phoneTender';
import { createPaystackHandlers, paystackKeyEnv } from './paystack/paystackHandlers';
import { createPaystackTender, type PaystackTender } from './paystack/paystackTender';
import { createPaystackWebhookHandler } from './paystack/paystackWebhookHandler';
import { startDemoPaystack, type DemoPaystack } from './paystack/demoPaystack';
import { startDemoStripe, type DemoStripe } from './demoStripe';
import { createStripeHandlers } from './handlers';
import { createReaderPickerHandlers } from './readerPicker';
import { createReaderDriverStore } from './readerDriver';
import { createSdkHandlers } from './sdkHandlers';
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
export { cardDetailsOf, cardReceiptFacts, type CardDetails } from './stripeFacts';
export { demoStripeKey } from './demoStripe';
export { createPhoneTender, type PhoneTender, type PhoneTenderOptions } from './phoneTender';
export { createPaystackTender, type PaystackTender } from './paystack/paystackTender';
export { startPaystackSimulator, type PaystackSimulator } from './paystack/paystackSim';
export { verifyPaystackSignature, paystackSignature } from './paystack/paystackWebhook';

export interface CardModuleOptions {
  /** Where the stripe package sends requests (the simulator in tests); default Stripe, or in demo mode its own simulator. */
  readonly stripeApi?: StripeApiTarget;
  /** Seals the secret key at rest (Electron's safeStorage). */
  readonly secretBox?: SecretBox;
  /** The environment the key may come from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  readonly pollMs?: number;
  /** Paystack's API address (its simulator in tests); default api.paystack.co. */
  readonly paystackApi?: string;
}

export interface CardModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  /** The card reader tender (kind `card`). */
  readonly tender: CardTender;
  /** Pay by phone: a Stripe Checkout Session as a QR code (kind `phone`). */
  readonly phone: PhoneTender;
  /** Paystack (kind `paystack`): a checkout link as a QR code, for NGN and other African currencies. */
  readonly paystack: PaystackTender;
  /** All of them, to register with the payments domain. */
  readonly tenders: readonly TenderAdapter[];
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
  let current: StripeSettingsStore = createStripeSettingsStore({
    dataDir: deps.dataDir,
    ...(options.env ? { env: options.env } : {}),
    ...(options.secretBox ? { secretBox: options.secretBox } : {}),
  });
  let api = options.stripeApi;
  let demo: DemoStripe | null = null;
  // The set-up the tender and the handlers read: the data folder's, or demo mode's simulator.
  const settings: StripeSettingsStore = {
    read: () => current.read(),
    keySource: () => current.keySource(),
    saveKey: (key) => current.saveKey(key),
    removeKey: () => current.removeKey(),
    saveLocation: (id) => current.saveLocation(id),
    saveReader: (id) => current.saveReader(id),
    saveTipping: (on) => current.saveTipping(on),
  };
  const readerDriver = createReaderDriverStore(deps.dataDir);
  const tender = createCardTender({
    setup: () => settings.read(),
    readerDriver: () => readerDriver.read(),
    api: () => api,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    logger: deps.logger,
    paymentExternalId: services.paymentExternalId,
  });
  const phone = createPhoneTender({
    setup: () => settings.read(),
    api: () => api,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    logger: deps.logger,
    paymentExternalId: services.paymentExternalId,
  });
  const paystackStored = createStripeSettingsStore({
    dataDir: deps.dataDir,
    fileName: 'paystack.json',
    keyEnv: paystackKeyEnv,
    ...(options.env ? { env: options.env } : {}),
    ...(options.secretBox ? { secretBox: options.secretBox } : {}),
  });
  let paystackCurrent: StripeSettingsStore = paystackStored;
  let paystackApi = options.paystackApi;
  let demoPaystack: DemoPaystack | null = null;
  // Paystack's key as it is now: the data folder's, or demo mode's simulator.
  const paystackSettings: StripeSettingsStore = {
    read: () => paystackCurrent.read(),
    keySource: () => paystackCurrent.keySource(),
    saveKey: (key) => paystackCurrent.saveKey(key),
    removeKey: () => paystackCurrent.removeKey(),
    saveLocation: (id) => paystackCurrent.saveLocation(id),
    saveReader: (id) => paystackCurrent.saveReader(id),
    saveTipping: (on) => paystackCurrent.saveTipping(on),
  };
  const paystack = createPaystackTender({
    setup: () => paystackSettings.read(),
    apiBase: () => paystackApi,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    logger: deps.logger,
    paymentExternalId: services.paymentExternalId,
  });
  const handlers: PartialHandlerImpls = {
    ...createStripeHandlers({
      settings,
      tender,
      phone,
      audit: services.audit,
      paymentExternalId: services.paymentExternalId,
    }),
    ...createReaderPickerHandlers({ settings, tender, audit: services.audit }),
    ...createSdkHandlers({
      settings,
      tender,
      driver: readerDriver,
      audit: services.audit,
      paymentExternalId: services.paymentExternalId,
    }),
    ...createPaystackHandlers({
      settings: paystackSettings,
      tender: paystack,
      audit: services.audit,
      apiBase: () => paystackApi,
    }),
    ...createPaystackWebhookHandler({
      db: deps.db,
      settings: paystackSettings,
      tender: paystack,
      now: deps.now,
    }),
  };
  return {
    handlers,
    tender,
    phone,
    paystack,
    tenders: [tender, phone, paystack],
    settings,
    async start() {
      if (deps.config.mode !== 'demo') return;
      if (!options.paystackApi) {
        demoPaystack = await startDemoPaystack();
        paystackApi = demoPaystack.sim.baseUrl;
        paystackCurrent = demoPaystack.settings;
      }
      if (options.stripeApi) return;
      demo = await startDemoStripe();
      api = demo.sim.clientOptions;
      current = demo.settings;
      deps.logger.info(
        { port: demo.sim.port },
        'demo mode: the Stripe simulator is running with a simulated reader',
      );
    },
    close: () => {
      tender.stop();
      phone.stop();
      paystack.stop();
      void demo?.close();
      void demoPaystack?.close();
    },
  };
}
