/**
 * For the crypto tests: fake libraries (keys, addresses, URIs, QR, rates) and fake watchers that
 * the test drives (the whole current set of payments per address, the tip), and a real core on a
 * temp folder with staff, a product, an open shift and a clock the test moves. Used by tests only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { renderQrSvg } from '../paymentQr';
import {
  type ChainTip,
  type ChainWatcher,
  type ObservedPayment,
  type PaymentsListener,
  type TipListener,
} from '../chains/watcher';
import { createCore, type Core } from '../core';
import { createLedger, type Ledger } from '../ledger';
import { type ChainConfig, type CryptoLibs, RateUnavailable } from './libs';
import { testPinHashParams } from '../staff';

export const fakeUsdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

export interface FakeWatcher extends ChainWatcher {
  /** Shows the whole current set of payments to an address (as a real watcher does). */
  show(address: string, payments: readonly Partial<ObservedPayment>[]): void;
  setTip(height: number): void;
  watched(): string[];
  history: Set<string>;
}

export function createFakeWatcher(chain: string): FakeWatcher {
  const paymentListeners = new Set<PaymentsListener>();
  const tipListeners = new Set<TipListener>();
  const addresses = new Set<string>();
  let tip: ChainTip = { height: 100, hash: 'h100', seenAtMs: 0 };
  // The last set shown per address, as the test gave it: a new tip re-counts its confirmations.
  const sets = new Map<string, readonly Partial<ObservedPayment>[]>();
  const emit = (address: string, payments: readonly Partial<ObservedPayment>[]) => {
    const full: ObservedPayment[] = payments.map((p, i) => {
      const height = p.blockHeight ?? null;
      return {
        key: p.key ?? `${chain}:${address}:${i}`,
        address,
        asset: p.asset ?? (chain.startsWith('btc') ? 'BTC' : 'ETH'),
        amountUnits: p.amountUnits ?? 0n,
        txid: p.txid === undefined ? 'a'.repeat(64) : p.txid,
        blockHeight: height,
        blockHash: p.blockHash ?? null,
        confirmations: p.confirmations ?? (height === null ? 0 : Math.max(0, tip.height - height + 1)),
        replaceable: p.replaceable ?? false,
        from: p.from ?? [],
      };
    });
    for (const listener of paymentListeners) listener(address, full);
  };
  return {
    chain,
    history: new Set(),
    watch: (address) => void addresses.add(address),
    unwatch: (address) => void addresses.delete(address),
    watchedCount: () => addresses.size,
    watched: () => [...addresses],
    onPayments(listener) {
      paymentListeners.add(listener);
      return () => paymentListeners.delete(listener);
    },
    onTip(listener) {
      tipListeners.add(listener);
      return () => tipListeners.delete(listener);
    },
    hasHistory(address) {
      return Promise.resolve(this.history.has(address));
    },
    refresh: () => Promise.resolve(),
    health: () => ({ state: 'ok', detail: 'fake', tip }),
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    show(address, payments) {
      sets.set(address, payments);
      emit(address, payments);
    },
    setTip(height) {
      tip = { height, hash: `h${height}`, seenAtMs: 0 };
      for (const [address, payments] of sets) emit(address, payments);
      for (const listener of tipListeners) listener(tip);
    },
  };
}

export const fakeChains: ChainConfig[] = [
  {
    chainKey: 'btc:regtest',
    family: 'bitcoin',
    network: 'regtest',
    label: 'Bitcoin regtest',
    assets: [{ symbol: 'BTC', contract: null, decimals: 8 }],
    confirmations: 2,
    qrStyle: 'uri',
    enabled: true,
    bitcoin: { kind: 'esplora', url: 'http://127.0.0.1:1/api' },
  },
  {
    chainKey: 'evm:31337',
    family: 'evm',
    network: '31337',
    label: 'Local EVM',
    assets: [
      { symbol: 'ETH', contract: null, decimals: 18 },
      { symbol: 'USDC', contract: fakeUsdc, decimals: 6 },
    ],
    confirmations: 3,
    qrStyle: 'address',
    enabled: true,
    evm: { rpcUrls: ['http://127.0.0.1:1'], wsUrls: [] },
    explorerTxUrl: 'https://explorer.test/tx/{txid}',
  },
];

export interface FakeLibs extends CryptoLibs {
  readonly watchers: Map<string, FakeWatcher>;
  rates: Map<string, string>;
  /** The ERC-20 tokens the fake chains answer for, by lower-case contract address. */
  readonly tokens: Map<string, { symbol: string; decimals: number }>;
}

