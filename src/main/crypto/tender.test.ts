/**
 * The crypto tender through the real core with fake watchers: wallet → invoice → payments seen →
 * settled → ledger, and partial, over, late, a reorg that takes a payment back, a replay that
 * credits nothing twice, expiry that voids the pending transfer; the ledger's invariants after each.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { openCryptoTill, type CryptoTill, zpubLike, xpubLike, fakeUsdc } from './cryptoTestKit';

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
const invoiceOf = async (invoiceId: string) =>
  (await till.core.call('invoices.get', { invoiceId }, till.cashier)).invoice;
const orderOf = async (orderId: string) =>
  (await till.core.call('orders.get', { orderId }, till.cashier)).order;
const pay = async (orderId: string, chainKey = 'btc:regtest', asset = 'BTC') =>
  till.core.call('invoices.create', { orderId, chainKey, asset }, till.cashier);
const invariantsHold = () => expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
const transferCount = () =>
  till.core.db.prepare('SELECT COUNT(*) FROM ledger_transfers').pluck().get() as number;

describe('crypto tender', () => {
  it('refuses a private key or a seed phrase and never stores it', async () => {
    const seed =
      'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    for (const secret of [
      seed,
      'xprv9s21ZrQH143K3GJpoapnV8SFfukcVBSfeCficPSGfubmSFDxo1kuHnLisriDvSnRRuL2Qrg5ggqHKNVpxR86QEC8w35uxmGoggxtQTPvfUu',
      'a'.repeat(64),
    ]) {
      const result = await till.core.invoke(
        'wallets.add',
        { family: 'bitcoin', network: 'mainnet', publicKey: secret },
        till.owner,
      );
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toMatch(/never takes one/);
        expect(JSON.stringify(result.error)).not.toContain(secret.slice(0, 20));
      }
    }
    const stored = till.core.db.prepare('SELECT public_key FROM crypto_wallets').pluck().all() as string[];
    expect(stored).toEqual([zpubLike, xpubLike]);
  });

  it('lists wallets with their first addresses', async () => {
    const { wallets } = await till.core.call('wallets.list', {}, till.owner);
    expect(wallets).toHaveLength(2);
    expect(wallets[0]?.firstAddresses.map((a) => a.index)).toEqual([0, 1, 2, 3, 4]);
    const denied = await till.core.invoke('wallets.list', {}, till.cashier);
    expect(denied.ok).toBe(false);
  });

  it('takes a full payment: seen → confirming 1/2 → paid; the ledger posts once', async () => {
    const orderId = await till.newOrder();
    const { invoice, payment } = await pay(orderId);
    expect(invoice.amountUnits).toBe('50000'); // $25.00 at 50,000 USD/BTC = 0.0005 BTC
    expect(invoice.amount).toBe('0.0005');
    expect(invoice.uri).toBe(`bitcoin:${invoice.address}?amount=50000`);
    expect(payment.status).toBe('pending');
    expect(invoice.phase).toBe('waiting');
    expect(btc().watched()).toContain(invoice.address);

    btc().show(invoice.address, [{ key: 'btc:t1:0', amountUnits: 50_000n }]);
    expect((await invoiceOf(invoice.id)).phase).toBe('seen');
    btc().show(invoice.address, [{ key: 'btc:t1:0', amountUnits: 50_000n, blockHeight: 100 }]);
    let now = await invoiceOf(invoice.id);
    expect([now.status, now.phase, now.confirmations]).toEqual(['processing', 'confirming', 1]);
    expect((await orderOf(orderId)).status).toBe('open');
    expect(till.balance('crypto_wallet')).toBe(0n);

    btc().setTip(101);
    now = await invoiceOf(invoice.id);
    expect([now.status, now.phase]).toEqual(['settled', 'paid']);
    const order = await orderOf(orderId);
    expect(order.status).toBe('paid');
    expect(order.payments[0]?.status).toBe('succeeded');
    expect(till.balance('crypto_wallet')).toBe(2500n);
    expect(btc().watched()).not.toContain(invoice.address);

    // A replay of the same set credits nothing twice.
    const before = transferCount();
    btc().show(invoice.address, [{ key: 'btc:t1:0', amountUnits: 50_000n, blockHeight: 100 }]);
    btc().setTip(105);
    await till.core.payments.reconcileNow();
    expect(transferCount()).toBe(before);
    expect(till.balance('crypto_wallet')).toBe(2500n);
    invariantsHold();
  });

  it('locks the market rate less the store’s spread, so the customer pays the spread in units', async () => {
    const saved = await till.core.call('crypto.saveSettings', { spreadPercent: '1' }, till.owner);
    expect(saved.settings.spreadPercent).toBe('1');
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    // $25.00 at 50,000 ÷ 1.01 = 49,504.95049 USD/BTC (10 digits, rounded down) → 50,500.0000… sats, rounded up.
    expect(invoice.rate).toBe('49504.95049');
    expect(invoice.amountUnits).toBe('50501');
    await expect(
      till.core.call('crypto.saveSettings', { spreadPercent: '25' }, till.owner),
    ).rejects.toMatchObject({ code: 'bad_input' });
  });

  it('a partial payment expires: the pending transfer is voided and the money is refundable', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    btc().show(invoice.address, [{ key: 'btc:p:0', amountUnits: 20_000n, blockHeight: 100 }]);
    let now = await invoiceOf(invoice.id);
    expect([now.status, now.exception, now.dueUnits]).toEqual(['new', 'paid_partial', '30000']);
    expect(now.message).toMatch(/Underpaid/);
    till.advance(16 * 60_000);
    now = await invoiceOf(invoice.id);
    expect([now.status, now.exception]).toEqual(['expired', 'paid_partial']);
    const order = await orderOf(orderId);
    expect(order.status).toBe('open');
    expect(order.payments[0]?.status).toBe('expired');
    expect(order.amountDueMinor).toBe('2500');
    expect(till.balance('crypto_wallet')).toBe(0n);

    const refund = await till.core.call(
      'cryptoRefunds.create',
      { invoiceId: invoice.id, address: 'bcrt1qcustomer1' },
      till.manager,
    );
    expect(refund.refund.amountUnits).toBe('20000');
    const bad = await till.core.invoke(
      'cryptoRefunds.create',
      { invoiceId: invoice.id, address: '0x1234' },
      till.manager,
    );
    expect(bad.ok).toBe(false);
    const done = await till.core.call(
      'cryptoRefunds.markSent',
      { refundId: refund.refund.id, txid: 'b'.repeat(64) },
      till.manager,
    );
    expect(done.refund.status).toBe('done');
    invariantsHold();
  });

  it('an overpayment settles with paid_over and the extra can be sent back', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    btc().show(invoice.address, [{ key: 'btc:o:0', amountUnits: 60_000n, blockHeight: 99 }]);
    const now = await invoiceOf(invoice.id);
    expect([now.status, now.exception, now.overUnits]).toEqual(['settled', 'paid_over', '10000']);
    expect((await orderOf(orderId)).status).toBe('paid');
    expect(till.balance('crypto_wallet')).toBe(2500n);
    const refund = await till.core.call(
      'cryptoRefunds.create',
      { invoiceId: invoice.id, address: 'bcrt1qcustomer2' },
      till.manager,
    );
    expect(refund.refund.amountUnits).toBe('10000');
    const again = await till.core.invoke(
      'cryptoRefunds.create',
      { invoiceId: invoice.id, address: 'bcrt1qcustomer2' },
      till.manager,
    );
    expect(again.ok).toBe(false);
    invariantsHold();
  });

  it('a reorg takes a payment back before settlement; the invoice waits again', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    btc().show(invoice.address, [{ key: 'btc:r:0', amountUnits: 50_000n, blockHeight: 100 }]);
    expect((await invoiceOf(invoice.id)).status).toBe('processing');
    btc().show(invoice.address, []); // the block was reorganised away, the transaction dropped
    const now = await invoiceOf(invoice.id);
    expect([now.status, now.phase, now.paidUnits]).toEqual(['new', 'waiting', '0']);
    expect(now.payments[0]?.gone).toBe(true);
    expect((await orderOf(orderId)).payments[0]?.status).toBe('pending');
    // It comes back in another block and confirms.
    btc().show(invoice.address, [{ key: 'btc:r:0', amountUnits: 50_000n, blockHeight: 101 }]);
    btc().setTip(102);
    expect((await invoiceOf(invoice.id)).status).toBe('settled');
    expect((await orderOf(orderId)).status).toBe('paid');
    invariantsHold();
  });

  it('a late payment waits for a manager, who accepts it: the order is paid', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    till.advance(16 * 60_000);
    expect((await invoiceOf(invoice.id)).status).toBe('expired');
    expect((await orderOf(orderId)).payments[0]?.status).toBe('expired');
    btc().show(invoice.address, [{ key: 'btc:l:0', amountUnits: 50_000n, blockHeight: 99 }]);
    let now = await invoiceOf(invoice.id);
    expect([now.status, now.exception]).toEqual(['expired', 'paid_late']);
    const cashierTry = await till.core.invoke('invoices.acceptLate', { invoiceId: invoice.id }, till.cashier);
    expect(cashierTry.ok).toBe(false);
    now = (await till.core.call('invoices.acceptLate', { invoiceId: invoice.id }, till.manager)).invoice;
    expect(now.status).toBe('settled');
    const order = await orderOf(orderId);
    expect(order.status).toBe('paid');
    expect(order.payments.map((p) => p.status)).toEqual(['expired', 'succeeded']);
    expect(till.balance('crypto_wallet')).toBe(2500n);
    invariantsHold();
  });

  it('expiry with nothing paid voids the payment; cancel voids at once', async () => {
    const first = await till.newOrder();
    const { invoice } = await pay(first);
    const canceled = await till.core.call('invoices.cancel', { invoiceId: invoice.id }, till.cashier);
    expect(canceled.invoice.status).toBe('invalid');
    expect((await orderOf(first)).payments[0]?.status).toBe('canceled');

    const second = await pay(first);
    till.advance(16 * 60_000);
    await till.core.payments.reconcileNow();
    expect((await invoiceOf(second.invoice.id)).status).toBe('expired');
    expect((await orderOf(first)).amountDueMinor).toBe('2500');
    expect(till.balance('crypto_wallet')).toBe(0n);
    // Each invoice got its own address.
    expect(second.invoice.address).not.toBe(invoice.address);
    invariantsHold();
  });

  it('refuses to cancel while a full payment confirms', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    btc().show(invoice.address, [{ key: 'btc:c:0', amountUnits: 50_000n }]);
    const result = await till.core.invoke('invoices.cancel', { invoiceId: invoice.id }, till.cashier);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('conflict');
  });

  it('says rate_unavailable and writes nothing when no rate can be locked', async () => {
    till.libs.rates.delete('BTC');
    const orderId = await till.newOrder();
    const error = await pay(orderId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(((error as ApiCallError).details as { reason?: string }).reason).toBe('rate_unavailable');
    expect((await orderOf(orderId)).payments).toHaveLength(0);
    // A manual rate lets it through.
    await till.core.call('rates.settings', { manualRates: { BTC: '40000' } }, till.owner);
    const { invoice } = await pay(orderId);
    expect([invoice.rate, invoice.rateSource, invoice.amountUnits]).toEqual(['40000', 'manual', '62500']);
  });

  it('pays with a token on an EVM chain: the token contract is matched, the native coin ignored', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId, 'evm:31337', 'USDC');
    // $25.00 at 1.0002 → 24.995001 USDC, rounded up to the unit.
    expect(invoice.amountUnits).toBe('24995001');
    expect(invoice.tokenContract).toBe(fakeUsdc);
    expect(invoice.qrStyle).toBe('address');
    expect(invoice.checkHint).toMatch(/chain id 31337/);
    const evm = till.libs.watchers.get('evm:31337');
    evm?.show(invoice.address, [
      { key: 'evm:31337:0x1:native', asset: 'ETH', amountUnits: 10n ** 18n, blockHeight: 90 },
      {
        key: 'evm:31337:0x2:0',
        asset: fakeUsdc.toLowerCase(),
        amountUnits: 24_995_001n,
        blockHeight: 98,
        txid: '0x' + 'c'.repeat(64),
      },
    ]);
    const now = await invoiceOf(invoice.id);
    expect([now.status, now.paidUnits]).toEqual(['settled', '24995001']);
    expect(now.payments.map((p) => p.explorerUrl)).toEqual([`https://explorer.test/tx/0x${'c'.repeat(64)}`]);
    const { text: receipt } = await till.core.call(
      'receipts.render',
      { orderId, format: 'text' },
      till.cashier,
    );
    expect(receipt).toContain('24.995001 USDC');
    expect(receipt?.replace(/\s+/g, '')).toContain('c'.repeat(64));
  });

  it('renders the QR of the URI and of the address alone', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    const uri = await till.core.call(
      'invoices.qr',
      { invoiceId: invoice.id, content: 'uri', format: 'svg' },
      till.cashier,
    );
    expect(uri.text).toBe(invoice.uri);
    expect(uri.dataUrl.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const address = await till.core.call(
      'invoices.qr',
      { invoiceId: invoice.id, content: 'address' },
      till.cashier,
    );
    expect(address.text).toBe(invoice.address);
    const list = await till.core.call('invoices.list', {}, till.cashier);
    expect(list.invoices.map((i) => i.id)).toEqual([invoice.id]);
  });

  it('skips an address that already holds history, and warns past the gap limit with the fix', async () => {
    const chain = till.libs.presets().find((c) => c.chainKey === 'btc:regtest');
    if (!chain) throw new Error('no regtest preset');
    const watcher = till.libs.createWatcher(chain) as ReturnType<typeof btc>;
    const { wallets } = await till.core.call('wallets.list', {}, till.owner);
    const first = wallets.find((w) => w.family === 'bitcoin')?.firstAddresses ?? [];
    watcher.history.add(first[0]?.address ?? '');
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    expect(invoice.address).toBe(first[1]?.address);

    await till.core.call('crypto.saveSettings', { gapLimit: 2 }, till.owner);
    await pay(orderId).catch(() => undefined); // in flight already: refused
    await till.core.call('invoices.cancel', { invoiceId: invoice.id }, till.cashier);
    await pay(orderId);
    const after = (await till.core.call('wallets.list', {}, till.owner)).wallets.find(
      (w) => w.family === 'bitcoin',
    );
    expect(after?.unpaidInARow).toBe(2);
    expect(after?.gapWarning).toMatch(/gap limit/);
    expect(after?.nextIndex).toBe(3);
  });

  it('offers only configured chains with a wallet; crypto.demoPay is refused outside demo mode', async () => {
    const { options } = await till.core.call('invoices.options', {}, till.cashier);
    expect(options.map((o) => o.chainKey)).toEqual(['btc:regtest', 'evm:31337']);
    await till.core.call('chains.configure', { chainKey: 'evm:31337', enabled: false }, till.owner);
    const after = await till.core.call('invoices.options', {}, till.cashier);
    expect(after.options.map((o) => o.chainKey)).toEqual(['btc:regtest']);
    const orderId = await till.newOrder();
    const { invoice } = await pay(orderId);
    const demo = await till.core.invoke(
      'crypto.demoPay',
      { invoiceId: invoice.id, kind: 'full' },
      till.cashier,
    );
    expect(demo.ok).toBe(false);
  });
});
