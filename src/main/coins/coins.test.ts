import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { expireCoins } from './expiry';
import { sumOfCustomerBalances } from './balances';
import { openCoinsTill, type CoinsTill } from './coinsTestKit';

let till: CoinsTill;
beforeEach(async () => {
  till = await openCoinsTill();
  await till.openShift();
});
afterEach(() => till.close());

async function refusal(call: Promise<unknown>): Promise<ApiCallError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiCallError);
  return error as ApiCallError;
}

const count = (table: string) => till.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();

describe('coin packages and top-ups', () => {
  it('the default packages give exactly 100, 525, 1,320, 2,875 and 6,600 coins', async () => {
    const { packages, settings } = await till.core.call('coins.packages', {}, till.cashier.session);
    expect(packages.map((p) => [p.name, p.coins, p.bonusCoins, p.totalCoins, p.prices[0]?.amount])).toEqual([
      ['Starter', '100', '0', '100', '99'],
      ['Reader', '500', '25', '525', '499'],
      ['Enthusiast', '1200', '120', '1320', '999'],
      ['Premium', '2500', '375', '2875', '1999'],
      ['Ultimate', '5500', '1100', '6600', '3999'],
    ]);
    expect(settings).toEqual({ currency: 'USD', coinValueMinor: '1', expiryMonths: null });
  });

  it('the owner edits a package; a cashier cannot', async () => {
    const packageId = await till.packageId('Reader');
    const edit = {
      packageId,
      name: 'Reader',
      coins: '600',
      bonusPercent: '12.5',
      prices: [{ currency: 'USD', amount: '549' }],
    };
    expect((await refusal(till.core.call('coins.savePackage', edit, till.cashier.session))).code).toBe(
      'forbidden',
    );
    const { package: saved } = await till.core.call('coins.savePackage', edit, till.owner.session);
    expect([saved.coins, saved.bonusCoins, saved.totalCoins]).toEqual(['600', '75', '675']);
  });

  it('a top-up posts its coins only when the order is paid, and the revenue becomes a liability', async () => {
    const ann = await till.customer('Ann');
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee);
    const { order } = await till.core.call(
      'coins.addTopUp',
      { orderId, packageId: await till.packageId('Reader'), customerId: ann },
      till.cashier.session,
    );
    const total = BigInt(order.totals.totalMinor);
    await till.payCash(orderId, 100n, 100n);
    expect((await till.coins(ann)).balance).toBe('0');
    await till.payCash(orderId, total - 100n);
    const after = await till.coins(ann);
    expect(after.balance).toBe('525');
    expect(after.lifetime).toMatchObject({ bought: '500', bonus: '25', spent: '0' });
    expect(till.balance('coins_liability')).toBe(-525n);
    expect(till.balance('coins_bonus_expense')).toBe(26n);
    // The coffee's revenue stays; the package's moved to the liability.
    expect(-till.balance('sales_revenue')).toBe(350n);
    expect(sumOfCustomerBalances(till.coinsContext(() => new Date()))).toBe(525n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('a package priced above the store’s threshold needs a manager’s approval', async () => {
    const { package: big } = await till.core.call(
      'coins.savePackage',
      { name: 'Whale', coins: '20000', bonusPercent: '25', prices: [{ currency: 'USD', amount: '14999' }] },
      till.owner.session,
    );
    const ann = await till.customer('Ann');
    const orderId = await till.newOrder();
    const input = { orderId, packageId: big.id, customerId: ann };
    const e = await refusal(till.core.call('coins.addTopUp', input, till.cashier.session));
    expect(e.code).toBe('approval_required');
    expect(count('coin_topups')).toBe(0);
    const approval = await till.approve('price_override', orderId);
    const { order } = await till.core.call('coins.addTopUp', { ...input, approval }, till.cashier.session);
    expect(order.totals.totalMinor).toBe('14999');
    await till.payCash(orderId, 14999n);
    expect((await till.coins(ann)).balance).toBe('25000');
  });

  it('a top-up needs a customer', async () => {
    const orderId = await till.newOrder();
    const e = await refusal(
      till.core.call(
        'coins.addTopUp',
        { orderId, packageId: await till.packageId('Starter') },
        till.cashier.session,
      ),
    );
    expect(e.code).toBe('bad_input');
    expect(count('coin_topups')).toBe(0);
  });
});

describe('coins as a tender', () => {
  it('pays part of a sale with coins and the rest in cash; a refund gives the coins back', async () => {
    const ann = await till.customer('Ann');
    await till.topUp(ann, 'Reader');
    const orderId = await till.newOrder();
    const view = await till.add(orderId, till.coffee);
    await till.core.call('orders.setCustomer', { orderId, customerId: ann }, till.cashier.session);
    const paid = await till.core.call(
      'payments.start',
      { orderId, tender: 'coins', amount: '200' },
      till.cashier.session,
    );
    expect(paid.payment.status).toBe('succeeded');
    expect((await till.coins(ann)).balance).toBe('325');
    const rest = BigInt(view.totals.totalMinor) - 200n;
    const done = await till.payCash(orderId, rest);
    expect(done.order.status).toBe('paid');
    expect((await till.coins(ann)).lifetime.spent).toBe('200');

    const lineId = done.order.lines[0]?.id ?? '';
    await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'cold' },
      till.manager.session,
    );
    const back = await till.coins(ann);
    expect(back.balance).toBe('525');
    expect(back.lifetime.spent).toBe('0');
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('the receipt and the customer display carry the customer’s coin balance', async () => {
    const ann = await till.customer('Ann');
    await till.topUp(ann, 'Reader');
    const shown: string[] = [];
    till.core.events.on('display.updated', (update) => shown.push(update.customerNote ?? ''));
    const orderId = await till.newOrder();
    await till.core.call('orders.setCustomer', { orderId, customerId: ann }, till.cashier.session);
    await till.add(orderId, till.coffee);
    await till.core.call('payments.start', { orderId, tender: 'coins' }, till.cashier.session);
    expect(shown.at(-1)).toBe('Coin balance: 144 coins.');
    const { text } = await till.core.call(
      'receipts.render',
      { orderId, format: 'text' },
      till.cashier.session,
    );
    expect(text).toContain('Coin balance: 144 coins.');
  });

  it('refuses a short balance with insufficient_funds, the required and available coins, and writes nothing', async () => {
    const ann = await till.customer('Ann');
    await till.topUp(ann, 'Starter');
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee);
    await till.core.call('orders.setCustomer', { orderId, customerId: ann }, till.cashier.session);
    const before = count('payments');
    const e = await refusal(
      till.core.call('payments.start', { orderId, tender: 'coins' }, till.cashier.session),
    );
    expect(e.code).toBe('insufficient_funds');
    expect(e.details).toMatchObject({ requiredMinor: '381', availableMinor: '100', asset: 'COIN' });
    expect(count('payments')).toBe(before);
    expect((await till.coins(ann)).balance).toBe('100');
  });

  it('needs the order to have a customer', async () => {
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee);
    const e = await refusal(
      till.core.call('payments.start', { orderId, tender: 'coins' }, till.cashier.session),
    );
    expect(e.code).toBe('bad_input');
  });

  it('is listed among the tenders, decided at once', async () => {
    const { tenders } = await till.core.call('payments.tenders', {}, till.cashier.session);
    expect(tenders.find((t) => t.kind === 'coins')).toMatchObject({ state: 'ready', settlesAtOnce: true });
  });
});

