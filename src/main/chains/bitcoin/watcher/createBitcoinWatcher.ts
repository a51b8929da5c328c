/**
 * `createBitcoinWatcher`: the `ChainWatcher` for one Bitcoin network over the backend the owner
 * configured (Esplora REST, Electrum, Bitcoin Core RPC); one shared engine for all three.
 */
import { type ChainWatcher } from '../../watcher';
import { bitcoinChainKey, isBitcoinNetwork } from '../networks';
import { type BitcoinBackend } from './backend';
import { type BitcoinWatcherOptions } from './config';
import { createWatcherEngine } from './engine';
import { createCoreBackend } from './coreRpc';
import { createElectrumBackend } from './electrum';
import { createEsploraBackend } from './esplora';

const defaultRequestTimeoutMs = 15_000;
const defaultMaxBackoffMs = 60_000;

function backendFor(options: BitcoinWatcherOptions, requestTimeoutMs: number): BitcoinBackend {
  const config = options.backend;
  switch (config.kind) {
    case 'esplora':
      return createEsploraBackend({ url: config.url, network: options.network, requestTimeoutMs });
    case 'electrum':
      return createElectrumBackend({
        host: config.host,
        port: config.port,
        tls: config.tls,
        ...(config.certSha256 !== undefined ? { certSha256: config.certSha256 } : {}),
        network: options.network,
        requestTimeoutMs,
        ...(options.reconnectBaseMs !== undefined ? { reconnectBaseMs: options.reconnectBaseMs } : {}),
      });
    case 'core':
      return createCoreBackend({
        url: config.url,
        ...(config.username !== undefined ? { username: config.username } : {}),
        ...(config.password !== undefined ? { password: config.password } : {}),
        ...(config.wallet !== undefined ? { wallet: config.wallet } : {}),
        network: options.network,
        requestTimeoutMs,
      });
    default:
      throw new Error(`The Bitcoin backend "${(config as { kind: string }).kind}" is not known.`);
  }
}

export function createBitcoinWatcher(options: BitcoinWatcherOptions): ChainWatcher {
  if (!isBitcoinNetwork(options.network)) throw new Error('Unknown Bitcoin network.');
  const requestTimeoutMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const backend = backendFor(options, requestTimeoutMs);
  const defaultPollMs = backend.pushes ? 60_000 : 5_000;
  return createWatcherEngine({
    chain: bitcoinChainKey(options.network),
    network: options.network,
    backend,
    pollIntervalMs: Math.max(10, options.pollIntervalMs ?? defaultPollMs),
    maxBackoffMs: options.maxBackoffMs ?? defaultMaxBackoffMs,
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
