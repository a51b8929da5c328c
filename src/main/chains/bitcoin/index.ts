/**
 * The Bitcoin chain family, as a library the crypto domain calls. It offers
 * - watch-only keys: `parseBitcoinAccountKey` (xpub/zpub, tpub/vpub; refuses private keys and seed
 *   phrases with a `ChainKeyError` that never echoes them) and `deriveBitcoinAddress` (BIP-84
 *   receive addresses `…/0/i`);
 * - addresses: `isValidBitcoinAddress` (a refund address of a network), `bitcoinExplorerTxUrl`;
 * - `createBitcoinWatcher`: the `ChainWatcher` of `../watcher` for one network, over Esplora REST,
 *   the Electrum protocol (TCP/TLS) or Bitcoin Core RPC;
 * - `createBitcoinSimChain`: a simulated chain with real signed transactions that serves Esplora
 *   REST and the Electrum protocol on loopback, for demo mode and tests.
 */
export { ChainKeyError, isChainKeyError, type ChainKeyErrorCode } from './errors';
export {
  bitcoinChainKey,
  bitcoinExplorerTxUrl,
  bitcoinNetworks,
  isBitcoinNetwork,
  type BitcoinNetwork,
} from './networks';
export {
  parseBitcoinAccountKey,
  deriveBitcoinAddress,
  type BitcoinAccountKey,
  type BitcoinKeyNetworkKind,
} from './keys';
export {
  isValidBitcoinAddress,
  decodeBitcoinAddress,
  bitcoinAddressScript,
  electrumScripthash,
  type BitcoinAddressType,
} from './addresses';
export {
  type BitcoinBackendConfig,
  type BitcoinWatcherOptions,
  type BitcoinWatcherLogger,
} from './watcher/config';
export { createBitcoinWatcher } from './watcher/createBitcoinWatcher';
export {
  createBitcoinSimChain,
  type BitcoinSimChain,
  type BitcoinSimChainOptions,
  type EsploraFault,
} from './sim';
