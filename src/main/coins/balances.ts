/** Balances, lifetime figures, history and the liability, read from the ledger. */
import {
  COIN,
  balanceAfterOf,
  breakageCode,
  coinMovements,
  issuedCode,
  liabilityCode,
  lifetimeOf,
  customerCoinsCode,
} from './coinLedger';
import { giftsOf, readCoinSettings } from './coinsStore';
import { type CoinsContext } from './context';

export function balanceOf(cc: CoinsContext, customerId: string) {
  cc.customers.require(customerId);
  const entries = coinMovements(cc.ledger, customerId);
  const last = entries.at(-1);
  const balance = last ? balanceAfterOf(last) : 0n;
  const { coinValueMinor } = readCoinSettings(cc.deps.db);
  const lifetime = lifetimeOf(entries);
  return {
    customerId,
    balance: balance.toString(),
    valueMinor: (balance * coinValueMinor).toString(),
    lifetime: Object.fromEntries(Object.entries(lifetime).map(([k, v]) => [k, v.toString()])) as Record<
      keyof typeof lifetime,
      string
    >,
  };
}

/** The memo of a gift is its message; codes name the kind of movement. */
export function historyOf(cc: CoinsContext, customerId: string) {
  cc.customers.require(customerId);
  const entries = coinMovements(cc.ledger, customerId);
  return entries
    .map((entry) => ({
      id: entry.transfer.id,
      at: entry.transfer.timestamp,
      kind: entry.transfer.code,
      coins: (entry.side === 'credit' ? entry.transfer.amount : -entry.transfer.amount).toString(),
      balanceAfter: balanceAfterOf(entry).toString(),
      ref: entry.transfer.ref,
      message: entry.transfer.memo,
    }))
    .reverse();
}

export function liabilityOf(cc: CoinsContext) {
  const { ledger } = cc;
  const currency = cc.currency();
  const issued = ledger.findAccount(COIN, issuedCode, '');
  const outstanding = issued ? issued.debitsPosted - issued.creditsPosted : 0n;
  const liability = ledger.findAccount(currency, liabilityCode, '');
  const breakage = ledger.findAccount(currency, breakageCode, '');
  const { coinValueMinor } = readCoinSettings(cc.deps.db);
  return {
    outstandingCoins: outstanding.toString(),
    outstandingValueMinor: (outstanding * coinValueMinor).toString(),
    liabilityMinor: (liability ? liability.creditsPosted - liability.debitsPosted : 0n).toString(),
    breakageMinor: (breakage ? breakage.creditsPosted - breakage.debitsPosted : 0n).toString(),
    currency,
  };
}

/** The sum of every customer's coin balance (the invariant's other side). */
export function sumOfCustomerBalances(cc: CoinsContext): bigint {
  return cc.ledger
    .listAccounts({ asset: COIN, code: customerCoinsCode })
    .reduce((sum, account) => sum + account.creditsPosted - account.debitsPosted, 0n);
}

export function exportCoins(cc: CoinsContext, customerId: string): Record<string, unknown> {
  return {
    coins: balanceOf(cc, customerId),
    coinHistory: historyOf(cc, customerId),
    coinGifts: giftsOf(cc.deps.db, customerId),
  };
}

/**
 * The sentence the receipt and the customer display carry for the order's customer: their coin
 * balance now (only once they have had coins). No name or code: the display faces the room.
 */
export function coinBalanceNote(cc: CoinsContext, orderId: string): string | null {
  const customer = cc.customers.ofOrder(orderId);
  if (!customer) return null;
  const account = cc.ledger.findAccount(COIN, customerCoinsCode, customer.id);
  if (!account) return null;
  const fresh = cc.ledger.getAccount(account.id) ?? account;
  const balance = fresh.creditsPosted - fresh.debitsPosted;
  return `Coin balance: ${balance.toString()} ${balance === 1n ? 'coin' : 'coins'}.`;
}
