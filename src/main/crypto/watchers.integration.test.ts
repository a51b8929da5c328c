/**
 * The crypto domain with the REAL watchers on the simulated chains (Bitcoin regtest served as
 * Esplora REST with real signed transactions; an EVM chain over JSON-RPC with an ERC-20): a payment
 * replaced by RBF, and one removed by a reorg, are taken back before settlement (the invoice waits
 * again and nothing is posted); paid again, they confirm and the sale is paid once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBitcoinSimChain, type BitcoinSimChain } from '../chains/bitcoin';
import { createEvmSimChain, type EvmSimChain } from '../chains/evm';
import { demoBitcoinAccountKey, demoEvmAccountKey } from './demo';
import { type ChainConfig, type CryptoLibs } from './libs';
import { createRealLibs } from './realLibs';
import { openCryptoTill, type CryptoTill } from './cryptoTestKit';

let bitcoin: BitcoinSimChain;
let evm: EvmSimChain;
let till: CryptoTill;

beforeAll(async () => {
  bitcoin = await createBitcoinSimChain({ network: 'regtest' });
  evm = await createEvmSimChain({ chainId: 31337 });
  const chains: ChainConfig[] = [
    {
      chainKey: 'btc:regtest',
      family: 'bitcoin',
      network: 'regtest',
      label: 'Bitcoin regtest',
      assets: [{ symbol: 'BTC', contract: null, decimals: 8 }],
      confirmations: 2,
      qrStyle: 'uri',
      enabled: true,
      bitcoin: { kind: 'esplora', url: bitcoin.esploraUrl },
    },
    {
      chainKey: 'evm:31337',
      family: 'evm',
      network: '31337',
      label: 'Local EVM',
      assets: [
        { symbol: 'ETH', contract: null, decimals: 18 },
        ...evm.tokens.map((t) => ({ symbol: t.symbol, contract: t.address, decimals: t.decimals })),
      ],
      confirmations: 3,
      qrStyle: 'uri',
      enabled: true,
      evm: { rpcUrls: [evm.rpcUrl], wsUrls: [] },
    },
  ];
  const real = createRealLibs({ watcherTiming: { pollIntervalMs: 100 } });
  const libs: CryptoLibs = {
    ...real,
    presets: () => chains,
    quote: (asset) => Promise.resolve({ rate: asset === 'BTC' ? '50000' : '1', source: 'test', atMs: 0 }),
  };
  till = await openCryptoTill({ cryptoLibs: libs, tickMs: 100 });
  await till.core.call(
    'wallets.add',
    { family: 'bitcoin', network: 'regtest', publicKey: demoBitcoinAccountKey },
    till.owner,
  );
  await till.core.call(
    'wallets.add',
    { family: 'evm', network: 'evm', publicKey: demoEvmAccountKey },
    till.owner,
  );
});
afterAll(async () => {
  await till.close();
  await bitcoin.close();
  await evm.close();
});

const invoiceOf = async (invoiceId: string) =>
  (await till.core.call('invoices.get', { invoiceId }, till.cashier)).invoice;
const poll = { timeout: 30_000, interval: 100 };

describe('real watchers on the simulated chains', () => {
  it('Bitcoin: a payment replaced by RBF is taken back; paid again it confirms and pays the sale once', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await till.core.call(
      'invoices.create',
      { orderId, chainKey: 'btc:regtest', asset: 'BTC' },
      till.cashier,
    );
    expect(invoice.address.startsWith('bcrt1q')).toBe(true);
    const first = bitcoin.pay(invoice.address, BigInt(invoice.amountUnits), { rbf: true });
    await expect.poll(async () => (await invoiceOf(invoice.id)).phase, poll).toBe('seen');
    expect((await invoiceOf(invoice.id)).payments[0]?.replaceable).toBe(true);

    bitcoin.replace(first); // the customer's wallet sends it back to itself instead
    await expect.poll(async () => (await invoiceOf(invoice.id)).phase, poll).toBe('waiting');
    expect((await invoiceOf(invoice.id)).payments.map((p) => p.gone)).toEqual([true]);
    expect(till.balance('crypto_wallet')).toBe(0n);

    const second = bitcoin.pay(invoice.address, BigInt(invoice.amountUnits));
    bitcoin.mine(2);
    await expect.poll(async () => (await invoiceOf(invoice.id)).status, poll).toBe('settled');
    const settled = await invoiceOf(invoice.id);
    expect(settled.payments.filter((p) => !p.gone).map((p) => p.txid)).toEqual([second]);
    expect((await till.core.call('orders.get', { orderId }, till.cashier)).order.status).toBe('paid');
    expect(till.balance('crypto_wallet')).toBe(2500n);
    expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
  });

  it('EVM token: a transfer removed by a reorg is taken back; paid again it settles', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await till.core.call(
      'invoices.create',
      { orderId, chainKey: 'evm:31337', asset: 'USDC' },
      till.cashier,
    );
    evm.pay(invoice.address, BigInt(invoice.amountUnits), { token: 'USDC' });
    evm.mine(1);
    await expect.poll(async () => (await invoiceOf(invoice.id)).phase, poll).toBe('confirming');
    const height = (await invoiceOf(invoice.id)).payments[0]?.blockHeight ?? evm.tipHeight();
    const depth = evm.tipHeight() - height + 1;
    evm.reorg(depth); // the blocks from the payment's on are replaced; its transfer is gone
    await expect.poll(async () => (await invoiceOf(invoice.id)).phase, poll).toBe('waiting');
    expect((await till.core.call('orders.get', { orderId }, till.cashier)).order.payments[0]?.status).toBe(
      'pending',
    );

    evm.pay(invoice.address, BigInt(invoice.amountUnits), { token: 'USDC' });
    evm.mine(3);
    await expect.poll(async () => (await invoiceOf(invoice.id)).status, poll).toBe('settled');
    expect((await till.core.call('orders.get', { orderId }, till.cashier)).order.status).toBe('paid');
    expect(till.balance('crypto_wallet')).toBe(5000n);
    expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
  });
});