export function createFakeLibs(): FakeLibs {
  const watchers = new Map<string, FakeWatcher>();
  const rates = new Map<string, string>([
    ['BTC', '50000'],
    ['ETH', '2500'],
    ['USDC', '1.0002'],
  ]);
  const tokens = new Map<string, { symbol: string; decimals: number }>();
  return {
    watchers,
    rates,
    tokens,
    readToken(_chain, contract) {
      const token = tokens.get(contract.toLowerCase());
      return token
        ? Promise.resolve({ ...token, contract })
        : Promise.reject(new Error('No token answers at that address on this chain (decimals() failed).'));
    },
    parseAccountKey(family, network, text) {
      if (!/^(xpub|zpub|tpub|vpub)[0-9A-Za-z]{10,}$/.test(text.trim()))
        throw new Error('Not an extended public key.');
      return { publicKey: text.trim(), network };
    },
    deriveAddress: (family, network, publicKey, index) =>
      family === 'bitcoin'
        ? `bcrt1q${publicKey.slice(4, 10).toLowerCase()}${index}`
        : `0x${publicKey.slice(4, 10)}${String(index).padStart(34, '0')}`,
    isValidAddress: (chain, address) =>
      chain.family === 'bitcoin'
        ? /^bcrt1q[0-9a-z]{6,60}$/.test(address)
        : /^0x[0-9a-fA-F]{40}$/.test(address),
    explorerTxUrl: (chain, txid) => (chain.family === 'bitcoin' ? null : `https://explorer.test/tx/${txid}`),
    presets: () => fakeChains,
    createWatcher(chain) {
      let watcher = watchers.get(chain.chainKey);
      if (!watcher) {
        watcher = createFakeWatcher(chain.chainKey);
        watchers.set(chain.chainKey, watcher);
      }
      return watcher;
    },
    paymentUri: ({ chain, address, asset, amountUnits }) =>
      chain.family === 'bitcoin'
        ? `bitcoin:${address}?amount=${amountUnits}`
        : asset.contract
          ? `ethereum:${asset.contract}@${chain.network}/transfer?address=${address}&uint256=${amountUnits}`
          : `ethereum:${address}@${chain.network}?value=${amountUnits}`,
    renderQr: (text, format) =>
      Promise.resolve(format === 'svg' ? renderQrSvg(text) : Buffer.from(text).toString('base64')),
    quote(asset) {
      const rate = rates.get(asset);
      return rate
        ? Promise.resolve({ rate, source: 'fake', atMs: 0 })
        : Promise.reject(new RateUnavailable('the fake source has no rate'));
    },
  };
}

export interface CryptoTill {
  readonly core: Core;
  readonly libs: FakeLibs;
  readonly ledger: Ledger;
  readonly owner: string;
  readonly manager: string;
  readonly cashier: string;
  /** A $25.00 item (no tax). */
  readonly item: string;
  /** Moves the clock forward. */
  advance(ms: number): void;
  nowMs(): number;
  newOrder(): Promise<string>;
  balance(code: string): bigint;
  close(): Promise<void>;
}

export const zpubLike = 'zpubTESTKEY1234567890abcdefghij';
export const xpubLike = 'xpubEVMKEY1234567890abcdefghijk';

export async function openCryptoTill(
  options: { libs?: FakeLibs; cryptoLibs?: CryptoLibs; tickMs?: number } = {},
): Promise<CryptoTill> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-crypto-'));
  let clockMs = Date.parse('2026-12-07T09:00:00.000Z');
  const now = () => new Date((clockMs += 1));
  const libs = options.libs ?? createFakeLibs();
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: process.env.TP_LOG ?? 'silent' }),
    now,
    crypto: { libs: options.cryptoLibs ?? libs, tickMs: options.tickMs ?? 3_600_000 },
  });
  const setup = await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' });
  const member = async (name: string, role: 'manager' | 'cashier', pin: string) => {
    const created = await core.call('staff.create', { name, role, pin }, setup.session);
    return (await core.call('staff.login', { staffId: created.staffId, pin })).session;
  };
  const manager = await member('Mona Manager', 'manager', '739164');
  const cashier = await member('Carl Cashier', 'cashier', '615928');
  const { taxClass } = await core.call(
    'catalog.saveTaxClass',
    { name: 'Exempt', rates: [{ taxId: 'exempt', name: 'No tax', ratePercent: '0' }] },
    setup.session,
  );
  const saved = await core.call(
    'catalog.saveProduct',
    {
      name: 'Gift card',
      taxClassId: taxClass.id,
      variants: [
        { sku: 'GIFT-25', barcodes: [], prices: [{ currency: 'USD', amount: '2500' }], trackStock: false },
      ],
    },
    setup.session,
  );
  const item = saved.product.variants[0]?.id ?? '';
  await core.call('shifts.open', { float: { amount: '10000' } }, manager);
  const ledger = createLedger(core.db, { now });
  return {
    core,
    libs,
    ledger,
    owner: setup.session,
    manager,
    cashier,
    item,
    advance: (ms) => {
      clockMs += ms;
    },
    nowMs: () => clockMs,
    async newOrder() {
      const orderId = (await core.call('orders.create', {}, cashier)).order.id;
      await core.call('orders.addLine', { orderId, variantId: item, quantity: 1 }, cashier);
      return orderId;
    },
    balance(code) {
      const account = ledger.findAccount('USD', code, '');
      return account ? ledger.balance(account.id).net : 0n;
    },
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
