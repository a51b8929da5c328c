/**
 * Crypto payments: a domain of its own. It offers
 * - the `crypto` tender (tender.ts): a payment is an invoice, pending in the ledger until it settles;
 * - the invoice engine (engine.ts): fresh addresses from watch-only wallets, the locked rate, one
 *   watcher per chain that has invoices (started on demand), the pure lifecycle (lifecycle.ts);
 * - the handlers `wallets.*`, `chains.*`, `invoices.*`, `cryptoRefunds.*`, `rates.*`, `crypto.*`;
 * - the background service `crypto.invoices` (expiries, watchers handed their addresses);
 * - in demo mode, simulated chains in this process with a demo wallet (demo.ts).
 * The chain, URI, QR and rate libraries come in through one port (`CryptoLibs`, libs.ts).
 */
import { type ApiOutput } from '../../shared/api';
import { type AuditService } from '../audit';
import {
  createIntervalService,
  type BackgroundService,
  type CoreDeps,
  type DomainModule,
  type PartialHandlerImpls,
} from '../kernel';
import { type PaymentsService } from '../payments';
import { createEngine, type CryptoEngine } from './engine';
import { createCryptoHandlers } from './handlers';
import { type CryptoLibs } from './libs';
import { createCryptoStore, type InvoiceRecord } from './store';
import { createCryptoTender, type CryptoTender } from './tender';
import { readCryptoSettings } from './settings';
import { startCryptoDemo, type CryptoDemo } from './demo';
import { createRealLibs } from './realLibs';

export {
  invoiceLifecycle,
  type LifecycleInvoice,
  type LifecyclePayment,
  type LifecycleState,
} from './lifecycle';
export { cryptoTenderKind, cryptoAccountCode, type CryptoTender } from './tender';
export { type CryptoLibs, type ChainConfig, type ChainAsset, RateUnavailable } from './libs';
export { cryptoAmountFor, unitsToDecimal } from './units';
export { privateKeyKind } from './walletKeys';

export interface CryptoModuleOptions {
  /** The chain, URI, QR and rate libraries (tests hand in fakes); default the real ones. */
  readonly libs?: CryptoLibs;
  /** How often expiries are checked (default 1 s). */
  readonly tickMs?: number;
  /** Demo mode without the simulated chains (tests that bring their own). */
  readonly noDemoChains?: boolean;
  /**
   * Outside demo mode too, the chains are the simulated ones only (and the rates the demo's): for
   * tests and the fuzz run, where no call may wait on the network. `crypto.demoPay` stays demo-only.
   */
  readonly simulatedChains?: boolean;
}

export interface CryptoModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly tender: CryptoTender;
  readonly engine: CryptoEngine;
  connect(ports: {
    payments: PaymentsService;
    orderView(orderId: string): ApiOutput<'orders.get'>['order'];
    /** Prints an order's receipt on this door's printer (auto print when an invoice settles). */
    printReceipt?(orderId: string): Promise<unknown>;
  }): void;
}

export function createCryptoModule(
  deps: CoreDeps,
  services: { audit: AuditService; currency: () => string },
  options: CryptoModuleOptions = {},
): CryptoModule {
  const store = createCryptoStore(deps.db);
  let libs: CryptoLibs =
    options.libs ??
    createRealLibs({
      logger: deps.logger,
      // Demo mode: the simulated chains answer at once, so the watchers ask every second.
      ...(deps.config.mode === 'demo' ? { watcherTiming: { pollIntervalMs: 1_000 } } : {}),
    });
  let linked: Parameters<CryptoModule['connect']>[0] | null = null;
  let demo: CryptoDemo | null = null;
  let tender: CryptoTender | null = null;

  const engine = createEngine({
    deps,
    store,
    libs: () => libs,
    report: (report) => {
      const invoice = store.invoice(report.invoiceId);
      if (!invoice || !tender) return;
      tender.notify({ payment: tender.reportOf(invoice) });
    },
    onSettled: (invoice: InvoiceRecord) => {
      if (!readCryptoSettings(store).autoPrintOnSettle || !linked?.printReceipt) return;
      // The order is paid once the settling payment posts; print after this report is applied.
      setTimeout(() => {
        const order = linked?.orderView(invoice.orderId);
        if (order?.status !== 'paid') return;
        linked
          ?.printReceipt?.(invoice.orderId)
          .catch((error: unknown) =>
            deps.logger.warn(
              { err: error, orderId: invoice.orderId },
              'the receipt of a settled invoice did not print',
            ),
          );
      }, 0).unref();
    },
  });
  tender = createCryptoTender(engine);
  // An order refund's share is done when its crypto refund is seen on the chain (or its txid entered).
  engine.onRefundDone((refundId) => {
    const refund = store.refund(refundId);
    if (refund?.shareId) {
      tender?.notify({
        refund: {
          shareId: refund.shareId,
          status: 'succeeded',
          ...(refund.txid ? { externalId: refund.txid } : {}),
        },
      });
    }
  });
  const handlers = createCryptoHandlers({
    deps,
    engine,
    tender,
    libs: () => libs,
    audit: services.audit,
    payments: () => {
      if (!linked) throw new Error('The crypto domain is not connected to payments.');
      return linked.payments;
    },
    orderView: (orderId) => {
      if (!linked) throw new Error('The crypto domain is not connected to orders.');
      return linked.orderView(orderId);
    },
    currency: services.currency,
    demoPay: () => (demo ? (invoiceId, kind) => demo!.pay(invoiceId, kind) : null),
  });

  let watchersStopped = false;
  const background: BackgroundService[] = [
    createIntervalService({
      name: 'crypto.invoices',
      intervalMs: options.tickMs ?? 1_000,
      runAtStart: true,
      logger: deps.logger,
      now: deps.now,
      tick: () => engine.tick(),
    }),
    {
      name: 'crypto.watchers',
      start: () => {
        watchersStopped = false;
        return Promise.resolve();
      },
      stop: async () => {
        await engine.stop();
        watchersStopped = true;
      },
      health: () => {
        const watchers = engine.watchersHealth();
        const down = watchers.filter((w) => w.state === 'down' || w.state === 'degraded');
        return {
          name: 'crypto.watchers',
          state: watchersStopped ? 'stopped' : 'running',
          lastError: down.length > 0 ? down.map((w) => `${w.chainKey}: ${w.detail}`).join('; ') : null,
          lagMs: null,
          runs: watchers.length,
        };
      },
    },
  ];

  return {
    handlers,
    tender,
    engine,
    services: background,
    connect(ports) {
      linked = ports;
    },
    async start() {
      const simulatedOnly = options.simulatedChains === true;
      if ((deps.config.mode !== 'demo' && !simulatedOnly) || options.noDemoChains) return;
      try {
        demo = await startCryptoDemo({ deps, store, engine });
        libs = demo.libs(libs, simulatedOnly);
      } catch (error) {
        deps.logger.warn(
          { err: error },
          'demo mode: the simulated chains did not start; crypto is not offered',
        );
      }
    },
    close() {
      void engine.stop();
      void demo?.close();
    },
  };
}
