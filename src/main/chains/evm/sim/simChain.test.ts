/**
 * The simulator speaks JSON-RPC as a node does: ethers' own provider reads it (blocks, balances,
 * receipts, logs, calls through Multicall3), WebSocket subscribers hear new heads, a reorg
 * replaces blocks, and a too-wide log query is refused the way hosted providers refuse it.
 */
import { Contract, JsonRpcProvider, Wallet, WebSocketProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Interface, multicall3Interface } from '../abi';
import { multicall3Address } from '../chains';
import { readTokenMetadata } from '../tokenMetadata';
import { createEvmSimChain, type EvmSimChain } from './simChain';

describe('EVM simulator', () => {
  let sim: EvmSimChain;
  let provider: JsonRpcProvider;
  beforeAll(async () => {
    sim = await createEvmSimChain({ chainId: 8453, maxLogRange: 50 });
    provider = new JsonRpcProvider(sim.rpcUrl, 8453, { staticNetwork: true, cacheTimeout: -1 });
  });
  afterAll(async () => {
    provider.destroy();
    await sim.close();
  });

  it('answers ethers for blocks, balances, receipts and token calls', async () => {
    const to = Wallet.createRandom().address;
    const usdc = sim.tokens.find((token) => token.symbol === 'USDC');
    expect(usdc?.decimals).toBe(6);
    const coinTx = sim.pay(to, 10n ** 16n);
    const tokenTx = sim.pay(to, 25_000_000n, { token: 'USDC' });
    const height = sim.mine();
    expect(await provider.getBlockNumber()).toBe(height);
    expect((await provider.getNetwork()).chainId).toBe(8453n);
    expect(await provider.getBalance(to)).toBe(10n ** 16n);
    const block = await provider.getBlock(height, true);
    expect(block?.prefetchedTransactions.map((tx) => tx.hash)).toEqual([coinTx, tokenTx]);
    const receipt = await provider.getTransactionReceipt(tokenTx);
    expect(receipt?.status).toBe(1);
    expect(receipt?.logs).toHaveLength(1);
    const token = new Contract(usdc?.address as string, erc20Interface, provider);
    expect(await token.getFunction('balanceOf')(to)).toBe(25_000_000n);
    expect(await token.getFunction('symbol')()).toBe('USDC');
    expect(await readTokenMetadata(sim.rpcUrl, usdc?.address as string)).toEqual({
      address: usdc?.address,
      symbol: 'USDC',
      decimals: 6,
    });
    const multicall = new Contract(multicall3Address, multicall3Interface, provider);
    const results = (await multicall.getFunction('aggregate3').staticCall([
      [multicall3Address, false, multicall3Interface.encodeFunctionData('getEthBalance', [to])],
      [usdc?.address, false, erc20Interface.encodeFunctionData('balanceOf', [to])],
    ])) as [boolean, string][];
    expect(results.map(([success, data]) => [success, BigInt(data)])).toEqual([
      [true, 10n ** 16n],
      [true, 25_000_000n],
    ]);
    // Historical state: before the block the balance was zero.
    expect(await provider.getBalance(to, height - 1)).toBe(0n);
  });

  it('filters logs by token list and recipient topic, and refuses a range over its limit', async () => {
    const to = Wallet.createRandom().address;
    sim.pay(to, 1n, { token: 'DAI' });
    const height = sim.mine();
    const dai = sim.tokens.find((token) => token.symbol === 'DAI')?.address as string;
    const logs = await provider.getLogs({
      fromBlock: height,
      toBlock: height,
      address: [dai],
      topics: [
        erc20Interface.getEvent('Transfer')?.topicHash as string,
        null,
        `0x${to.slice(2).toLowerCase().padStart(64, '0')}`,
      ],
    });
    expect(logs).toHaveLength(1);
    await expect(
      provider.send('eth_getLogs', [{ fromBlock: '0x0', toBlock: `0x${(height + 60).toString(16)}` }]),
    ).rejects.toThrow();
    await sim.mine(60);
    await expect(provider.send('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest' }])).rejects.toThrow(
      /block range is too large/,
    );
  });

  it('pushes new heads over WebSocket and replaces blocks in a reorg', async () => {
    const ws = new WebSocketProvider(sim.wsUrl, 8453, { staticNetwork: true, cacheTimeout: -1 });
    try {
      const heard: number[] = [];
      await ws.on('block', (number: number) => heard.push(number));
      const to = Wallet.createRandom().address;
      const before = sim.tipHeight();
      const tx = sim.pay(to, 5n);
      sim.mine();
      const oldHash = (await provider.getBlock(before + 1))?.hash;
      expect(await provider.getTransactionReceipt(tx)).not.toBeNull();
      const tip = sim.reorg(1);
      expect(tip).toBe(before + 2);
      expect((await provider.getBlock(before + 1))?.hash).not.toBe(oldHash);
      expect(await provider.getTransactionReceipt(tx)).toBeNull();
      expect(await provider.getBalance(to)).toBe(0n);
      for (let i = 0; i < 200 && !heard.includes(tip); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(heard).toContain(tip);
    } finally {
      ws.destroy();
    }
  });
});
