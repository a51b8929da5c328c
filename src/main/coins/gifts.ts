/**
 * Gifts and tips of coins from one customer to another, with a message (kept in coin_gifts and as the
 * transfer's memo). Refused with insufficient_funds (coins required and available) when the giver's
 * balance is short; the ledger's flag on the giver's account refuses it too.
 */
import { TillpointError } from '../../shared/api/errors';
import { touchCoinsActive } from './activity';
import { COIN, customerAccount, requireCoins } from './coinLedger';
import { insertGift } from './coinsStore';
import { type CoinsContext } from './context';

export function giftCoins(
  cc: CoinsContext,
  input: {
    fromCustomerId: string;
    toCustomerId: string;
    coins: bigint;
    kind: 'gift' | 'tip';
    message: string;
  },
  staffId: string,
): void {
  if (input.fromCustomerId === input.toCustomerId) {
    throw new TillpointError('bad_input', 'A customer cannot give coins to themselves.', {
      customerId: input.fromCustomerId,
    });
  }
  const { db } = cc.deps;
  db.transaction(() => {
    cc.customers.requireLive(input.fromCustomerId);
    cc.customers.requireLive(input.toCustomerId);
    requireCoins(cc.ledger, input.fromCustomerId, input.coins);
    const id = cc.newId();
    const transferId = cc.newId();
    cc.ledger.submitOne([
      {
        id: transferId,
        debitAccountId: customerAccount(cc.ledger, input.fromCustomerId).id,
        creditAccountId: customerAccount(cc.ledger, input.toCustomerId).id,
        amount: input.coins,
        asset: COIN,
        code: input.kind === 'tip' ? 'coins_tip' : 'coins_gift',
        ref: `coin_gift:${id}`,
        staffId,
        ...(input.message !== '' ? { memo: input.message } : {}),
      },
    ]);
    const at = cc.nowIso();
    insertGift(
      db,
      {
        id,
        kind: input.kind,
        from: input.fromCustomerId,
        to: input.toCustomerId,
        coins: input.coins,
        message: input.message,
        transferId,
        staffId,
      },
      at,
    );
    touchCoinsActive(db, input.toCustomerId, at);
    cc.audit.record({
      staffId,
      action: `coins.${input.kind}`,
      ref: id,
      details: { from: input.fromCustomerId, to: input.toCustomerId, coins: input.coins },
    });
  })();
}

/** A merge moves the duplicate's whole balance to the kept customer (code coins_merge). */
export function mergeCoins(cc: CoinsContext, duplicateId: string, keepId: string, staffId: string): void {
  const account = cc.ledger.findAccount(COIN, 'coins_customer', duplicateId);
  if (!account) return;
  const fresh = cc.ledger.getAccount(account.id) ?? account;
  const balance = fresh.creditsPosted - fresh.debitsPosted - fresh.debitsPending;
  if (balance <= 0n) return;
  cc.ledger.submitOne([
    {
      id: cc.newId(),
      debitAccountId: fresh.id,
      creditAccountId: customerAccount(cc.ledger, keepId).id,
      amount: balance,
      asset: COIN,
      code: 'coins_merge',
      ref: `customer_merge:${duplicateId}`,
      staffId,
    },
  ]);
  touchCoinsActive(cc.deps.db, keepId, cc.nowIso());
}
