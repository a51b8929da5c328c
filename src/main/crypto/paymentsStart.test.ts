/**
 * A crypto payment started through the generic flow: `payments.start` with tender `crypto` and
 * options `{ chainKey, asset }` makes the invoice and settles like one from invoices.create; a
 * retry with the same paymentId makes no second invoice; bad options are refused with a clear
 * message and write nothing; other tenders refuse options they do not take.
 */
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCryptoTill, type CryptoTill, zpubLike, xpubLike } from './cryptoTestKit';

let till: CryptoTill;
beforeEach(async () => {
  till = await openCryptoTill();
  await till.core.call(
    'wallets.add',
    { family: 'bitcoin', network: 'regtest', publicKey: zpubLike },
    till.owner,
  );
  await till.core.call('wallets.add', { family: 'evm', network: 'evm', publicKey: xpubLike }, till.owner);
});
afterEach(() => till.close());

const btc = () => {
  const watcher = till.libs.watchers.get('btc:regtest');
  if (!watcher) throw new Error('no btc watcher');
  return watcher;
};
const invoicesOf = async (orderId: string) =>
  (await till.core.call('invoices.list', { orderId }, till.cashier)).invoices;
const invoiceCount = () =>
  till.core.db.prepare('SELECT COUNT(*) FROM crypto_invoices').pluck().get() as number;
const paymentCount = () => till.core.db.prepare('SELECT COUNT(*) FROM payments').pluck().get() as number;
const startCrypto = (
  orderId: string,
  paymentId: string,
  options: Record<string, string | number | boolean>,
) => till.core.invoke('payments.start', { orderId, paymentId, tender: 'crypto', options }, till.cashier);

describe('payments.start with tender crypto', () => {
  it('makes the invoice and settles like invoices.create; the ledger posts once', async () => {
    const orderId = await till.newOrder();
    const paymentId = ulid();
    const started = await till.core.call(
      'payments.start',
      { orderId, paymentId, tender: 'crypto', options: { chainKey: 'btc:regtest', asset: 'BTC' } },
      till.cashier,
    );
    expect(started.payment.id).toBe(paymentId);
    expect(started.payment.status).toBe('pending');
    const [invoice, ...others] = await invoicesOf(orderId);
    expect(others).toEqual([]);
    if (!invoice) throw new Error('no invoice');
    expect([invoice.paymentId, invoice.asset, invoice.chainKey]).toEqual([paymentId, 'BTC', 'btc:regtest']);
    expect(invoice.amountUnits).toBe('50000'); // $25.00 at 50,000 USD/BTC, as invoices.create locks it
    expect(btc().watched()).toContain(invoice.address);

    btc().show(invoice.address, [{ key: 'btc:t1:0', amountUnits: 50_000n, blockHeight: 100 }]);
    btc().setTip(101);
    const settled = (await till.core.call('invoices.get', { invoiceId: invoice.id }, till.cashier)).invoice;
    expect([settled.status, settled.phase]).toEqual(['settled', 'paid']);
    const { order } = await till.core.call('orders.get', { orderId }, till.cashier);
    expect(order.status).toBe('paid');
    expect(order.payments.map((p) => [p.id, p.status])).toEqual([[paymentId, 'succeeded']]);
    expect(till.balance('crypto_wallet')).toBe(2500n);
    expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
  });

  it('a retry with the same paymentId returns the same payment and makes no second invoice', async () => {
    const orderId = await till.newOrder();
    const paymentId = ulid();
    const options = { chainKey: 'btc:regtest', asset: 'BTC' };
    const first = await startCrypto(orderId, paymentId, options);
    const again = await startCrypto(orderId, paymentId, { asset: 'BTC', chainKey: 'btc:regtest' });
    expect(first.ok && again.ok).toBe(true);
    const paymentOf = (data: unknown) => (data as { payment: unknown }).payment;
    if (first.ok && again.ok) expect(paymentOf(again.data)).toEqual(paymentOf(first.data));
    expect(invoiceCount()).toBe(1);
    expect(paymentCount()).toBe(1);
    // The same id with other options is another payment: refused, nothing written.
    const other = await startCrypto(orderId, paymentId, { chainKey: 'eth:local', asset: 'ETH' });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.code).toBe('conflict');
    expect(invoiceCount()).toBe(1);
  });

  it('refuses bad options with a clear message and writes nothing', async () => {
    const orderId = await till.newOrder();
    const cases: [Record<string, string | number | boolean>, string, RegExp][] = [
      [{}, 'bad_input', /options \{ chainKey, asset \}/],
      [{ chainKey: 'btc:regtest' }, 'bad_input', /needs both options chainKey .* and asset/],
      [{ chainKey: 'btc:regtest', asset: 7 }, 'bad_input', /as text/],
      [{ chainKey: 'doge:main', asset: 'DOGE' }, 'bad_input', /chain doge:main is not set up/],
      [{ chainKey: 'btc:regtest', asset: 'ETH' }, 'bad_input', /does not take ETH/],
      [
        { chainKey: 'btc:regtest', asset: 'BTC', memo: 'x' },
        'bad_input',
        /does not know the option\(s\) memo/,
      ],
    ];
    for (const [options, code, message] of cases) {
      const result = await startCrypto(orderId, ulid(), options);
      expect(result.ok, JSON.stringify(options)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
    }
    // Bounded in the contract: too many entries, a long key, a long value.
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i]));
    for (const options of [many, { ['k'.repeat(40)]: 1 }, { chainKey: 'x'.repeat(101) }]) {
      const result = await startCrypto(orderId, ulid(), options);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad_input');
    }
    expect(invoiceCount()).toBe(0);
    expect(paymentCount()).toBe(0);
    // Without options, invoices.create still starts it.
    const made = await till.core.call(
      'invoices.create',
      { orderId, chainKey: 'btc:regtest', asset: 'BTC' },
      till.cashier,
    );
    expect(made.payment.status).toBe('pending');
  });

  it('with no exchange rate it refuses before writing anything; a retry with a rate then takes it', async () => {
    const orderId = await till.newOrder();
    const paymentId = ulid();
    const btcRate = till.libs.rates.get('BTC');
    if (!btcRate) throw new Error('no BTC rate in the kit');
    till.libs.rates.delete('BTC');
    const refused = await startCrypto(orderId, paymentId, { chainKey: 'btc:regtest', asset: 'BTC' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('unavailable');
      expect(refused.error.message).toMatch(/No exchange rate for BTC/);
    }
    expect(paymentCount()).toBe(0);
    expect(invoiceCount()).toBe(0);

    till.libs.rates.set('BTC', btcRate);
    const started = await till.core.call(
      'payments.start',
      { orderId, paymentId, tender: 'crypto', options: { chainKey: 'btc:regtest', asset: 'BTC' } },
      till.cashier,
    );
    expect(started.payment.status).toBe('pending');
    expect([paymentCount(), invoiceCount()]).toEqual([1, 1]);
  });

  it('other tenders refuse options they do not take; cash without options is unaffected', async () => {
    const orderId = await till.newOrder();
    const refused = await till.core.invoke(
      'payments.start',
      { orderId, tender: 'cash', tendered: '2500', options: { chainKey: 'btc:regtest' } },
      till.cashier,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('bad_input');
      expect(refused.error.message).toMatch(/Cash tender takes no options \(got chainKey\)/i);
    }
    expect(paymentCount()).toBe(0);
    const paid = await till.core.call(
      'payments.start',
      { orderId, tender: 'cash', tendered: '2500' },
      till.cashier,
    );
    expect(paid.order.status).toBe('paid');
  });
});
