/**
 * A reorg met by a rescan: the crypto domain hands every watched invoice's address to its watcher
 * again on each tick, with the invoice's `fromHeight`. A rescan from there links to a parent below
 * the fork point, so no parent mismatch reveals the reorg; the payment of the replaced block must
 * still be dropped (it was kept at its old height, gaining confirmations, and the invoice settled on
 * a payment that is gone). The race is driven step by step: watch again, reorg, one round.
 */
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ObservedPayment } from '../watcher';
import { createEvmWatcher, type EvmWatcher } from './evmWatcher';
import { createEvmSimChain, type EvmSimChain } from './sim/simChain';

let evm: EvmSimChain;
const watchers: EvmWatcher[] = [];

beforeAll(async () => {
  evm = await createEvmSimChain({ chainId: 31337 });
  evm.mine(2);
});
afterAll(async () => {
  await Promise.all(watchers.map((watcher) => watcher.stop()));
  await evm.close();
});

async function watching() {
  const usdc = evm.tokens[0]?.address as string;
  const watcher = createEvmWatcher({
    chainId: evm.chainId,
    rpcUrls: [evm.rpcUrl],
    confirmations: 3,
    pollIntervalMs: 600_000, // rounds only when the test asks (refresh)
    nativeSymbol: 'ETH',
  });
  watchers.push(watcher);
  const latest = new Map<string, readonly ObservedPayment[]>();
  watcher.onPayments((address, payments) => latest.set(address, payments));
  await watcher.start();
  await watcher.refresh();
  const address = Wallet.createRandom().address;
  const fromHeight = evm.tipHeight() + 1;
  const watchOptions = { fromHeight, tokens: [usdc] };
  watcher.watch(address, watchOptions);
  await watcher.refresh();
  return { watcher, address, watchOptions, payments: () => latest.get(address) ?? [] };
}

describe('EVM watcher: a reorg under a rescan', () => {
  it('drops the payment of a replaced block when a rewind rescans it (an earlier fromHeight)', async () => {
    const { watcher, address, watchOptions, payments } = await watching();
    evm.pay(address, 5_000n, { token: 'USDC' });
    evm.mine(1);
    await watcher.refresh();
    expect(payments().map((p) => p.confirmations)).toEqual([1]);

    // A rewind is pending (an earlier start asked) when the payment's block is replaced.
    watcher.watch(address, { ...watchOptions, fromHeight: watchOptions.fromHeight - 1 });
    evm.reorg(1);
    await watcher.refresh();
    expect(payments()).toEqual([]);
    expect(watcher.stats().scannedTo).toBe(evm.tipHeight());
  });

  it('watching again with the same start (every tick) rescans nothing, and a reorg is still found', async () => {
    const { watcher, address, watchOptions, payments } = await watching();
    evm.pay(address, 5_000n, { token: 'USDC' });
    evm.mine(1);
    await watcher.refresh();
    const scanned = watcher.stats().blocksScanned;
    watcher.watch(address, watchOptions);
    await watcher.refresh();
    expect(watcher.stats().blocksScanned).toBe(scanned);
    expect(payments().map((p) => p.confirmations)).toEqual([1]);

    watcher.watch(address, watchOptions);
    evm.reorg(1);
    await watcher.refresh();
    expect(payments()).toEqual([]);

    const again = evm.pay(address, 5_000n, { token: 'USDC' });
    evm.mine(3);
    await watcher.refresh();
    expect(payments().map((p) => [p.txid, p.confirmations, p.final])).toEqual([[again, 3, true]]);
  });
});
