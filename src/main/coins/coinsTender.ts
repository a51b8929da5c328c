/**
 * The coins tender: the order's customer pays with store coins at the store's coin value. Decided at
 * once: the payments service calls `decideAtOnce.payment` inside the transaction that writes the
 * payment, and this adapter writes the coins' own transfer (customer → coins_issued, COIN) there, so
 * the coins go out with the payment or not at all; the ledger's flag on the customer's account is the
 * last word on a short balance. The money side is the payments flow's tender transfer:
 * `coins_liability` (store currency) ← receivable.
 *
 * Rounding: a payment takes whole coins: coins = floor(amount ÷ coin value), and it collects
 * coins × coin value (what is left of the amount is left due). A refund gives back
 * ceil(amount × coins ÷ payment amount) coins, in the customer's favour, never more than the payment took.
 */
import { TillpointError } from '../../shared/api/errors';
import { type Ledger } from '../ledger';
import {
  type PaymentPlan,
  type PaymentRequest,
  type RefundReport,
  type RefundRequest,
  type TenderAdapter,
  type TenderReport,
} from '../payments';
import { COIN, customerAccount, issuedAccount, liabilityCode, requireCoins } from './coinLedger';
import { addCoinsBack, getCoinPayment, insertCoinPayment, readCoinSettings } from './coinsStore';
import { type CoinsContext } from './context';

export const coinsTenderKind = 'coins';

function customerFor(cc: CoinsContext, orderId: string): string {
  const customer = cc.customers.ofOrder(orderId);
  if (!customer) {
    throw new TillpointError(
      'bad_input',
      'Coins pay from the order’s customer: choose the customer first (orders.setCustomer).',
      { orderId, reason: 'no_customer' },
    );
  }
  cc.customers.requireLive(customer.id);
  return customer.id;
}

/** Whole coins for an amount, and what they collect. */
export function coinsFor(
  amountMinor: bigint,
  coinValueMinor: bigint,
): { coins: bigint; amountMinor: bigint } {
  const coins = amountMinor / coinValueMinor;
  return { coins, amountMinor: coins * coinValueMinor };
}

/** Coins back for a refund share: in the customer's favour (rounded up), at most what is left. */
export function coinsBackFor(
  shareMinor: bigint,
  payment: { coins: bigint; amountMinor: bigint; coinsBack: bigint },
): bigint {
  const left = payment.coins - payment.coinsBack;
  if (payment.amountMinor <= 0n) return 0n;
  const raw = (shareMinor * payment.coins + payment.amountMinor - 1n) / payment.amountMinor;
  return raw < left ? raw : left;
}

export function createCoinsTender(cc: CoinsContext, ledger: Ledger): TenderAdapter {
  const { db } = cc.deps;

  const plan = (request: PaymentRequest): PaymentPlan => {
    const customerId = customerFor(cc, request.orderId);
    const { coinValueMinor } = readCoinSettings(db);
    const wanted = request.amountMinor ?? request.dueMinor;
    const { coins, amountMinor } = coinsFor(wanted, coinValueMinor);
    if (coins <= 0n) {
      throw new TillpointError('bad_input', 'A coins payment must take at least one coin.', {
        amountMinor: wanted.toString(),
        coinValueMinor: coinValueMinor.toString(),
      });
    }
    requireCoins(ledger, customerId, coins);
    return { amountMinor, roundingMinor: 0n };
  };

  const refund = (request: RefundRequest): RefundReport => {
    const payment = getCoinPayment(db, request.paymentId);
    if (!payment) {
      return { shareId: request.shareId, status: 'failed', message: 'No coins were taken by this payment.' };
    }
    const coins = coinsBackFor(request.amountMinor, payment);
    if (coins > 0n) {
      ledger.submitOne([
        {
          id: cc.newId(),
          debitAccountId: issuedAccount(ledger).id,
          creditAccountId: customerAccount(ledger, payment.customerId).id,
          amount: coins,
          asset: COIN,
          code: 'coins_spent_back',
          ref: `refund:${request.refundId}`,
          staffId: request.staffId,
        },
      ]);
      addCoinsBack(db, request.paymentId, coins);
    }
    return { shareId: request.shareId, status: 'succeeded' };
  };

  return {
    kind: coinsTenderKind,
    label: 'Store coins',
    state: () => ({ state: 'ready', reason: null }),
    account: () => ({ code: liabilityCode, ref: '' }),
    plan,
    decideAtOnce: {
      payment(request, planned): TenderReport {
        const customerId = customerFor(cc, request.orderId);
        const { coinValueMinor } = readCoinSettings(db);
        const coins = planned.amountMinor / coinValueMinor;
        // The ledger refuses (insufficient_funds) when the balance is short, and the whole payment with it.
        ledger.submitOne([
          {
            id: cc.newId(),
            debitAccountId: customerAccount(ledger, customerId).id,
            creditAccountId: issuedAccount(ledger).id,
            amount: coins,
            asset: COIN,
            code: 'coins_spent',
            ref: `payment:${request.paymentId}`,
            staffId: request.staffId,
          },
        ]);
        insertCoinPayment(
          db,
          {
            paymentId: request.paymentId,
            orderId: request.orderId,
            customerId,
            coins,
            amountMinor: planned.amountMinor,
          },
          cc.nowIso(),
        );
        return {
          paymentId: request.paymentId,
          status: 'succeeded',
          details: { customerId, coins: coins.toString() },
        };
      },
      refund,
    },
    start: (request) => Promise.resolve({ paymentId: request.paymentId, status: 'succeeded' }),
    // Decided in the transaction that writes it: one found pending never took coins.
    status: (payment) =>
      Promise.resolve({
        paymentId: payment.paymentId,
        status: payment.status === 'pending' ? 'failed' : (payment.status as TenderReport['status']),
        message: 'The till stopped before the coins were taken.',
      }),
    cancel: (payment) =>
      Promise.reject(
        new TillpointError(
          'conflict',
          `Coins payment ${payment.paymentId} is ${payment.status}: coins are taken at once, so refund or void instead.`,
          { paymentId: payment.paymentId, status: payment.status },
        ),
      ),
    refund: (request) => {
      try {
        return Promise.resolve(refund(request));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    refundStatus: (share) =>
      Promise.resolve({
        shareId: share.shareId,
        status: 'failed',
        message: 'The till stopped before the coins went back.',
      }),
    onUpdate: () => () => undefined,
  };
}
