/**
 * The preconfigured EVM chains and their stablecoins, checked against
 * `../shared/reference/evm/tokens.json` by `chains.test.ts`. Any other chain or token comes from
 * the store's configuration (`customEvmChain`, `withCustomTokens`); a custom token's decimals and
 * symbol are read on-chain (`readTokenMetadata`).
 */
import { getAddress } from 'ethers';
import { isValidEvmAddress } from './keys';

/** Multicall3, at the same address on every preconfigured chain (and deployed there on test nodes). */
export const multicall3Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/**
 * When a payment counts as safe: a number of confirmations (tip − block + 1), or the chain's own
 * `safe` / `finalized` block tag.
 */
export type EvmConfirmationPolicy = number | 'safe' | 'finalized';

export interface EvmTokenConfig {
  readonly symbol: string;
  /** EIP-55. */
  readonly address: string;
  readonly decimals: number;
  readonly note?: string;
}

export interface EvmChainConfig {
  readonly chainId: number;
  /** `evm:<chainId>`, the watcher's chain key. */
  readonly key: string;
  readonly name: string;
  readonly native: { readonly symbol: string; readonly decimals: number };
  /** The default policy (tokens.json's finality guidance: each chain's `finalized` tag). */
  readonly confirmations: EvmConfirmationPolicy;
  /**
   * A block count near that finality, for a node that does not answer the tag, or for a store that
   * chooses a number; on L2s (Arbitrum, OP) a block count means little: prefer the tag there.
   */
  readonly confirmationBlocks: number;
  /** For people: how long finality takes (tokens.json's `typical`). */
  readonly typicalFinality: string;
  /** `https://…/tx/{txHash}`. */
  readonly explorerTxUrl: string;
  readonly tokens: readonly EvmTokenConfig[];
  readonly multicall3Address: string | null;
  /** True for a chain from the store's configuration rather than this list. */
  readonly custom: boolean;
}

function chain(config: Omit<EvmChainConfig, 'key' | 'multicall3Address' | 'custom'>): EvmChainConfig {
  return { ...config, key: `evm:${config.chainId}`, multicall3Address, custom: false };
}

