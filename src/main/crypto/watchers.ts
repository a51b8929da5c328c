/**
 * A chain's watcher from its configuration: Bitcoin (Esplora, Electrum, Bitcoin Core) or EVM
 * (JSON-RPC over HTTP / WebSocket), both behind the `ChainWatcher` interface of ../chains/watcher.
 */
import { type Logger } from 'pino';
import { type ChainWatcher } from '../chains/watcher';
import { type ChainConfig } from './libs';

export function createChainWatcher(chain: ChainConfig, logger?: Logger): ChainWatcher {
  void logger;
  throw new Error(`No watcher for ${chain.label} is available on this build yet.`);
}
