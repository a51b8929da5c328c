/**
 * The coins in the ledger. Asset COIN (scale 0):
 *
 * - `coins_customer:<customerId>`, flagged `debits_must_not_exceed_credits`: a customer's balance (a
 *   credit balance) can never go below zero, pending debits counted.
 * - `coins_issued`: the store's side of every coin; its debit balance is the coins outstanding, which
 *   equals the sum of every customer's balance (double entry).
 *
 * Codes (COIN): `coins_bought` and `coins_bonus` (issued → customer, at the top-up's settle),
 * `coins_spent` (customer → issued, a coins payment), `coins_spent_back` (issued → customer, its
 * refund), `coins_gift` / `coins_tip` / `coins_merge` (customer → customer), `coins_expired`
 * (customer → issued), `coins_topup_refund` (customer → issued).
 *
 * In the store currency: `coins_liability` holds the face value of the coins outstanding (coins × coin
 * value): a top-up's net revenue moves there from `sales_revenue` (`coins_sold`), and the bonus (face
 * value minus what was paid) from `coins_bonus_expense`; a coins payment is that tender's account (the
 * pending tender transfer debits it); expiry moves face value to `coins_breakage` revenue. The face value
 * holds while the coin value is unchanged; a new coin value applies to coins spent or expired after it.
 */
import { TillpointError } from '../../shared/api/errors';
import { type Account, type HistoryEntry, type Ledger } from '../ledger';

export const COIN = 'COIN';
export const customerCoinsCode = 'coins_customer';
export const issuedCode = 'coins_issued';
export const liabilityCode = 'coins_liability';
export const bonusExpenseCode = 'coins_bonus_expense';
export const breakageCode = 'coins_breakage';

export function customerAccount(ledger: Ledger, customerId: string): Account {
  return ledger.ensureAccount({
    asset: COIN,
    code: customerCoinsCode,
    ref: customerId,
    flags: { debitsMustNotExceedCredits: true },
  });
}

export function issuedAccount(ledger: Ledger): Account {
  return ledger.ensureAccount({ asset: COIN, code: issuedCode });
}

export function moneyAccount(ledger: Ledger, code: string, currency: string): Account {
  return ledger.ensureAccount({ asset: currency, code, ref: '' });
}

/** What a customer can spend now: posted credits minus posted and pending debits. */
export function availableCoins(ledger: Ledger, customerId: string): bigint {
  const account = ledger.findAccount(COIN, customerCoinsCode, customerId);
  if (!account) return 0n;
  const fresh = ledger.getAccount(account.id) ?? account;
  return fresh.creditsPosted - fresh.debitsPosted - fresh.debitsPending;
}

/** Refuses with insufficient_funds (required and available, in coins) when the balance is short. */
export function requireCoins(ledger: Ledger, customerId: string, coins: bigint): void {
  const available = availableCoins(ledger, customerId);
  if (coins > available) {
    throw new TillpointError(
      'insufficient_funds',
      `The customer has ${available} coins: ${coins} are needed.`,
      { customerId, asset: COIN, requiredMinor: coins.toString(), availableMinor: available.toString() },
    );
  }
}

/** Every posted movement of a customer's coin account, oldest first. */
export function coinMovements(ledger: Ledger, customerId: string): HistoryEntry[] {
  const account = ledger.findAccount(COIN, customerCoinsCode, customerId);
  if (!account) return [];
  const entries: HistoryEntry[] = [];
  let after: string | undefined;
  for (;;) {
    const page = ledger.history(account.id, { limit: 1000, ...(after ? { after } : {}) });
    entries.push(...page.entries);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return entries.filter((e) => e.transfer.kind === 'single' || e.transfer.kind === 'post_pending');
}

export interface CoinLifetime {
  bought: bigint;
  bonus: bigint;
  spent: bigint;
  expired: bigint;
  giftsIn: bigint;
  giftsOut: bigint;
  refunded: bigint;
}

/** Lifetime figures from the movements' codes (merges count as gifts in / out). */
export function lifetimeOf(entries: readonly HistoryEntry[]): CoinLifetime {
  const t: CoinLifetime = {
    bought: 0n,
    bonus: 0n,
    spent: 0n,
    expired: 0n,
    giftsIn: 0n,
    giftsOut: 0n,
    refunded: 0n,
  };
  for (const { transfer, side } of entries) {
    const n = transfer.amount;
    switch (transfer.code) {
      case 'coins_bought':
        t.bought += n;
        break;
      case 'coins_bonus':
        t.bonus += n;
        break;
      case 'coins_spent':
        t.spent += n;
        break;
      case 'coins_spent_back':
        t.spent -= n;
        break;
      case 'coins_expired':
        t.expired += n;
        break;
      case 'coins_topup_refund':
        t.refunded += n;
        break;
      default:
        if (side === 'credit') t.giftsIn += n;
        else t.giftsOut += n;
    }
  }
  return t;
}

/** The balance (credit) after an entry. */
export function balanceAfterOf(entry: HistoryEntry): bigint {
  return entry.balanceAfter.creditsPosted - entry.balanceAfter.debitsPosted;
}
