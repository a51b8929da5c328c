/**
 * The EVM chain family, a library the crypto domain calls. It offers
 * - watch-only keys: `parseEvmAccountKey` (an account xpub, m/44'/60'/0'; refuses anything that
 *   could spend, with a `ChainKeyError`), `deriveEvmAddress` (m/…/0/i, EIP-55), `isValidEvmAddress`;
 * - the preconfigured chains (`evmChains`: Ethereum, Polygon, Arbitrum One, OP Mainnet, BNB Smart
 *   Chain with USDC / USDT / DAI), custom chains and tokens by configuration, `multicall3Address`.
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
