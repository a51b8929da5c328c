/**
 * createCore builds every service of a till on one data folder: opens the database, applies
 * migrations, wires the domains' handlers into one dispatcher, and closes it all cleanly.
 */
import pino, { type Logger } from 'pino';
import {
  ApiCallError,
  handlers,
  type ApiInput,
  type ApiOutput,
  type CallResult,
  type HandlerName,
} from '../../shared/api';
import { createSystemModule } from '../system';
import { createAuditModule } from '../audit';
import { createStaffModule, type DeviceSecretProvider, type PinHashParams } from '../staff';
import { createCatalogModule } from '../catalog';
import { createLedgerModule } from '../ledger';
import { createSettingsModule, type SettingsService } from '../settings';
import { createShiftsModule } from '../shifts';
import { createDemoModule } from '../demo';
import { createOrdersModule } from '../orders';
import { createCardModule, type CardModuleOptions } from '../card';
import { createCustomersModule } from '../customers';
import { createCoinsModule } from '../coins';
import { createVendorsModule } from '../vendors';
import { createMembershipsModule } from '../memberships';
import { createFxModule } from '../fx';
import { createCryptoModule, type CryptoModuleOptions } from '../crypto';
import { createSyncModule, guardCoinsTender, type SyncModuleOptions, type SyncService } from '../sync';
import { createReportsModule } from '../reports';
import {
  cashDrawerAccountCode,
  createPaymentsModule,
  type PaymentsService,
  type TenderAdapter,
} from '../payments';
import {
  runServices,
  type ServiceHealth,
  coreConfigSchema,
  type CoreConfig,
  type CoreConfigInput,
  type SessionResolver,
  createCheckpointService,
  finalCheckpoint,
  openDatabase,
  type Db,
  createDispatcher,
  missingHandlers,
  type HandlerImpls,
  type PartialHandlerImpls,
  EventBus,
  applyMigrations,
  migrations,
  type CoreDeps,
  type DomainModule,
  type ReceiptPrinter,
} from '../kernel';

export interface CreateCoreOptions {
  dataDir: string;
  config?: CoreConfigInput;
  logger?: Logger;
  now?: () => Date;
  nativeBinding?: string;
  /** The door's receipt printer, when it has one (the Electron shell). */
  printer?: ReceiptPrinter;
  /** The key PIN hashes are keyed with (the Electron shell's is sealed by safeStorage); default: DIR/device.key. */
  deviceSecret?: DeviceSecretProvider;
  /**
   * scrypt's cost for new PIN hashes (default: production's). Tests of other domains than staff
   * lower it (`testPinHashParams`); the doors never pass it.
   */
  pinHashParams?: PinHashParams;
  /** Tenders beside cash (tests hand in a tender whose payments settle later). */
  tenders?: readonly TenderAdapter[];
  /** The card tender's Stripe: where its requests go (the simulator in demo mode), the key's sealing. */
  card?: CardModuleOptions;
  /** Crypto invoices: the chain, URI, QR and rate libraries (tests hand in fakes). */
  crypto?: CryptoModuleOptions;
  /** How long close() waits for each background service to stop (default 5 s). */
  stopDeadlineMs?: number;
  /** Sync to a central PostgreSQL (default: TILLPOINT_DATABASE_URL or DIR/sync.json, else off). */
  sync?: SyncModuleOptions;
}

