/**
 * The watcher scenarios against a real Hardhat 2 node (one node for this file), with an ERC-20 of
 * 6 decimals compiled by solc-js at test time and Multicall3 at its canonical address.
 */
import { getAddress } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multicall3Address, readTokenMetadata } from '../../src/main/chains/evm';
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

  defineWatcherScenarios(() => driver);
});
