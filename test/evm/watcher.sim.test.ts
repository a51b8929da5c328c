/**
 * The watcher scenarios against the in-process simulator (the chain of demo mode), and what only
 * the simulator can stage: a reorg that mines the same transaction again in another block, the
 * chain's `finalized` block as the policy, a chain without Multicall3.
 */
import { Wallet, getAddress } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmWatcher, type EvmWatcher } from '../../src/main/chains/evm';
import { type ObservedPayment } from '../../src/main/chains/watcher';
import { type ChainDriver, simDriver } from './drivers';
import { startRpcProxy } from './rpcProxy';
import { defineWatcherScenarios } from './watcherScenarios';

describe('EVM watcher on the simulator', () => {
  let driver: Awaited<ReturnType<typeof simDriver>>;
  const watchers: EvmWatcher[] = [];
  beforeAll(async () => {
    driver = await simDriver();
    await driver.mine(3);
  });
  afterAll(async () => {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
    await driver?.sim.close();
  });

  defineWatcherScenarios((): ChainDriver => driver);

  async function watching(options: Partial<Parameters<typeof createEvmWatcher>[0]> = {}) {
    const watcher = createEvmWatcher({
      chainId: driver.chainId,
      rpcUrls: [driver.rpcUrl],
      confirmations: 'finalized',
      pollIntervalMs: 600_000,
      nativeSymbol: 'ETH',
      tokens: [driver.token],
      ...options,
    });
    watchers.push(watcher);
    const latest = new Map<string, readonly ObservedPayment[]>();
    watcher.onPayments((address, payments) => latest.set(address, payments));
    await watcher.start();
    const address = Wallet.createRandom().address;
    watcher.watch(address);
    await watcher.refresh();
    return { watcher, address, payments: () => latest.get(address) ?? [] };
  }

  it('keeps the key when a reorg mines the same transaction in another block', async () => {
    const { watcher, address, payments } = await watching();
    const tx = driver.sim.pay(address, 1_500_000n, { token: 'USDC' });
    driver.sim.mine();
    await watcher.refresh();
    const [before] = payments();
    expect(before?.txid).toBe(tx);
    driver.sim.reorg(1, { keepTransactions: true });
    await watcher.refresh();
    const [after, ...rest] = payments();
    expect(rest).toEqual([]);
    expect(after?.key).toBe(before?.key);
    expect(after?.blockHash).not.toBe(before?.blockHash);
  });

  it('counts a payment final when the chain says its block is finalized', async () => {
    const { watcher, address, payments } = await watching();
    driver.sim.pay(address, 10n ** 15n);
    driver.sim.mine();
    await watcher.refresh();
    expect(payments().map((p) => [p.confirmations, p.final])).toEqual([[1, false]]);
    driver.sim.mine(2); // the simulator finalizes the block two below the tip
    await watcher.refresh();
    expect(payments().map((p) => [p.confirmations, p.final])).toEqual([[3, true]]);
  });

  it('subscribes again after the WebSocket drops, and hears the next blocks', async () => {
    const { watcher, address, payments } = await watching({ wsUrls: [driver.wsUrl], confirmations: 1 });
    await until(() => watcher.stats().wsConnected);
    driver.sim.dropWebSockets();
    await until(() => watcher.stats().wsReconnects >= 1 && watcher.stats().wsConnected);
    expect(watcher.stats().byMethod.eth_subscribe).toBe(2);
    driver.sim.pay(address, 10n ** 15n);
    driver.sim.mine();
    await until(() => payments().length === 1);
  });

  it('starts again after a stop, and keeps what it found', async () => {
    const { watcher, address, payments } = await watching({ confirmations: 1 });
    driver.sim.pay(address, 10n ** 15n);
    driver.sim.mine();
    await watcher.refresh();
    await watcher.stop();
    expect(watcher.health().state).toBe('stopped');
    driver.sim.pay(address, 2n * 10n ** 15n);
    driver.sim.mine();
    await watcher.start();
    await watcher.refresh();
    expect(payments().map((p) => p.amountUnits)).toEqual([10n ** 15n, 2n * 10n ** 15n]);
    expect(watcher.health().state).toBe('ok');
  });

  it('skips blocks whose balances the node refuses, and keeps checking the next ones', async () => {
    const proxy = await startRpcProxy(driver.rpcUrl);
    try {
      const { watcher, address, payments } = await watching({ rpcUrls: [proxy.url], confirmations: 1 });
      proxy.refuseNext('eth_call', 2, 'missing trie node 0x1234 (path )');
      driver.sim.pay(address, 10n ** 15n, { viaContract: true }); // in a refused block: not seen
      driver.sim.mine();
      await watcher.refresh();
      expect(payments()).toEqual([]);
      expect(watcher.stats().balanceCheck).toBe('on');
      driver.sim.pay(address, 3n * 10n ** 15n, { viaContract: true });
      const height = driver.sim.mine();
      await watcher.refresh();
      expect(payments().map((p) => [p.key, p.amountUnits])).toEqual([
        [`evm:${driver.chainId}:balance:${getAddress(address)}:${height}`, 3n * 10n ** 15n],
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('says so in its health when the chain has no Multicall3, and still finds transactions', async () => {
    const { watcher, address, payments } = await watching({
      multicall3Address: Wallet.createRandom().address,
      confirmations: 1,
    });
    driver.sim.pay(address, 10n ** 15n);
    driver.sim.mine();
    await watcher.refresh();
    expect(payments()).toHaveLength(1);
    expect(watcher.stats().balanceCheck).toBe('unavailable');
    expect(watcher.health()).toMatchObject({
      state: 'degraded',
      detail: expect.stringMatching(/Multicall3/),
    });
  });
});

async function until(condition: () => boolean, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('the condition did not come true');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
