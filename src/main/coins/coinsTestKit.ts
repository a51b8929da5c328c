/**
 * For the coins tests: a sales till (orders/salesTestKit) with customers, top-ups, coin payments and
 * the coins context rebuilt on the core's database for what no handler does (expiry at a chosen time).
 * Used by tests only.
 */
import pino from 'pino';
import { type ApiOutput } from '../../shared/api';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createCoinsContext, type CoinsContext } from './context';
import { createCustomersService } from '../customers/service';
import { type TenderAdapter } from '../payments';

export type Balance = ApiOutput<'coins.balance'>;

export interface CoinsTill extends SalesTill {
  packageId(name: string): Promise<string>;
  customer(name: string, extra?: { phone?: string; email?: string }): Promise<string>;
  /** A paid order that sells `packageName` to the customer, paid in cash. */
  topUp(customerId: string, packageName: string): Promise<string>;
  balance(code: string, ref?: string): bigint;
  coins(customerId: string): Promise<Balance>;
  /** The coins context on the core's database (audit entries are not written by it). */
  coinsContext(now: () => Date): CoinsContext;
}

export async function openCoinsTill(
  options: { tenders?: readonly TenderAdapter[] } = {},
): Promise<CoinsTill> {
  const till = await openSalesTill(options);
  const packageId = async (name: string) => {
    const { packages } = await till.core.call('coins.packages', {}, till.cashier.session);
    const found = packages.find((p) => p.name === name);
    if (!found) throw new Error(`No package ${name}.`);
    return found.id;
  };
  return Object.assign(till, {
    packageId,
    async customer(name: string, extra: { phone?: string; email?: string } = {}) {
      const { customer } = await till.core.call('customers.create', { name, ...extra }, till.cashier.session);
      return customer.id;
    },
    async topUp(customerId: string, packageName: string) {
      const orderId = await till.newOrder();
      const { order } = await till.core.call(
        'coins.addTopUp',
        { orderId, packageId: await packageId(packageName), customerId },
        till.cashier.session,
      );
      await till.payCash(orderId, BigInt(order.totals.totalMinor));
      return orderId;
    },
    coins: (customerId: string) => till.core.call('coins.balance', { customerId }, till.cashier.session),
    coinsContext(now: () => Date) {
      const deps = { db: till.core.db, now, logger: pino({ level: 'silent' }) } as never;
      const audit = { record: () => ({}) } as never;
      return createCoinsContext(deps, {
        ledger: till.ledger,
        audit,
        customers: createCustomersService(deps, audit),
        currency: () => 'USD',
      });
    },
  });
}
