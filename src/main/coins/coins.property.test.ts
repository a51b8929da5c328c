/**
 * Property: over random top-ups, coin spends, gifts, refunds (of sales paid with coins, and of
 * top-ups) and expiries, the coins outstanding (coins_issued) equal the sum of the customers' balances,
 * and their face value equals coins_liability; no balance goes negative; each balance, and the bonus
 * coins counted as such, match a model; a refused step writes nothing; the ledger's invariants hold.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { COIN, issuedCode } from './coinLedger';
import { sumOfCustomerBalances } from './balances';
import { expireCoins } from './expiry';
import { openCoinsTill, type CoinsTill } from './coinsTestKit';

const packs = [
  ['Starter', 100n, 0n],
  ['Reader', 500n, 25n],
  ['Enthusiast', 1200n, 120n],
] as const;

type Step =
  | { op: 'topUp'; who: number; pack: number }
  | { op: 'spend'; who: number; coins: number }
  | { op: 'gift'; from: number; to: number; coins: number }
  | { op: 'refundSale' }
  | { op: 'refundTopUp'; who: number }
  | { op: 'expire' };

const who = fc.integer({ min: 0, max: 2 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('topUp' as const), who, pack: fc.integer({ min: 0, max: 2 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('spend' as const), who, coins: fc.integer({ min: 1, max: 700 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('gift' as const),
      from: who,
      to: who,
      coins: fc.integer({ min: 1, max: 600 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('refundSale' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('refundTopUp' as const), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const) }) },
);

let till: CoinsTill;
let applied = 0;
let spends = 0;
let expiries = 0;
const customers: string[] = [];
const model = new Map<string, { balance: bigint; bonus: bigint }>();
const lastTopUp = new Map<string, { orderId: string; coins: bigint; bonus: bigint }>();
const sales: { orderId: string; who: string; coins: bigint }[] = [];

beforeAll(async () => {
  till = await openCoinsTill();
  await till.openShift(10_000_000n);
  await till.core.call('coins.saveSettings', { coinValueMinor: '1', expiryMonths: 1 }, till.owner.session);
  for (const name of ['Ann', 'Bob', 'Cy']) {
    const id = await till.customer(name);
    customers.push(id);
    model.set(id, { balance: 0n, bonus: 0n });
  }
}, 60_000);
afterAll(() => till.close());

const m = (id: string) => model.get(id) ?? { balance: 0n, bonus: 0n };
const refusedAs = async (call: Promise<unknown>): Promise<string | null> => {
  try {
    await call;
    return null;
  } catch (error) {
    if (error instanceof ApiCallError) return error.code;
    throw error;
  }
};

async function apply(step: Step): Promise<void> {
  const s = till.cashier.session;
  switch (step.op) {
    case 'topUp': {
      const id = customers[step.who] ?? '';
      const [name, coins, bonus] = packs[step.pack] ?? packs[0];
      const orderId = await till.topUp(id, name);
      const c = m(id);
      model.set(id, { balance: c.balance + coins + bonus, bonus: c.bonus + bonus });
      lastTopUp.set(id, { orderId, coins, bonus });
      return;
    }
    case 'spend': {
      const id = customers[step.who] ?? '';
      const orderId = await till.newOrder();
      const view = await till.add(orderId, till.gift); // $25.00, no tax
      await till.core.call('orders.setCustomer', { orderId, customerId: id }, s);
      const coins = BigInt(step.coins);
      const refused = await refusedAs(
        till.core.call('payments.start', { orderId, tender: 'coins', amount: coins.toString() }, s),
      );
      if (coins > m(id).balance) {
        expect(refused).toBe('insufficient_funds');
        await till.core.call('orders.void', { orderId, reason: 'no coins' }, till.manager.session);
        return;
      }
      expect(refused).toBeNull();
      await till.payCash(orderId, BigInt(view.totals.totalMinor) - coins);
      model.set(id, { ...m(id), balance: m(id).balance - coins });
      sales.push({ orderId, who: id, coins });
      spends += 1;
      return;
    }
    case 'gift': {
      const from = customers[step.from] ?? '';
      const to = customers[step.to] ?? '';
      const coins = BigInt(step.coins);
      const refused = await refusedAs(
        till.core.call('coins.gift', { fromCustomerId: from, toCustomerId: to, coins: coins.toString() }, s),
      );
      if (from === to) return void expect(refused).toBe('bad_input');
      if (coins > m(from).balance) return void expect(refused).toBe('insufficient_funds');
      expect(refused).toBeNull();
      model.set(from, { ...m(from), balance: m(from).balance - coins });
      model.set(to, { ...m(to), balance: m(to).balance + coins });
      return;
    }
    case 'refundSale': {
      const sale = sales.pop();
      if (!sale) return;
      const { order } = await till.core.call('orders.get', { orderId: sale.orderId }, s);
      const lines = order.lines.map((line) => ({ lineId: line.id, quantity: line.quantity }));
      await till.core.call(
        'orders.refund',
        { orderId: sale.orderId, lines, reason: 'back' },
        till.manager.session,
      );
      model.set(sale.who, { ...m(sale.who), balance: m(sale.who).balance + sale.coins });
      return;
    }
    case 'refundTopUp': {
      const id = customers[step.who] ?? '';
      const top = lastTopUp.get(id);
      if (!top) return;
      const { order } = await till.core.call('orders.get', { orderId: top.orderId }, s);
      const lineId = order.lines[0]?.id ?? '';
      const refused = await refusedAs(
        till.core.call(
          'orders.refund',
          { orderId: top.orderId, lines: [{ lineId, quantity: 1 }], reason: 'back' },
          till.manager.session,
        ),
      );
      // Only the unspent part goes back (topUpRefund.ts): the balance, up to the top-up's coins.
      expect(refused).toBeNull();
      const all = top.coins + top.bonus;
      const back = m(id).balance < all ? m(id).balance : all;
      model.set(id, { ...m(id), balance: m(id).balance - back });
      lastTopUp.delete(id);
      return;
    }
    case 'expire': {
      // Each expiry runs a year after the last one: an expiry marks the customer active at its own time.
      expireCoins(
        till.coinsContext(() => new Date()),
        new Date(Date.UTC(2099 + expiries++, 0, 1)),
      );
      for (const id of customers) model.set(id, { ...m(id), balance: 0n });
      lastTopUp.clear();
      return;
    }
  }
}

async function check(): Promise<void> {
  const cc = till.coinsContext(() => new Date());
  const sum = sumOfCustomerBalances(cc);
  const issued = till.ledger.findAccount(COIN, issuedCode, '');
  const outstanding = issued ? issued.debitsPosted - issued.creditsPosted : 0n;
  expect(outstanding).toBe(sum);
  expect(-till.balance('coins_liability')).toBe(sum);
  for (const id of customers) {
    const b = await till.coins(id);
    expect(BigInt(b.balance)).toBeGreaterThanOrEqual(0n);
    expect(BigInt(b.balance)).toBe(m(id).balance);
    expect(BigInt(b.lifetime.bonus)).toBe(m(id).bonus);
    const l = b.lifetime;
    const net =
      BigInt(l.bought) +
      BigInt(l.bonus) +
      BigInt(l.giftsIn) -
      BigInt(l.giftsOut) -
      BigInt(l.spent) -
      BigInt(l.expired) -
      BigInt(l.refunded);
    expect(net).toBe(BigInt(b.balance));
  }
  expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
}

describe('coins: property over random operations', () => {
  it('keeps the liability equal to the balances, none negative, bonus counted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 4, maxLength: 14 }), async (steps) => {
        for (const step of steps) await apply(step);
        applied += steps.length;
        await check();
      }),
      { numRuns: 12 },
    );
    const { outstandingCoins } = await till.core.call('coins.liability', {}, till.manager.session);
    console.log(
      `coins property: ${applied} steps, ${spends} paid partly with coins, ${outstandingCoins} coins outstanding at the end`,
    );
    expect(applied).toBeGreaterThan(20);
  }, 600_000);
});
