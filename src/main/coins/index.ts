/**
 * Store coins (asset COIN): packages with bonus coins sold as order lines (their coins post when the
 * order is paid: the orders domain's settle hook), the `coins` tender (decided at once, from the order's
 * customer, at the store's coin value), gifts and tips between customers, balances, lifetime figures and
 * history, expiry with breakage (background service `coins.expire`), and the liability. The ledger
 * layout is in coinLedger.ts.
 *
 * Built before the payments domain (its tender goes into the registry) and given the orders port once
 * the orders domain exists (`connectOrders`).
 */
import { type AuditService } from '../audit';
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { type CustomersService } from '../customers';
import { type Ledger, type NewTransferInput } from '../ledger';
import { type TenderAdapter } from '../payments';
import { coinBalanceNote, exportCoins } from './balances';
import { readCoinSettings, savePackageRow, writeCoinSettings, moveCoinRows } from './coinsStore';
import { createCoinsTender } from './coinsTender';
import { createCoinsContext, type CoinsContext, type CoinsOrdersPort } from './context';
import { createExpiryService } from './expiry';
import { mergeCoins } from './gifts';
import { createCoinsHandlers } from './handlers';
import { defaultPackages } from './packages';
import { settleTopUps, type HookLine } from './topUp';
import { refundTopUps, topUpRefundValue } from './topUpRefund';

export { bonusCoinsOf, totalCoinsOf, defaultPackages } from './packages';
export { expireCoins, addMonthsUtc } from './expiry';
export { sumOfCustomerBalances } from './balances';
export { coinsTenderKind } from './coinsTender';
export { type CoinsOrdersPort } from './context';

export interface CoinsModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly tender: TenderAdapter;
  readonly context: CoinsContext;
  /** Hands the coins domain the orders port, and returns the orders hooks it plugs in. */
  connectOrders(port: CoinsOrdersPort): {
    onSettle(input: {
      orderId: string;
      currency: string;
      lines: readonly HookLine[];
      staffId: string;
    }): NewTransferInput[];
    onRefund(input: {
      orderId: string;
      refundId: string;
      currency: string;
      lines: readonly { lineId: string; quantity: number; netMinor: bigint }[];
      staffId: string;
    }): NewTransferInput[];
    customerNote(orderId: string): string | null;
    refundValue(input: {
      orderId: string;
      lineId: string;
      quantity: number;
      netMinor: bigint;
    }): bigint | null;
  };
}

export function createCoinsModule(
  deps: CoreDeps,
  services: {
    ledger: Ledger;
    audit: AuditService;
    customers: CustomersService;
    currency: () => string;
    expiryIntervalMs?: number;
  },
): CoinsModule {
  const cc = createCoinsContext(deps, services);
  services.customers.onMerge((duplicateId, keepId, staffId) => {
    mergeCoins(cc, duplicateId, keepId, staffId);
    moveCoinRows(deps.db, duplicateId, keepId);
  });
  services.customers.addExporter((customerId) => exportCoins(cc, customerId));
  return {
    handlers: createCoinsHandlers(cc),
    tender: createCoinsTender(cc, services.ledger),
    context: cc,
    services: [createExpiryService(cc, services.expiryIntervalMs)],
    connectOrders(port) {
      cc.setOrders(port);
      return {
        onSettle: (input) => settleTopUps(cc, input),
        onRefund: (input) => refundTopUps(cc, input),
        customerNote: (orderId) => coinBalanceNote(cc, orderId),
        refundValue: (input) => topUpRefundValue(cc, input),
      };
    },
    // The first start of a store: coin value 1 minor unit, no expiry, and the default packages.
    start() {
      deps.db.transaction(() => {
        const at = deps.now().toISOString();
        const fresh = writeCoinSettings(deps.db, readCoinSettings(deps.db), at, true);
        if (!fresh) return;
        defaultPackages.forEach((spec, index) => {
          savePackageRow(
            deps.db,
            {
              id: cc.newId(),
              name: spec.name,
              coins: spec.coins,
              bonusPercent: spec.bonusPercent,
              prices: spec.prices,
              active: true,
              sort: index + 1,
            },
            at,
          );
        });
      })();
      return Promise.resolve();
    },
  };
}