export const evmChains: readonly EvmChainConfig[] = Object.freeze([
  chain({
    chainId: 1,
    name: 'Ethereum',
    native: { symbol: 'ETH', decimals: 18 },
    confirmations: 'finalized',
    confirmationBlocks: 65,
    typicalFinality: 'about 65 blocks (2 epochs), 13-19 minutes',
    explorerTxUrl: 'https://etherscan.io/tx/{txHash}',
    tokens: [
      { symbol: 'USDC', address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', decimals: 6 },
      { symbol: 'USDT', address: '0xdAC17F958D2ee523a2206206994597C13D831ec7', decimals: 6 },
      { symbol: 'DAI', address: '0x6B175474E89094C44Da98b954EedeAC495271d0F', decimals: 18 },
    ],
  }),
  chain({
    chainId: 137,
    name: 'Polygon PoS',
    native: { symbol: 'POL', decimals: 18 },
    confirmations: 'finalized',
    confirmationBlocks: 33,
    typicalFinality: 'deterministic finality via milestones, a few blocks (seconds)',
    explorerTxUrl: 'https://polygonscan.com/tx/{txHash}',
    tokens: [
      {
        symbol: 'USDC',
        address: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
        decimals: 6,
        note: 'Circle native USDC',
      },
      { symbol: 'USDT', address: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', decimals: 6 },
      {
        symbol: 'DAI',
        address: '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063',
        decimals: 18,
        note: 'bridged Dai (PoS)',
      },
    ],
  }),
  chain({
    chainId: 42161,
    name: 'Arbitrum One',
    native: { symbol: 'ETH', decimals: 18 },
    confirmations: 'finalized',
    confirmationBlocks: 4_800,
    typicalFinality: "final when the batch's Ethereum block is finalized, 13-19 minutes",
    explorerTxUrl: 'https://arbiscan.io/tx/{txHash}',
    tokens: [
      {
        symbol: 'USDC',
        address: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
        decimals: 6,
        note: 'Circle native USDC',
      },
      { symbol: 'USDT', address: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', decimals: 6 },
      {
        symbol: 'DAI',
        address: '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1',
        decimals: 18,
        note: 'bridged Dai',
      },
    ],
  }),
  chain({
    chainId: 10,
    name: 'OP Mainnet',
    native: { symbol: 'ETH', decimals: 18 },
    confirmations: 'finalized',
    confirmationBlocks: 900,
    typicalFinality: "final when the batch's Ethereum block is finalized, 20-30 minutes",
    explorerTxUrl: 'https://optimistic.etherscan.io/tx/{txHash}',
    tokens: [
      {
        symbol: 'USDC',
        address: '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85',
        decimals: 6,
        note: 'Circle native USDC',
      },
      { symbol: 'USDT', address: '0x94b008aA00579c1307B0EF2c499aD98a8ce58e58', decimals: 6 },
      {
        symbol: 'DAI',
        address: '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1',
        decimals: 18,
        note: 'bridged Dai',
      },
    ],
  }),
  chain({
    chainId: 56,
    name: 'BNB Smart Chain',
    native: { symbol: 'BNB', decimals: 18 },
    confirmations: 'finalized',
    confirmationBlocks: 3,
    typicalFinality: 'fast finality (BEP-126): block n is final by n+2, a few seconds',
    explorerTxUrl: 'https://bscscan.com/tx/{txHash}',
    tokens: [
      {
        symbol: 'USDC',
        address: '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d',
        decimals: 18,
        note: 'Binance-Peg USD Coin: 18 decimals',
      },
      {
        symbol: 'USDT',
        address: '0x55d398326f99059fF775485246999027B3197955',
        decimals: 18,
        note: 'Binance-Peg Tether USD: 18 decimals',
      },
      {
        symbol: 'DAI',
        address: '0x1AF3F329e8BE154074D8769D1FFa4eE058B1DBc3',
        decimals: 18,
        note: 'Binance-Peg Dai',
      },
    ],
  }),
]);

export function findEvmChain(chainId: number): EvmChainConfig | undefined {
  return evmChains.find((entry) => entry.chainId === chainId);
}

/** The explorer link of a transaction on a chain. */
export function evmExplorerTxUrl(config: EvmChainConfig, txHash: string): string {
  return config.explorerTxUrl.replace('{txHash}', txHash);
}

export interface CustomEvmChainInput {
  readonly chainId: number;
  readonly name: string;
  readonly nativeSymbol: string;
  readonly nativeDecimals?: number;
  readonly confirmations: EvmConfirmationPolicy;
  readonly explorerTxUrl?: string;
  readonly tokens?: readonly EvmTokenConfig[];
  /** null when the chain has no Multicall3 (the watcher then skips the balance check). */
  readonly multicall3Address?: string | null;
}

/** A chain from the store's configuration, validated; throws with a message saying what is wrong. */
export function customEvmChain(input: CustomEvmChainInput): EvmChainConfig {
  if (!Number.isSafeInteger(input.chainId) || input.chainId <= 0)
    throw new Error('The chain id must be a positive whole number.');
  if (!/^[A-Za-z0-9.\-_ ]{1,40}$/.test(input.name))
    throw new Error('The chain name must be 1 to 40 letters, digits or spaces.');
  if (!/^[A-Za-z0-9.]{1,12}$/.test(input.nativeSymbol))
    throw new Error('The native coin symbol must be 1 to 12 letters or digits.');
  const decimals = input.nativeDecimals ?? 18;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 36)
    throw new Error('The native coin decimals must be 0 to 36.');
  const policy = input.confirmations;
  if (typeof policy === 'number' && (!Number.isInteger(policy) || policy < 1 || policy > 10_000)) {
    throw new Error('Confirmations must be a whole number from 1 to 10000, or "safe" or "finalized".');
  }
  if (input.explorerTxUrl !== undefined && !/^https?:\/\/[^\s]+\{txHash\}[^\s]*$/.test(input.explorerTxUrl)) {
    throw new Error('The explorer link must be an http(s) URL containing {txHash}.');
  }
  const multicall = input.multicall3Address === undefined ? multicall3Address : input.multicall3Address;
  if (multicall !== null && !isValidEvmAddress(multicall))
    throw new Error('The Multicall3 address is not a valid address.');
  return {
    chainId: input.chainId,
    key: `evm:${input.chainId}`,
    name: input.name,
    native: { symbol: input.nativeSymbol, decimals },
    confirmations: policy,
    confirmationBlocks: typeof policy === 'number' ? policy : 12,
    typicalFinality: typeof policy === 'number' ? `${policy} confirmations` : `the chain's ${policy} block`,
    explorerTxUrl: input.explorerTxUrl ?? '',
    tokens: (input.tokens ?? []).map(validToken),
    multicall3Address: multicall === null ? null : getAddress(multicall),
    custom: true,
  };
}

/** A chain with more tokens (from configuration; metadata read on-chain beforehand). */
export function withCustomTokens(config: EvmChainConfig, tokens: readonly EvmTokenConfig[]): EvmChainConfig {
  const known = new Set(config.tokens.map((token) => token.address.toLowerCase()));
  const added = tokens.map(validToken).filter((token) => !known.has(token.address.toLowerCase()));
  return { ...config, tokens: [...config.tokens, ...added] };
}

function validToken(token: EvmTokenConfig): EvmTokenConfig {
  if (!isValidEvmAddress(token.address))
    throw new Error(`The token address of ${token.symbol} is not valid.`);
  if (!Number.isInteger(token.decimals) || token.decimals < 0 || token.decimals > 36) {
    throw new Error(`The decimals of ${token.symbol} must be 0 to 36.`);
  }
  if (!/^[A-Za-z0-9.$₮\-_]{1,16}$/u.test(token.symbol))
    throw new Error('A token symbol must be 1 to 16 letters or digits.');
  return { ...token, address: getAddress(token.address.toLowerCase()) };
}
