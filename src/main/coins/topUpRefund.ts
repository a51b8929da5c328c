/**
 * Refunding a top-up: only its unspent part goes back. The written rule:
 *
 * - The unspent coins of the refunded units are the customer's balance now, up to the coins (bought
 *   and bonus) those units gave: coins are one balance, so whatever is left counts as unspent first.
 * - Every coin of a package, bought or bonus, is worth the same part of what was paid for it: the
 *   money back is what was paid for the units × unspent ÷ their coins (bought + bonus), rounded down
 *   to the minor unit (the refund never exceeds what the unspent coins cost; the fraction and the
 *   spent part stay with the store). So bonus coins are neither refunded as money nor left behind:
 *   the unspent coins go back, bonus included, and the money is their share of the price.
 * - All unspent: the whole price, as before. Some spent: the line's remaining units are refunded at
 *   once (a part of them is refused), so what is forfeited is settled in that one refund.
 *
 * Ledger, pending with the refund (posted or voided with it): COIN customer → coins_issued the
 * unspent coins (`coins_topup_refund`); store currency: coins_liability → sales_returns the money
 * back (`coins_sold_return`), and the rest of the unspent coins' face value between the liability
 * and coins_bonus_expense (`coins_bonus_return`), so the liability falls by exactly the face value
 * of the coins taken back.
 */
import { TillpointError } from '../../shared/api/errors';
import { type NewTransferInput } from '../ledger';
import {
  availableCoins,
  bonusExpenseCode,
  COIN,
  customerAccount,
  issuedAccount,
  liabilityCode,
  moneyAccount,
} from './coinLedger';
import { readCoinSettings, topUpsOfOrder, type TopUpRecord } from './coinsStore';
import { type CoinsContext } from './context';

/** What refunding `quantity` units of a top-up gives back, by the rule above (pure). */
export function unspentRefund(input: {
  /** Coins (bought + bonus) one unit gave. */
  coinsPerUnit: bigint;
  quantity: number;
  /** Units of the line not refunded yet. */
  leftQuantity: number;
  /** What the refunded units were paid. */
  paidMinor: bigint;
  /** The customer's coin balance now. */
  balance: bigint;
}): { coins: bigint; moneyMinor: bigint; spent: boolean } {
  const coins = input.coinsPerUnit * BigInt(input.quantity);
  const unspent = input.balance < 0n ? 0n : input.balance < coins ? input.balance : coins;
  if (unspent === coins) return { coins, moneyMinor: input.paidMinor, spent: false };
  if (input.quantity < input.leftQuantity) {
    throw new TillpointError(
      'bad_input',
      'Some coins of this top-up are spent: refund all of its units at once (its unspent part goes back).',
      { reason: 'topup_partly_spent', unspentCoins: unspent.toString(), coins: coins.toString() },
    );
  }
  // Rounded down: never more than the unspent coins cost.
  const moneyMinor = coins === 0n ? 0n : (input.paidMinor * unspent) / coins;
  return { coins: unspent, moneyMinor, spent: true };
}

function refundOf(
  cc: CoinsContext,
  topUp: TopUpRecord,
  orderId: string,
  lineId: string,
  quantity: number,
  paidMinor: bigint,
) {
  const line = cc
    .orders()
    .view(orderId)
    .lines.find((l) => l.id === lineId);
  return unspentRefund({
    coinsPerUnit: topUp.coins + topUp.bonus,
    quantity,
    leftQuantity: line ? line.refundableQuantity : quantity,
    paidMinor,
    balance: availableCoins(cc.ledger, topUp.customerId),
  });
}

/** The orders hook `refundValue`: a partly spent top-up's units give back their unspent part. */
export function topUpRefundValue(
  cc: CoinsContext,
  input: { orderId: string; lineId: string; quantity: number; netMinor: bigint },
): bigint | null {
  const topUp = topUpsOfOrder(cc.deps.db, input.orderId).find(
    (t) => t.lineId === input.lineId && t.postedAt !== null,
  );
  if (!topUp) return null;
  const refund = refundOf(cc, topUp, input.orderId, input.lineId, input.quantity, input.netMinor);
  return refund.spent ? refund.moneyMinor : null;
}

/** The refund hook: a refunded top-up line takes its unspent coins back, pending with the refund. */
export function refundTopUps(
  cc: CoinsContext,
  input: {
    orderId: string;
    refundId: string;
    currency: string;
    /** `netMinor`: the money back for the units (already lowered to the unspent part by the value hook). */
    lines: readonly { lineId: string; quantity: number; netMinor: bigint }[];
    staffId: string;
  },
): NewTransferInput[] {
  const { db } = cc.deps;
  const { ledger } = cc;
  const topUps = topUpsOfOrder(db, input.orderId).filter((t) => t.postedAt !== null);
  if (topUps.length === 0) return [];
  const { coinValueMinor } = readCoinSettings(db);
  const transfers: NewTransferInput[] = [];
  const ref = `refund:${input.refundId}`;
  const push = (debit: string, credit: string, amount: bigint, asset: string, code: string) => {
    if (amount > 0n) {
      transfers.push({
        id: cc.newId(),
        debitAccountId: debit,
        creditAccountId: credit,
        amount,
        asset,
        code,
        ref,
        staffId: input.staffId,
        pending: true,
      });
    }
  };
  const liability = moneyAccount(ledger, liabilityCode, input.currency).id;
  const bonusExpense = moneyAccount(ledger, bonusExpenseCode, input.currency).id;
  const returns = moneyAccount(ledger, 'sales_returns', input.currency).id;
  const taken = new Map<string, bigint>();
  for (const topUp of topUps) {
    const line = input.lines.find((l) => l.lineId === topUp.lineId);
    if (!line || line.quantity <= 0) continue;
    // The coins of these units that are still the customer's (after other lines of this refund).
    const already = taken.get(topUp.customerId) ?? 0n;
    const perUnit = topUp.coins + topUp.bonus;
    const wanted = perUnit * BigInt(line.quantity);
    const left = availableCoins(ledger, topUp.customerId) - already;
    const coins = left < wanted ? (left > 0n ? left : 0n) : wanted;
    taken.set(topUp.customerId, already + coins);
    push(
      customerAccount(ledger, topUp.customerId).id,
      issuedAccount(ledger).id,
      coins,
      COIN,
      'coins_topup_refund',
    );
    push(liability, returns, line.netMinor, input.currency, 'coins_sold_return');
    const gap = coins * coinValueMinor - line.netMinor;
    if (gap > 0n) push(liability, bonusExpense, gap, input.currency, 'coins_bonus_return');
    if (gap < 0n) push(bonusExpense, liability, -gap, input.currency, 'coins_bonus_return');
  }
  return transfers;
}
