/**
 * Payments: a domain of its own. Every way of paying registers a `TenderAdapter` (tender.ts) in the
 * tender registry (cash here; card, crypto and coins from their domains, or `tenders` given to the
 * core); one flow serves them all (service.ts): a payment is written `pending` with a pending ledger
 * transfer, and its tender's report posts or voids it, by the pure rule `paymentStep`
 * (transitions.ts). Money back to customers goes the same way (giveBack.ts). The orders domain plugs
 * in through `OrderSettlementPort` (ports.ts). Background services: start-up reconciliation of every
 * payment and refund share left pending, the expiry of payments a tender holds too long, and the
 * ledger's expiry of timed-out pending transfers.
 */
import { type AuditService } from '../audit';
import {
  createIntervalService,
  type BackgroundService,
  type PartialHandlerImpls,
  type CoreDeps,
  type DomainModule,
} from '../kernel';
import { type Account, type Ledger } from '../ledger';
import { createCashAdapter } from './cash/cashAdapter';
import { createGiveBack, type GiveBack } from './giveBack';
import { createPaymentHandlers } from './handlers';
import { createTenderRegistry, type TenderRegistry } from './registry';
import { createPaymentsCore, type PaymentsCore } from './service';
import { systemActorId } from './startPayment';
import { type TenderAccount, type TenderAdapter } from './tender';

export * from './tender';
export { paymentStatuses, paymentStep, type PaymentStep, type ReportedStatus } from './transitions';
export { type PaymentRecord } from './paymentsStore';
export { type RefundShareRecord } from './refundSharesStore';
export { type OrderSettlementPort } from './ports';
export { type TenderInfo, type TenderRegistry } from './registry';
export { receivableAccountCode } from './service';
export { systemActorId, type StartPaymentInput } from './startPayment';
export { type PlannedShare, type BeginGiveBackInput } from './giveBack';
export { planExactAmount } from './planExact';
export { createDeferredTender, type DeferredTender } from './testTender';
export { createCashAdapter, cashDrawerAccountCode, cashDrawerRef } from './cash/cashAdapter';
export {
  cashAmountDue,
  planCashTender,
  quickAmounts,
  quickAmountBillUnits,
  type CashTenderInput,
  type CashTenderPlan,
} from './cash/cashRules';

export type PaymentsService = PaymentsCore & {
  readonly giveBack: GiveBack;
  /** Hands every payment and refund share left pending to its tender (start-up reconciliation). */
  reconcileNow(): Promise<{ payments: number; shares: number }>;
};

export interface PaymentsModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: PaymentsService;
  readonly registry: TenderRegistry;
}

export interface PaymentsModuleServices {
  readonly ledger: Ledger;
  readonly audit: AuditService;
  /** Makes (or finds) the ledger account of a tender's account key (the shifts domain makes cash drawers). */
  readonly resolveAccount: (key: TenderAccount, currency: string) => Account;
  /** Tenders beside cash. */
  readonly tenders?: readonly TenderAdapter[];
  /** How often the expiry of overdue payments and pending transfers runs (default 5 s). */
  readonly expiryIntervalMs?: number;
}

export function createPaymentsModule(deps: CoreDeps, services: PaymentsModuleServices): PaymentsModule {
  const registry = createTenderRegistry();
  registry.register(createCashAdapter());
  for (const tender of services.tenders ?? []) registry.register(tender);
  const core = createPaymentsCore({
    deps,
    ledger: services.ledger,
    audit: services.audit,
    registry,
    resolveAccount: services.resolveAccount,
  });
  const giveBack = createGiveBack(core);
  const service: PaymentsService = Object.assign(core, {
    giveBack,
    async reconcileNow() {
      const payments = await core.reconcilePayments();
      const shares = await giveBack.reconcileShares();
      return { payments, shares };
    },
  });

  const stops: (() => void)[] = [];
  const listen = () => {
    for (const adapter of registry.all()) {
      stops.push(
        adapter.onUpdate((update) => {
          try {
            if ('payment' in update) core.apply(update.payment, systemActorId);
            else giveBack.applyShare(update.refund, systemActorId);
          } catch (error) {
            deps.logger.error({ err: error, kind: adapter.kind }, 'a tender update could not be applied');
          }
        }),
      );
    }
  };

  const intervalMs = services.expiryIntervalMs ?? 5_000;
  let reconciled = false;
  const background: BackgroundService[] = [
    createIntervalService({
      name: 'payments.reconcile',
      intervalMs,
      runAtStart: true,
      logger: deps.logger,
      now: deps.now,
      // The first round hands every pending payment and share to its tender; later rounds expire
      // the payments their tender held past its timeout.
      tick: async () => {
        if (!reconciled) {
          await service.reconcileNow();
          reconciled = true;
        } else {
          await core.reconcilePayments(true);
        }
      },
    }),
    createIntervalService({
      name: 'ledger.expirePending',
      intervalMs,
      logger: deps.logger,
      now: deps.now,
      tick: () => services.ledger.expirePending(),
    }),
  ];

  return {
    handlers: createPaymentHandlers(core),
    service,
    registry,
    services: background,
    start: () => {
      listen();
      return Promise.resolve();
    },
    close: () => {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
