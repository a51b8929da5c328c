/**
 * Reports and exports: sales figures for any period of store days, from rollups kept in the same
 * transaction as each sale (the orders domain's settle hook), so a report over years reads a few
 * thousand rows; refunds from their own rollups (one row per refund, written when it finishes);
 * coins, crypto and Z reports from their own (indexed) rows; card fees and
 * payouts from Stripe's balance transactions. Exports: CSV, XLSX, PDF and an hledger journal of the
 * ledger (exports/), by the `reports.export` handler and the `tillpoint export` command.
 *
 * `createReportsModule(deps, services)` gives the `reports.*` handlers, the settle hook
 * (`orderHooks`, for `orders.service.addHooks`) and `rollups` (rebuild from raw rows); its start
 * rebuilds the rollups when the migration (or a change of time zone) left them stale.
 */
import type Stripe from 'stripe';
import { type CoreDeps, type DomainModule, type PartialHandlerImpls } from '../kernel';
import { type OrderHooks } from '../orders';
import { createReportsHandlers } from './handlers';
import { type CryptoRatesPort } from './otherTables';
import { type ReportContext } from './report';
import { createRollups, type Rollups } from './rollups';
import { type CryptoFactsPort } from './saleReader';

export { buildReport, dayOrders, type ReportContext } from './report';
export { createRollups, rebuildRollups, type Rollups } from './rollups';
export { createStoreTime, type StoreTime } from './storeTime';
export { exportFiles, type ExportFile } from './exports/files';
export { hledgerJournal } from './exports/hledger';
export { type CryptoFactsPort, type CryptoFact } from './saleReader';
export { type CryptoRatesPort } from './otherTables';
export { saleFacts, type SaleRecord } from './facts';
// For the benchmark: the bulk path of the rollups and the report queries it times.
export { createRollupAccumulator } from './rollupStore';
export { writeMeta } from './rollups';
export { summaryOf, salesReport, dimRows, byDayTable } from './salesReport';
export { refundsOfPeriod } from './rawRefunds';
export { rebuildRefundRollups } from './refundRollups';

export interface ReportsModuleServices {
  /** The store's settings as reports need them. */
  readonly settings: () => { currency: string; timeZone: string };
  /** A Stripe client for this till's key, or null when Stripe is not set up (card fees and payouts). */
  readonly stripe?: () => Stripe | null;
  /** What the crypto domain says about its payments (default: payments.details, then crypto_invoices). */
  readonly crypto?: CryptoFactsPort;
  /** Today's rate of a crypto asset, for "worth now" (absent: not shown). */
  readonly rates?: CryptoRatesPort;
}

export interface ReportsModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly rollups: Rollups;
  /** For `orders.service.addHooks`: rolls a sale up inside the transaction that makes it paid. */
  readonly orderHooks: OrderHooks;
  context(): ReportContext;
}

export function createReportsModule(deps: CoreDeps, services: ReportsModuleServices): ReportsModule {
  const rollups = createRollups(deps.db, {
    timeZone: () => services.settings().timeZone,
    logger: deps.logger,
    ...(services.crypto ? { crypto: services.crypto } : {}),
  });
  const context = (): ReportContext => {
    if (rollups.isStale()) {
      const done = rollups.rebuild();
      deps.logger.info(done, 'reports: rollups rebuilt from the raw rows');
    }
    return {
      db: deps.db,
      time: rollups.time(),
      currency: services.settings().currency,
      rates: services.rates,
    };
  };
  return {
    handlers: createReportsHandlers({ context, stripe: () => services.stripe?.() ?? null }),
    rollups,
    context,
    orderHooks: {
      onSettle: (input) => {
        rollups.recordSale(input.orderId);
        return [];
      },
      onRefundDone: (input) => {
        rollups.recordRefund(input.refundId);
      },
    },
    start: () => {
      if (rollups.isStale()) {
        const done = rollups.rebuild();
        deps.logger.info(done, 'reports: rollups rebuilt from the raw rows');
      }
      return Promise.resolve();
    },
  };
}
