/**
 * Expiry of coins (optional: `expiryMonths` in the coin settings). Rule: a customer's whole balance
 * expires when they have neither bought nor received coins for N calendar months (UTC; the 31st
 * clamps to the month's last day). The expired coins go back to coins_issued (`coins_expired`) and
 * their face value moves from coins_liability to coins_breakage, revenue. Coins held by a pending
 * refund are left alone. The background service `coins.expire` runs it every few minutes.
 */
import { createIntervalService, type BackgroundService } from '../kernel';
import { touchCoinsActive } from './activity';
import {
  breakageCode,
  COIN,
  availableCoins,
  customerAccount,
  issuedAccount,
  liabilityCode,
  moneyAccount,
} from './coinLedger';
import { inactiveCustomers, readCoinSettings } from './coinsStore';
import { type CoinsContext } from './context';

/** `date` moved by `months` calendar months (UTC), the day clamped to the target month's length. */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(
    Date.UTC(
      y,
      m,
      1,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** Expires every balance idle for the store's months; returns how many customers lost coins. */
export function expireCoins(cc: CoinsContext, now: Date = cc.deps.now()): number {
  const { db } = cc.deps;
  const { expiryMonths, coinValueMinor } = readCoinSettings(db);
  if (expiryMonths === null) return 0;
  const cutoff = addMonthsUtc(now, -expiryMonths).toISOString();
  const currency = cc.currency();
  let count = 0;
  for (const customerId of inactiveCustomers(db, cutoff)) {
    db.transaction(() => {
      const coins = availableCoins(cc.ledger, customerId);
      if (coins <= 0n) return;
      const ref = `coins_expiry:${customerId}`;
      cc.ledger.submitOne([
        {
          id: cc.newId(),
          debitAccountId: customerAccount(cc.ledger, customerId).id,
          creditAccountId: issuedAccount(cc.ledger).id,
          amount: coins,
          asset: COIN,
          code: 'coins_expired',
          ref,
          staffId: 'system',
        },
        {
          id: cc.newId(),
          debitAccountId: moneyAccount(cc.ledger, liabilityCode, currency).id,
          creditAccountId: moneyAccount(cc.ledger, breakageCode, currency).id,
          amount: coins * coinValueMinor,
          asset: currency,
          code: 'coins_breakage',
          ref,
          staffId: 'system',
        },
      ]);
      touchCoinsActive(db, customerId, now.toISOString());
      cc.audit.record({ staffId: 'system', action: 'coins.expired', ref: customerId, details: { coins } });
      count += 1;
    })();
  }
  return count;
}

export function createExpiryService(cc: CoinsContext, intervalMs = 300_000): BackgroundService {
  return createIntervalService({
    name: 'coins.expire',
    intervalMs,
    logger: cc.deps.logger,
    now: cc.deps.now,
    tick: () => {
      expireCoins(cc);
      return Promise.resolve();
    },
  });
}
