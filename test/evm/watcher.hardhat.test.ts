/**
 * The watcher scenarios against a real Hardhat 2 node (one node for this file), with an ERC-20 of
 * 6 decimals compiled by solc-js at test time and Multicall3 at its canonical address.
 */
import { Wallet, getAddress } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmWatcher, multicall3Address, readTokenMetadata } from '../../src/main/chains/evm';
import { type ObservedPayment } from '../../src/main/chains/watcher';
import { type ChainDriver, hardhatDriver } from './drivers';
import { type HardhatNode, type TestChain, deployTestChain, startHardhatNode } from './hardhatNode';
import { defineWatcherScenarios } from './watcherScenarios';

describe('EVM watcher on a Hardhat node', () => {
  let node: HardhatNode | undefined;
  let chain: TestChain;
  let driver: ChainDriver;
  beforeAll(async () => {
    node = await startHardhatNode();
    chain = await deployTestChain(node);
    driver = hardhatDriver(node, chain);
  }, 120_000);
  afterAll(async () => {
    await node?.stop();
  });

  it('reads the token metadata on-chain and has Multicall3 at its canonical address', async () => {
    expect(await readTokenMetadata(driver.rpcUrl, chain.token)).toEqual({
      address: getAddress(chain.token),
      symbol: 'USDC',
      decimals: 6,
    });
    await expect(readTokenMetadata(driver.rpcUrl, chain.payer)).rejects.toThrow(/No token answers/);
    const code = await node?.rpc<string>('eth_getCode', [multicall3Address, 'latest']);
    expect(code?.length).toBeGreaterThan(100);
  });

  it('takes a payment back when the tip moves back below its block (evm_revert, nothing mined yet)', async () => {
    if (!node) throw new Error('no node');
    const watcher = createEvmWatcher({
      chainId: node.chainId,
      rpcUrls: [node.rpcUrl],
      confirmations: 2,
      pollIntervalMs: 600_000,
      nativeSymbol: 'ETH',
      tokens: [chain.token],
    });
    const address = Wallet.createRandom().address;
    let latest: readonly ObservedPayment[] = [];
    watcher.onPayments((_address, payments) => {
      latest = payments;
    });
    try {
      await watcher.start();
      watcher.watch(address);
      await watcher.refresh();
      const mark = await driver.mark();
      await driver.payToken(address, 5_000_000n);
      await driver.mine(3);
      await watcher.refresh();
      expect(latest.map((p) => [p.amountUnits, p.confirmations, p.final])).toEqual([[5_000_000n, 3, true]]);
      await node.rpc('evm_revert', [mark.snapshot]);
      await watcher.refresh();
      expect(latest).toEqual([]);
      expect(watcher.health().tip?.height).toBe(mark.height);
    } finally {
      await watcher.stop();
    }
  });

  defineWatcherScenarios(() => driver);
});