describe('gifts, expiry', () => {
  it('gifts and tips coins with a message; a short balance is refused', async () => {
    const ann = await till.customer('Ann');
    const bob = await till.customer('Bob');
    await till.topUp(ann, 'Starter');
    const { from, to } = await till.core.call(
      'coins.gift',
      { fromCustomerId: ann, toCustomerId: bob, coins: '30', message: 'Happy birthday!' },
      till.cashier.session,
    );
    expect([from.balance, to.balance]).toEqual(['70', '30']);
    const { entries } = await till.core.call('coins.history', { customerId: bob }, till.cashier.session);
    expect(entries[0]).toMatchObject({
      kind: 'coins_gift',
      coins: '30',
      balanceAfter: '30',
      message: 'Happy birthday!',
    });
    const e = await refusal(
      till.core.call(
        'coins.gift',
        { fromCustomerId: bob, toCustomerId: ann, coins: '31', kind: 'tip' },
        till.cashier.session,
      ),
    );
    expect(e.code).toBe('insufficient_funds');
    expect(e.details).toMatchObject({ requiredMinor: '31', availableMinor: '30' });
    expect(count('coin_gifts')).toBe(1);
  });

  it('expires a balance idle for the store’s months, as breakage', async () => {
    const ann = await till.customer('Ann');
    await till.topUp(ann, 'Reader');
    await till.core.call('coins.saveSettings', { coinValueMinor: '1', expiryMonths: 6 }, till.owner.session);
    const cc = till.coinsContext(() => new Date());
    expect(expireCoins(cc, new Date(Date.now()))).toBe(0);
    expect(expireCoins(cc, new Date('2030-01-01T00:00:00Z'))).toBe(1);
    const after = await till.coins(ann);
    expect(after.balance).toBe('0');
    expect(after.lifetime.expired).toBe('525');
    expect(till.balance('coins_breakage')).toBe(-525n);
    expect(till.balance('coins_liability')).toBe(0n);
    const liability = await till.core.call('coins.liability', {}, till.manager.session);
    expect(liability).toMatchObject({ outstandingCoins: '0', breakageMinor: '525' });
  });
});
