/**
 * The watcher's behaviour, as one list of scenarios run against the real Hardhat node and against
 * the simulator (the demo's chain): token and coin payments found with their natural keys, partial
 * and over amounts, confirmations, a contract wallet's transfer found by the balance check, a reorg
 * that takes a payment back, a replayed scan that gives no second key, WebSocket heads, fail-over,
 * HTTP 429 back-off and a provider's log-range limit. No timing assertion: waits only wait.
 */
import { Wallet, getAddress } from 'ethers';
import { afterAll, expect, it } from 'vitest';
import { createEvmWatcher, type EvmWatcher, type EvmWatcherOptions } from '../../src/main/chains/evm';
import { type ObservedPayment } from '../../src/main/chains/watcher';
import { type ChainDriver } from './drivers';
import { freePort } from './hardhatNode';
import { startRpcProxy } from './rpcProxy';

interface Harness {
  watcher: EvmWatcher;
  sets: Map<string, readonly ObservedPayment[]>;
  calls: Map<string, number>;
}

export function defineWatcherScenarios(getDriver: () => ChainDriver): void {
  const open: EvmWatcher[] = [];
  afterAll(async () => {
    await Promise.all(open.map((watcher) => watcher.stop()));
  });

  async function startWatcher(overrides: Partial<EvmWatcherOptions> = {}): Promise<Harness> {
    const driver = getDriver();
    const watcher = createEvmWatcher({
      chainId: driver.chainId,
      rpcUrls: [driver.rpcUrl],
      confirmations: 3,
      pollIntervalMs: 600_000,
      nativeSymbol: driver.nativeSymbol,
      tokens: [driver.token],
      ...overrides,
    });
    open.push(watcher);
    const sets = new Map<string, readonly ObservedPayment[]>();
    const calls = new Map<string, number>();
    watcher.onPayments((address, payments) => {
      sets.set(address.toLowerCase(), payments);
      calls.set(address.toLowerCase(), (calls.get(address.toLowerCase()) ?? 0) + 1);
    });
    await watcher.start();
    await watcher.refresh();
    return { watcher, sets, calls };
  }

  const fresh = () => Wallet.createRandom().address;
  const setOf = (harness: Harness, address: string) => harness.sets.get(address.toLowerCase()) ?? [];

  it('finds an ERC-20 payment with its natural key, amount, sender and confirmations', async () => {
    const driver = getDriver();
    const h = await startWatcher();
    const address = fresh();
    h.watcher.watch(address);
    await h.watcher.refresh();
    expect(setOf(h, address)).toEqual([]);
    const txHash = await driver.payToken(address, 12_500_000n);
    const height = await driver.mine();
    await h.watcher.refresh();
    const [payment, ...rest] = setOf(h, address);
    expect(rest).toEqual([]);
    expect(payment).toMatchObject({
      address,
      asset: getAddress(driver.token),
      amountUnits: 12_500_000n,
      txid: txHash.toLowerCase(),
      blockHeight: height,
      confirmations: 1,
      final: false,
      replaceable: false,
    });
    expect(payment?.key).toMatch(new RegExp(`^evm:${driver.chainId}:${txHash.toLowerCase()}:\\d+$`));
    expect(payment?.from).toHaveLength(1);
  });

  it('finds native payments, each full, partial or over amount as paid, and counts confirmations', async () => {
    const driver = getDriver();
    const h = await startWatcher();
    const address = fresh();
    h.watcher.watch(address);
    await h.watcher.refresh();
    const first = await driver.payNative(address, 300_000_000_000_000n); // a partial payment
    await driver.mine();
    await h.watcher.refresh();
    expect(setOf(h, address).map((p) => p.amountUnits)).toEqual([300_000_000_000_000n]);
    const second = await driver.payNative(address, 900_000_000_000_000n); // the top-up, more than due
    await driver.mine();
    await h.watcher.refresh();
    const set = setOf(h, address);
    expect(set.map((p) => [p.key, p.amountUnits, p.asset, p.confirmations])).toEqual([
      [`evm:${driver.chainId}:${first.toLowerCase()}:native`, 300_000_000_000_000n, 'ETH', 2],
      [`evm:${driver.chainId}:${second.toLowerCase()}:native`, 900_000_000_000_000n, 'ETH', 1],
    ]);
    await driver.mine(2);
    await h.watcher.refresh();
    expect(setOf(h, address).map((p) => [p.confirmations, p.final])).toEqual([
      [4, true],
      [3, true],
    ]);
    expect(h.watcher.health()).toMatchObject({ state: 'ok' });
    expect(h.watcher.health().tip?.height).toBe(await driver.tip());
  });

  it('finds a coin transfer from a contract wallet through the balance check', async () => {
    const driver = getDriver();
    const h = await startWatcher();
    const address = fresh();
    h.watcher.watch(address);
    await h.watcher.refresh();
    await driver.payViaContract(address, 5_000_000_000_000_000n);
    const height = await driver.mine();
    await h.watcher.refresh();
    expect(setOf(h, address)).toEqual([
      expect.objectContaining({
        key: `evm:${driver.chainId}:balance:${getAddress(address)}:${height}`,
        asset: 'ETH',
        amountUnits: 5_000_000_000_000_000n,
        txid: null,
        blockHeight: height,
      }),
    ]);
    expect(h.watcher.stats().balanceCheck).toBe('on');
  });

  it('takes a payment back when a reorg removes its block, and tells the listener', async () => {
    const driver = getDriver();
    const h = await startWatcher();
    const tokenAddress = fresh();
    const coinAddress = fresh();
    h.watcher.watch(tokenAddress);
    h.watcher.watch(coinAddress);
    await h.watcher.refresh();
    const mark = await driver.mark();
    await driver.payToken(tokenAddress, 1_000_000n);
    await driver.payNative(coinAddress, 10n ** 15n);
    await driver.mine();
    await driver.mine();
    await h.watcher.refresh();
    expect(setOf(h, tokenAddress)).toHaveLength(1);
    expect(setOf(h, coinAddress)).toHaveLength(1);
    await driver.reorgTo(mark);
    await h.watcher.refresh();
    expect(setOf(h, tokenAddress)).toEqual([]);
    expect(setOf(h, coinAddress)).toEqual([]);
    expect(h.watcher.stats().reorgs).toBeGreaterThan(0);
    // The chain goes on; a new payment on the new branch is found.
    await driver.payToken(tokenAddress, 2_000_000n);
    await driver.mine();
    await h.watcher.refresh();
    expect(setOf(h, tokenAddress).map((p) => p.amountUnits)).toEqual([2_000_000n]);
  });

  it('gives no second key when the same blocks are scanned again (rescan, restart)', async () => {
    const driver = getDriver();
    const h = await startWatcher();
    const address = fresh();
    const fromHeight = (await driver.tip()) + 1;
    h.watcher.watch(address, { fromHeight });
    await driver.payToken(address, 7_000_000n);
    await driver.payNative(address, 10n ** 14n);
    await driver.mine();
    await h.watcher.refresh();
    const keys = setOf(h, address).map((p) => p.key);
    expect(keys).toHaveLength(2);
    // The same address handed again with its first height: the blocks are scanned again.
    h.watcher.watch(address, { fromHeight });
    await h.watcher.refresh();
    await h.watcher.refresh();
    expect(setOf(h, address).map((p) => p.key)).toEqual(keys);
    // A restarted watcher finds the very same keys.
    const again = await startWatcher();
    again.watcher.watch(address, { fromHeight });
    await again.watcher.refresh();
    expect(setOf(again, address).map((p) => p.key)).toEqual(keys);
    // Payments before fromHeight are not this invoice's.
    const later = await startWatcher();
    later.watcher.watch(address, { fromHeight: (await driver.tip()) + 1 });
    await later.watcher.refresh();
    expect(setOf(later, address)).toEqual([]);
  });

  it('tells whether an address has history', async () => {
    const driver = getDriver();
    const h = await startWatcher();
    const used = fresh();
    await driver.payToken(used, 1n);
    await driver.mine();
    expect(await h.watcher.hasHistory(used)).toBe(true);
    expect(await h.watcher.hasHistory(fresh())).toBe(false);
  });

  it('hears new blocks over WebSocket without polling', async () => {
    const driver = getDriver();
    const h = await startWatcher({ wsUrls: [driver.wsUrl], pollIntervalMs: 600_000 });
    const address = fresh();
    h.watcher.watch(address);
    await h.watcher.refresh();
    await waitFor(() => h.watcher.stats().wsConnected);
    await driver.payToken(address, 3_000_000n);
    await driver.mine();
    await waitFor(() => setOf(h, address).length === 1);
    expect(h.watcher.stats().byMethod.eth_subscribe).toBe(1);
  });

  it('fails over to the second RPC URL when the first is down', async () => {
    const driver = getDriver();
    const dead = `http://127.0.0.1:${await freePort()}`;
    const h = await startWatcher({ rpcUrls: [dead, driver.rpcUrl] });
    const address = fresh();
    h.watcher.watch(address);
    await h.watcher.refresh();
    await driver.payNative(address, 10n ** 15n);
    await driver.mine();
    await h.watcher.refresh();
    expect(setOf(h, address)).toHaveLength(1);
    expect(h.watcher.stats().failovers).toBeGreaterThan(0);
  });

  it('backs off on HTTP 429 and goes on', async () => {
    const driver = getDriver();
    const proxy = await startRpcProxy(driver.rpcUrl);
    try {
      const h = await startWatcher({ rpcUrls: [proxy.url] });
      const address = fresh();
      h.watcher.watch(address);
      await h.watcher.refresh();
      await driver.payToken(address, 4_000_000n);
      await driver.mine();
      proxy.rateLimitNext(3);
      await h.watcher.refresh();
      expect(setOf(h, address).map((p) => p.amountUnits)).toEqual([4_000_000n]);
      expect(proxy.served.rateLimited).toBe(3);
      expect(h.watcher.stats().rateLimited).toBe(3);
    } finally {
      await proxy.close();
    }
  });

  it('splits a block range the provider says is too large', async () => {
    const driver = getDriver();
    const proxy = await startRpcProxy(driver.rpcUrl);
    try {
      const address = fresh();
      const fromHeight = (await driver.tip()) + 1;
      await driver.payToken(address, 1_000_000n);
      await driver.mine(4);
      await driver.payToken(address, 2_000_000n);
      await driver.mine(5);
      proxy.limitLogRange(3);
      const h = await startWatcher({ rpcUrls: [proxy.url], maxBlockRange: 50 });
      h.watcher.watch(address, { fromHeight });
      await h.watcher.refresh();
      expect(setOf(h, address).map((p) => p.amountUnits)).toEqual([1_000_000n, 2_000_000n]);
      expect(proxy.served.refusedRanges).toBeGreaterThan(0);
      expect(Math.max(...proxy.logRanges)).toBeLessThanOrEqual(3);
    } finally {
      await proxy.close();
    }
  });
}

async function waitFor(condition: () => boolean, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('the condition did not come true');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
