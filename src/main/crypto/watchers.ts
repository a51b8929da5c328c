/**
 * A chain's watcher from its configuration: Bitcoin (Esplora, Electrum, Bitcoin Core) or EVM
 * (JSON-RPC over HTTP / WebSocket, several URLs for fail-over), both behind the `ChainWatcher`
 * interface of ../chains/watcher. The EVM watcher's confirmations are the chain's block count here:
 * the invoice lifecycle counts them itself (a `safe` / `finalized` tag is not used yet).
 */
import { type Logger } from 'pino';
import { createBitcoinWatcher, isBitcoinNetwork } from '../chains/bitcoin';
import { createEvmWatcher, multicall3Address } from '../chains/evm';
import { type ChainWatcher } from '../chains/watcher';
import { type ChainConfig } from './libs';

export interface WatcherTiming {
  /** How often watchers poll (default: each library's own). */
  readonly pollIntervalMs?: number;
}

export function createChainWatcher(
  chain: ChainConfig,
  logger?: Logger,
  timing: WatcherTiming = {},
): ChainWatcher {
  if (chain.family === 'bitcoin') {
    if (!isBitcoinNetwork(chain.network)) throw new Error(`Unknown Bitcoin network ${chain.network}.`);
    if (!chain.bitcoin)
      throw new Error(`${chain.label}: choose where to read the chain (Esplora, Electrum or Bitcoin Core).`);
    return createBitcoinWatcher({
      network: chain.network,
      backend: chain.bitcoin,
      ...(timing.pollIntervalMs !== undefined ? { pollIntervalMs: timing.pollIntervalMs } : {}),
      ...(logger ? { logger } : {}),
    });
  }
  const rpcUrls = chain.evm?.rpcUrls ?? [];
  if (rpcUrls.length === 0) throw new Error(`${chain.label}: enter at least one RPC URL.`);
  const native = chain.assets.find((asset) => asset.contract === null);
  return createEvmWatcher({
    chainId: Number(chain.network),
    rpcUrls,
    wsUrls: chain.evm?.wsUrls ?? [],
    confirmations: Math.max(1, chain.confirmations),
    nativeSymbol: native?.symbol ?? 'ETH',
    tokens: chain.assets.flatMap((asset) => (asset.contract ? [asset.contract] : [])),
    multicall3Address,
    ...(timing.pollIntervalMs !== undefined ? { pollIntervalMs: timing.pollIntervalMs } : {}),
    ...(logger ? { logger } : {}),
  });
}
