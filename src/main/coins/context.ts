/** What the parts of the coins domain share: the core's deps, the ledger, customers, the orders port. */
import { monotonicFactory } from 'ulid';
import { type ApiOutput } from '../../shared/api';
import { type AuditService } from '../audit';
import { type StaffCallContext, type CoreDeps } from '../kernel';
import { type CustomersService } from '../customers';
import { type Ledger } from '../ledger';

/** The orders domain as the coins domain uses it (given after the orders domain is built). */
export interface CoinsOrdersPort {
  /** Adds a custom, untaxed line to an open order through the cart's rules; returns its id. */
  addCustomLine(
    ctx: StaffCallContext,
    orderId: string,
    name: string,
    unitPriceMinor: bigint,
    approval?: string,
  ): string;
  view(orderId: string): ApiOutput<'orders.get'>['order'];
  announce(orderId: string): void;
}

export interface CoinsContext {
  readonly deps: CoreDeps;
  readonly ledger: Ledger;
  readonly audit: AuditService;
  readonly customers: CustomersService;
  /** The store currency (coins are valued in it). */
  currency(): string;
  orders(): CoinsOrdersPort;
  newId(): string;
  nowIso(): string;
}

export function createCoinsContext(
  deps: CoreDeps,
  services: Pick<CoinsContext, 'ledger' | 'audit' | 'customers' | 'currency'>,
): CoinsContext & { setOrders(port: CoinsOrdersPort): void } {
  const ulid = monotonicFactory();
  let ordersPort: CoinsOrdersPort | null = null;
  return {
    ...services,
    deps,
    orders: () => {
      if (!ordersPort) throw new Error('The coins domain has no orders port yet.');
      return ordersPort;
    },
    setOrders: (port) => {
      ordersPort = port;
    },
    newId: () => ulid(deps.now().getTime()),
    nowIso: () => deps.now().toISOString(),
  };
}
