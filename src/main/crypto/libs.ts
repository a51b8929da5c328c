/**
 * What the crypto domain uses of the chain, URI, QR and rate libraries (src/main/chains/bitcoin,
 * src/main/chains/evm, src/shared/paymentUri, src/main/paymentQr, src/main/rates), as one port.
 * `realLibs.ts` binds it to those libraries; tests hand in fakes (`cryptoTestKit.ts`), so the invoice
 * engine, the tender and the handlers are tested without a chain.
 */
import { type ChainWatcher } from '../chains/watcher';
import { type BitcoinBackendConfig } from '../chains/bitcoin';

export const walletFamilies = ['bitcoin', 'evm'] as const;
export type WalletFamily = (typeof walletFamilies)[number];
export const bitcoinNetworks = ['mainnet', 'testnet', 'signet', 'regtest'] as const;
export type BitcoinNetworkName = (typeof bitcoinNetworks)[number];

/** One asset a chain takes: its native coin (contract null) or a token. */
export interface ChainAsset {
  readonly symbol: string;
  /** EIP-55 token contract; null for the native coin. */
  readonly contract: string | null;
  readonly decimals: number;
}

/** Where a Bitcoin chain is read: the watcher's own backend type (Bitcoin Core's user and password ride in its URL). */
export type BitcoinBackend = BitcoinBackendConfig;

/** A chain as the till watches it (stored as JSON in crypto_chains). */
export interface ChainConfig {
  /** `btc:<network>` or `evm:<chainId>`. */
  readonly chainKey: string;
  readonly family: WalletFamily;
  /** Bitcoin: mainnet/testnet/signet/regtest; EVM: the chain id as text. */
  readonly network: string;
  readonly label: string;
  readonly assets: readonly ChainAsset[];
  readonly confirmations: number;
  /** What the QR holds by default: the payment URI, or the address alone. */
  readonly qrStyle: 'uri' | 'address';
  readonly enabled: boolean;
  readonly bitcoin?: BitcoinBackend;
  readonly evm?: { readonly rpcUrls: readonly string[]; readonly wsUrls: readonly string[] };
  /** Explorer page of a transaction, `{txid}` replaced (absent: the library's default for the chain). */
  readonly explorerTxUrl?: string;
}

/** What an extended public key turned out to be. */
export interface ParsedAccountKey {
  /** The key to store (as pasted, trimmed). */
  readonly publicKey: string;
  readonly network: string;
}

export interface PaymentUriInput {
  readonly chain: ChainConfig;
  readonly address: string;
  readonly asset: ChainAsset;
  readonly amountUnits: bigint;
  /** BIP-21: the address upper case inside the QR (a store setting). */
  readonly uppercase: boolean;
}

export interface RateQuote {
  /** Store-currency units per one whole unit of the asset (decimal text). */
  readonly rate: string;
  readonly source: string;
  readonly atMs: number;
}

export interface CryptoLibs {
  /** Throws an Error with a message for the owner (a private key or seed is refused). */
  parseAccountKey(family: WalletFamily, network: string, text: string): ParsedAccountKey;
  deriveAddress(family: WalletFamily, network: string, publicKey: string, index: number): string;
  isValidAddress(chain: ChainConfig, address: string): boolean;
  explorerTxUrl(chain: ChainConfig, txid: string): string | null;
  /** The chains the till knows without configuration (Bitcoin networks, the preconfigured EVM chains). */
  presets(): readonly ChainConfig[];
  createWatcher(chain: ChainConfig): ChainWatcher;
  paymentUri(input: PaymentUriInput): string;
  /** SVG text or PNG as base64. */
  renderQr(text: string, format: 'svg' | 'png'): Promise<string>;
  /** Throws RateUnavailable when no source answers. */
  quote(asset: string, currency: string): Promise<RateQuote>;
  /**
   * An EVM token's symbol and decimals read on-chain through the chain's RPC; throws an Error with a
   * message for the owner when no ERC-20 answers at that address.
   */
  readToken(chain: ChainConfig, contract: string): Promise<ChainAsset>;
}

export class RateUnavailable extends Error {}
