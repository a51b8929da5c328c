/**
 * The EVM chain family, a library the crypto domain calls. It offers
 * - watch-only keys: `parseEvmAccountKey` (an account xpub, m/44'/60'/0'; refuses anything that
 *   could spend, with a `ChainKeyError`), `deriveEvmAddress` (m/…/0/i, EIP-55), `isValidEvmAddress`;
 * - the preconfigured chains (`evmChains`: Ethereum, Polygon, Arbitrum One, OP Mainnet, BNB Smart
 *   Chain with USDC / USDT / DAI), custom chains and tokens by configuration, `multicall3Address`,
 *   `readTokenMetadata` (a token's decimals and symbol read on-chain);
 * - `createEvmWatcher`: the ChainWatcher of one chain (`evm:<chainId>`), whose cost per block does
 *   not grow with the number of watched addresses (one `eth_getLogs` for every token, one Multicall3
 *   balance call per block), with reorg handling, WebSocket heads, fail-over and `stats()`;
 * - `createEvmSimChain`: a simulated chain in this process answering EVM JSON-RPC over HTTP and
 *   WebSocket, for demo mode and tests (no Hardhat at runtime).
 */
export { ChainKeyError, isChainKeyError, type ChainKeyErrorCode } from '../errors';
export {
  parseEvmAccountKey,
  deriveEvmAddress,
  isValidEvmAddress,
  toChecksumAddress,
  evmAccountKeyDepth,
  maxEvmAddressIndex,
  type EvmAccountKey,
} from './keys';
export {
  evmChains,
  findEvmChain,
  evmExplorerTxUrl,
  customEvmChain,
  withCustomTokens,
  multicall3Address,
  type EvmChainConfig,
  type EvmTokenConfig,
  type EvmConfirmationPolicy,
  type CustomEvmChainInput,
} from './chains';
export { readTokenMetadata, type TokenMetadata } from './tokenMetadata';
export {
  createEvmWatcher,
  type EvmWatcher,
  type EvmWatcherOptions,
  type EvmWatcherStats,
} from './evmWatcher';
export {
  createEvmRpc,
  EvmRpcError,
  EvmRpcUnavailableError,
  type EvmRpc,
  type EvmRpcStats,
  type EvmLogger,
} from './rpc';
export {
  createEvmSimChain,
  defaultSimTokens,
  type EvmSimChain,
  type EvmSimChainOptions,
  type EvmSimPayOptions,
} from './sim/simChain';
