/**
 * Top-ups: a coin package sold as an order line, paid with any tender. Choice: the coins post in the
 * transaction that makes the order paid, linked with the sale's postings (the orders domain's settle
 * hook), so a top-up paid by a card or a chain that settles later credits nothing until its last
 * payment posts, and a failed payment credits nothing at all. At settle, per top-up line:
 *
 * - COIN: coins_issued → customer, `coins_bought` (package coins × quantity) and `coins_bonus`.
 * - store currency: sales_revenue → coins_liability (`coins_sold`, the line's net revenue: a top-up is
 *   not revenue until the coins are spent or expire), and the bonus (face value − net revenue) from
 *   coins_bonus_expense (`coins_bonus`; the other way round when the line sold above face value).
 *
 * A refund of a top-up line gives back its unspent part only (topUpRefund.ts).
 */
import { TillpointError } from '../../shared/api/errors';
import { type StaffCallContext } from '../kernel';
import { type NewTransferInput } from '../ledger';
import {
  bonusExpenseCode,
  COIN,
  customerAccount,
  issuedAccount,
  liabilityCode,
  moneyAccount,
} from './coinLedger';
import { getPackage, insertTopUp, markTopUpPosted, readCoinSettings, topUpsOfOrder } from './coinsStore';
import { type CoinsContext } from './context';
import { bonusCoinsOf } from './packages';
import { touchCoinsActive } from './activity';

export function addTopUp(
  cc: CoinsContext,
  ctx: StaffCallContext,
  input: {
    orderId: string;
    packageId: string;
    customerId?: string | undefined;
    approval?: string | undefined;
  },
): string {
  const { db } = cc.deps;
  const staffId = ctx.staff?.staffId ?? 'system';
  db.transaction(() => {
    if (input.customerId !== undefined) cc.customers.setForOrder(input.orderId, input.customerId, staffId);
    const customer = cc.customers.ofOrder(input.orderId);
    if (!customer) {
      throw new TillpointError(
        'bad_input',
        'A top-up needs the customer whose coins it buys: choose the customer first.',
        {
          orderId: input.orderId,
          reason: 'no_customer',
        },
      );
    }
    cc.customers.requireLive(customer.id);
    const pkg = getPackage(db, input.packageId);
    if (!pkg || !pkg.active) {
      throw new TillpointError('not_found', `No coin package ${input.packageId} on sale.`, {
        packageId: input.packageId,
      });
    }
    const currency = cc.currency();
    const price = pkg.prices[currency];
    if (price === undefined) {
      throw new TillpointError('bad_input', `The ${pkg.name} package has no price in ${currency}.`, {
        packageId: pkg.id,
        currency,
        reason: 'no_price',
      });
    }
    const bonus = bonusCoinsOf(pkg.coins, pkg.bonusPercent);
    const name =
      bonus > 0n ? `${pkg.name} coins (${pkg.coins} + ${bonus} bonus)` : `${pkg.name} coins (${pkg.coins})`;
    const lineId = cc.orders().addCustomLine(ctx, input.orderId, name, price, input.approval);
    insertTopUp(
      db,
      {
        lineId,
        orderId: input.orderId,
        customerId: customer.id,
        packageId: pkg.id,
        coins: pkg.coins,
        bonus,
        postedAt: null,
      },
      cc.nowIso(),
    );
    cc.audit.record({
      staffId,
      action: 'coins.topUpAdded',
      ref: input.orderId,
      details: { lineId, packageId: pkg.id, customerId: customer.id, coins: pkg.coins, bonus },
    });
  })();
  cc.orders().announce(input.orderId);
  return input.orderId;
}

export interface HookLine {
  readonly lineId: string;
  readonly quantity: number;
  readonly revenueMinor: bigint;
}

/** The settle hook: the coins and the liability of an order's top-up lines, linked with the sale. */
export function settleTopUps(
  cc: CoinsContext,
  input: { orderId: string; currency: string; lines: readonly HookLine[]; staffId: string },
): NewTransferInput[] {
  const { db } = cc.deps;
  const { ledger } = cc;
  const topUps = topUpsOfOrder(db, input.orderId).filter((t) => t.postedAt === null);
  if (topUps.length === 0) return [];
  const { coinValueMinor } = readCoinSettings(db);
  const at = cc.nowIso();
  const transfers: NewTransferInput[] = [];
  const push = (debit: string, credit: string, amount: bigint, asset: string, code: string) => {
    if (amount > 0n) {
      transfers.push({
        id: cc.newId(),
        debitAccountId: debit,
        creditAccountId: credit,
        amount,
        asset,
        code,
        ref: `order:${input.orderId}`,
        staffId: input.staffId,
      });
    }
  };
  const issued = issuedAccount(ledger).id;
  const liability = moneyAccount(ledger, liabilityCode, input.currency).id;
  const revenue = moneyAccount(ledger, 'sales_revenue', input.currency).id;
  const bonusExpense = moneyAccount(ledger, bonusExpenseCode, input.currency).id;
  for (const topUp of topUps) {
    const line = input.lines.find((l) => l.lineId === topUp.lineId);
    if (!line) continue; // the line was removed from the cart
    const quantity = BigInt(line.quantity);
    const coins = topUp.coins * quantity;
    const bonus = topUp.bonus * quantity;
    const customer = customerAccount(ledger, topUp.customerId).id;
    push(issued, customer, coins, COIN, 'coins_bought');
    push(issued, customer, bonus, COIN, 'coins_bonus');
    push(revenue, liability, line.revenueMinor, input.currency, 'coins_sold');
    const faceMinor = (coins + bonus) * coinValueMinor;
    const gap = faceMinor - line.revenueMinor;
    if (gap > 0n) push(bonusExpense, liability, gap, input.currency, 'coins_bonus');
    if (gap < 0n) push(liability, bonusExpense, -gap, input.currency, 'coins_bonus');
    markTopUpPosted(db, topUp.lineId, at);
    touchCoinsActive(db, topUp.customerId, at);
  }
  return transfers;
}