export interface Core {
  readonly dataDir: string;
  readonly config: CoreConfig;
  readonly events: EventBus;
  readonly logger: Logger;
  /** The database, for tests and benchmarks that check invariants; domains own their tables. */
  readonly db: Db;
  /** Untyped entry for the doors: never throws, returns the data or an ApiError. */
  invoke(name: string, input: unknown, session?: string | null): Promise<CallResult>;
  /** Typed entry for tests and in-process callers: returns the data or throws ApiCallError. */
  call<N extends HandlerName>(name: N, input: ApiInput<N>, session?: string | null): Promise<ApiOutput<N>>;
  /** The payments domain's service (tests drive tenders and reconciliation through it). */
  readonly payments: PaymentsService;
  /** The sync to the central PostgreSQL: status, retry, the Prometheus metrics. */
  readonly sync: SyncService;
  /** Stops the background services (reverse order, with a deadline), then closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the domains of the core, wiring the services one domain offers another (sales uses the
 * ledger, the catalog and staff approvals). Each domain returns its handlers.
 */
function buildDomains(
  deps: CoreDeps,
  tenders: readonly TenderAdapter[],
  staffOptions: { deviceSecret?: DeviceSecretProvider; pinHashParams?: PinHashParams },
  cardOptions?: CardModuleOptions,
  cryptoOptions?: CryptoModuleOptions,
): { modules: DomainModule[]; payments: PaymentsService; settings: SettingsService } {
  const system = createSystemModule(deps);
  const audit = createAuditModule(deps);
  const staff = createStaffModule(deps, {
    audit: audit.service,
    ...(staffOptions.deviceSecret ? { deviceSecret: staffOptions.deviceSecret } : {}),
    ...(staffOptions.pinHashParams ? { pinHashParams: staffOptions.pinHashParams } : {}),
  });
  const ledger = createLedgerModule(deps);
  const catalog = createCatalogModule(deps);
  const settings = createSettingsModule(deps, { audit: audit.service });
  // A fixed PIN length only when every active member's PIN has it (else someone could not log in).
  settings.service.addFieldGuard('pinLength', (pinLength) => staff.service.pinLengthRefusal(pinLength));
  const shifts = createShiftsModule(deps, {
    ledger: ledger.ledger,
    settings: settings.service,
    staff: staff.service,
    audit: audit.service,
  });
  // The card tender (Stripe Terminal); a tender of the same kind handed in by the caller (tests) wins.
  const card = createCardModule(
    deps,
    {
      audit: audit.service,
      paymentExternalId: (paymentId) => payments.service.get(paymentId)?.externalId ?? null,
    },
    cardOptions,
  );
  const customers = createCustomersModule(deps, { audit: audit.service });
  const coins = createCoinsModule(deps, {
    ledger: ledger.ledger,
    audit: audit.service,
    customers: customers.service,
    currency: () => settings.service.get().currency,
  });
  const fx = createFxModule(deps, {
    ledger: ledger.ledger,
    audit: audit.service,
    currency: () => settings.service.get().currency,
    drawerAccount: (shiftId) => shifts.service.drawerAccount(shiftId),
  });
  // Tenders of the domains (card, coins, foreign cash); a tender of the same kind handed in by the caller wins.
  const crypto = createCryptoModule(
    deps,
    { audit: audit.service, currency: () => settings.service.get().currency },
    cryptoOptions,
  );
  // The coins tender says the coin rule's refusal in words when sync is on (src/main/sync/coinRule.ts).
  const ownTenders = [...card.tenders, guardCoinsTender(coins.tender), fx.tender, crypto.tender].filter(
    (own) => !tenders.some((t) => t.kind === own.kind),
  );
  const payments = createPaymentsModule(deps, {
    ledger: ledger.ledger,
    audit: audit.service,
    tenders: [...tenders, ...ownTenders],
    resolveAccount: (key, currency) =>
      key.code === cashDrawerAccountCode && key.ref.startsWith('shift:')
        ? shifts.service.drawerAccount(key.ref.slice('shift:'.length))
        : ledger.ledger.ensureAccount({ asset: currency, code: key.code, ref: key.ref }),
  });
  const orders = createOrdersModule(deps, {
    ledger: ledger.ledger,
    catalog: catalog.service,
    staff: staff.service,
    audit: audit.service,
    settings: settings.service,
    shifts: shifts.service,
    payments: payments.service,
  });
  orders.service.addHooks(
    coins.connectOrders({
      addCustomLine: (ctx, orderId, name, unitPriceMinor, approval) =>
        orders.service.addCustomLine(ctx, orderId, name, unitPriceMinor, approval),
      view: (orderId) => orders.service.view(orderId),
      announce: (orderId) => orders.service.announce(orderId),
    }),
  );
  const vendors = createVendorsModule(deps, {
    ledger: ledger.ledger,
    audit: audit.service,
    currency: () => settings.service.get().currency,
    drawerAccount: () => shifts.service.drawerAccount(shifts.service.requireOpenShift().id),
  });
  orders.service.addHooks({
    onSettle: (input) => vendors.service.onSettle(input),
    onRefund: (input) => vendors.service.onRefund(input),
  });
  const memberships = createMembershipsModule(deps, {
    ledger: ledger.ledger,
    audit: audit.service,
    customers: customers.service,
    currency: () => settings.service.get().currency,
    orders: () => orders.service,
  });
  orders.service.addHooks({
    onSettle: (input) => memberships.service.onSettle(input),
    onRefundDone: (input) => memberships.service.onRefundDone(input),
  });
  fx.connect({ payments: payments.service, orderView: (orderId) => orders.service.view(orderId) });
  crypto.connect({ payments: payments.service, orderView: (orderId) => orders.service.view(orderId) });
  // Reports: rollups kept in each sale's transaction (its settle hook runs after the others').
  const reports = createReportsModule(deps, {
    settings: () => settings.service.get(),
    stripe: () => {
      const setup = card.settings.read();
      return setup ? card.tender.client(setup.secretKey) : null;
    },
  });
  orders.service.addHooks(reports.orderHooks);
  shifts.service.setSalesSummary((shiftId) => orders.service.summarizeShift(shiftId));
  shifts.service.setPaymentsPort({
    inFlight: (shiftId) =>
      payments.service
        .inFlight(shiftId)
        .filter((payment) => !payment.carried)
        .map((payment) => ({
          paymentId: payment.id,
          orderId: payment.orderId,
          kind: payment.kind,
          amountMinor: payment.amountMinor,
        })),
    carry: (paymentIds) => payments.service.carry(paymentIds),
  });
  const demo = createDemoModule(deps, {
    staff: staff.service,
    catalog: catalog.service,
    settings: settings.service,
  });
  return {
    modules: [
      system,
      audit,
      staff,
      ledger,
      catalog,
      settings,
      shifts,
      card,
      customers,
      coins,
      payments,
      orders,
      vendors,
      memberships,
      fx,
      crypto,
      reports,
      demo,
    ],
    payments: payments.service,
    settings: settings.service,
  };
}

export async function createCore(options: CreateCoreOptions): Promise<Core> {
  const config = coreConfigSchema.parse(options.config ?? {});
  const logger = options.logger ?? pino({ level: config.logLevel, name: 'tillpoint' });
  const now = options.now ?? (() => new Date());
  const db = openDatabase(
    options.dataDir,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    const applied = applyMigrations(db, migrations, now);
    if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  } catch (error) {
    db.close();
    throw error;
  }

  const events = new EventBus();
  let serviceHealth: () => readonly ServiceHealth[] = () => [];
  const deps: CoreDeps = {
    db,
    dataDir: options.dataDir,
    config,
    events,
    logger,
    now,
    startedAt: now(),
    ...(options.printer ? { printer: options.printer } : {}),
    serviceHealth: () => serviceHealth(),
  };
  const built = buildDomains(
    deps,
    options.tenders ?? [],
    {
      ...(options.deviceSecret ? { deviceSecret: options.deviceSecret } : {}),
      ...(options.pinHashParams ? { pinHashParams: options.pinHashParams } : {}),
    },
    options.card,
    options.crypto,
  );
  const { payments } = built;
  // A pull may bring the central copy of the store settings: the settings service reads them again.
  const sync = createSyncModule(deps, {
    ...options.sync,
    onPulled: (applied) => {
      if (applied.tables.includes('settings')) built.settings.reload();
      options.sync?.onPulled?.(applied);
    },
  });
  const modules = [...built.modules, sync];

  const impls: PartialHandlerImpls = {};
  const resolvers: SessionResolver[] = [];
  for (const module of modules) {
    Object.assign(impls, module.handlers);
    if (module.resolveSession) resolvers.push(module.resolveSession);
  }
  const missing = missingHandlers(impls, Object.keys(handlers) as HandlerName[]);
  if (missing.length > 0) {
    db.close();
    throw new Error(`The core has no implementation for: ${missing.join(', ')}`);
  }
  // Start-up work of a domain (the demo seed) runs before any door can serve a call.
  try {
    for (const module of modules) await module.start?.();
  } catch (error) {
    db.close();
    throw error;
  }

  const dispatcher = createDispatcher({
    impls: impls as HandlerImpls,
    resolveSession: (session) => {
      for (const resolve of resolvers) {
        const staff = resolve(session);
        if (staff) return staff;
      }
      return null;
    },
    logger,
  });

  const services = runServices(
    [createCheckpointService(db, logger, now), ...modules.flatMap((module) => module.services ?? [])],
    logger,
  );
  serviceHealth = services.health;
  await services.startAll();
  let closing: Promise<void> | null = null;
  return {
    dataDir: options.dataDir,
    config,
    events,
    logger,
    db,
    invoke: (name, input, session = null) => dispatcher.invoke(name, input, session),
    async call(name, input, session = null) {
      const result = await dispatcher.invoke(name, input, session);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.data as ApiOutput<typeof name>;
    },
    payments,
    sync: sync.service,
    close() {
      closing ??= (async () => {
        await services.stopAll(options.stopDeadlineMs ?? 5_000);
        for (const module of [...modules].reverse()) module.close?.();
        finalCheckpoint(db);
        db.close();
      })();
      return closing;
    },
  };
}
