import fs from 'node:fs';
import path from 'node:path';
import { getAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  customEvmChain,
  evmChains,
  evmExplorerTxUrl,
  findEvmChain,
  multicall3Address,
  withCustomTokens,
} from './chains';

interface ReferenceChain {
  chainId: number;
  name: string;
  native: { symbol: string; decimals: number };
  tokens: { symbol: string; address: string; decimals: number }[];
  finality: { blockTag: string };
}
const referenceFile = path.resolve(import.meta.dirname, '../../../../../shared/reference/evm/tokens.json');
const reference = (JSON.parse(fs.readFileSync(referenceFile, 'utf8')) as { chains: ReferenceChain[] }).chains;

describe('evmChains against tokens.json', () => {
  it('has the five chains of the reference, no more', () => {
    expect(evmChains.map((entry) => entry.chainId).sort()).toEqual(
      reference.map((entry) => entry.chainId).sort(),
    );
  });
  it.each(reference.map((entry) => [entry.name, entry] as const))('%s', (_name, ref) => {
    const config = findEvmChain(ref.chainId);
    expect(config).toBeDefined();
    if (!config) return;
    expect(config.key).toBe(`evm:${ref.chainId}`);
    expect(config.native).toEqual({ symbol: ref.native.symbol, decimals: ref.native.decimals });
    expect(config.confirmations).toBe(ref.finality.blockTag);
    expect(config.multicall3Address).toBe(multicall3Address);
    expect(evmExplorerTxUrl(config, '0xabc')).toMatch(/^https:\/\/[a-z.]+\/tx\/0xabc$/);
    for (const symbol of ['USDC', 'USDT', 'DAI']) {
      const mine = config.tokens.find((token) => token.symbol === symbol);
      const theirs = ref.tokens.find((token) => token.symbol === symbol);
      expect(mine, `${symbol} on ${ref.name}`).toBeDefined();
      expect(theirs).toBeDefined();
      expect(mine?.address).toBe(theirs?.address);
      expect(mine?.address).toBe(getAddress(mine?.address ?? ''));
      expect(mine?.decimals).toBe(theirs?.decimals);
    }
    // Every token listed here is in the reference with the same address and decimals.
    for (const token of config.tokens) {
      expect(ref.tokens).toContainEqual(
        expect.objectContaining({ address: token.address, decimals: token.decimals }),
      );
    }
  });
  it('knows that USDC and USDT have 18 decimals on BNB Smart Chain', () => {
    const bsc = findEvmChain(56);
    expect(bsc?.tokens.find((token) => token.symbol === 'USDC')?.decimals).toBe(18);
    expect(bsc?.tokens.find((token) => token.symbol === 'USDT')?.decimals).toBe(18);
  });
  it('has the canonical Multicall3 address', () => {
    expect(multicall3Address).toBe(getAddress('0xca11bde05977b3631167028862be2a173976ca11'));
  });
});

describe('custom chains and tokens', () => {
  it('takes a valid custom chain', () => {
    const config = customEvmChain({
      chainId: 8453,
      name: 'Base',
      nativeSymbol: 'ETH',
      confirmations: 'finalized',
      explorerTxUrl: 'https://basescan.org/tx/{txHash}',
      tokens: [{ symbol: 'USDC', address: '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913', decimals: 6 }],
    });
    expect(config.key).toBe('evm:8453');
    expect(config.custom).toBe(true);
    expect(config.tokens[0]?.address).toBe('0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913');
  });
  const bad: [string, Parameters<typeof customEvmChain>[0], RegExp][] = [
    ['a zero chain id', { chainId: 0, name: 'X', nativeSymbol: 'X', confirmations: 1 }, /chain id/],
    ['a bad policy', { chainId: 5, name: 'X', nativeSymbol: 'X', confirmations: 0 }, /Confirmations/],
    [
      'a bad explorer',
      { chainId: 5, name: 'X', nativeSymbol: 'X', confirmations: 3, explorerTxUrl: 'javascript:x' },
      /explorer/,
    ],
    [
      'a bad token checksum',
      {
        chainId: 5,
        name: 'X',
        nativeSymbol: 'X',
        confirmations: 3,
        tokens: [{ symbol: 'T', address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB49', decimals: 6 }],
      },
      /token address/,
    ],
  ];
  it.each(bad)('refuses %s', (_label, input, message) => {
    expect(() => customEvmChain(input)).toThrow(message);
  });
  it('adds tokens to a chain without duplicates', () => {
    const eth = findEvmChain(1);
    if (!eth) throw new Error('no Ethereum');
    const more = withCustomTokens(eth, [
      { symbol: 'USDC', address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', decimals: 6 },
      { symbol: 'PYUSD', address: '0x6c3ea9036406852006290770bedfcaba0e23a0e8', decimals: 6 },
    ]);
    expect(more.tokens.map((token) => token.symbol)).toEqual(['USDC', 'USDT', 'DAI', 'PYUSD']);
  });
});
