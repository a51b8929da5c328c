/**
 * The Bitcoin networks the till knows, with the prefixes their addresses and extended keys use.
 * Plain data: no elliptic-curve code is needed to read or write addresses.
 */
import { type Network } from 'bitcoinjs-lib';

export type BitcoinNetwork = 'mainnet' | 'testnet' | 'signet' | 'regtest';

export const bitcoinNetworks: readonly BitcoinNetwork[] = ['mainnet', 'testnet', 'signet', 'regtest'];

export interface BitcoinNetworkParams {
  /** bech32 human-readable part: bc, tb, bcrt. */
  readonly bech32: string;
  /** base58 version byte of a P2PKH address. */
  readonly pubKeyHash: number;
  /** base58 version byte of a P2SH address. */
  readonly scriptHash: number;
  /** BIP-32 version bytes of the plain extended public / private key (xpub/xprv, tpub/tprv). */
  readonly bip32Public: number;
  readonly bip32Private: number;
  /** WIF private key version byte. */
  readonly wif: number;
}

const mainnetParams: BitcoinNetworkParams = {
  bech32: 'bc',
  pubKeyHash: 0x00,
  scriptHash: 0x05,
  bip32Public: 0x0488b21e,
  bip32Private: 0x0488ade4,
  wif: 0x80,
};

const testParams: Omit<BitcoinNetworkParams, 'bech32'> = {
  pubKeyHash: 0x6f,
  scriptHash: 0xc4,
  bip32Public: 0x043587cf,
  bip32Private: 0x04358394,
  wif: 0xef,
};

export const networkParams: Readonly<Record<BitcoinNetwork, BitcoinNetworkParams>> = {
  mainnet: mainnetParams,
  testnet: { ...testParams, bech32: 'tb' },
  signet: { ...testParams, bech32: 'tb' },
  regtest: { ...testParams, bech32: 'bcrt' },
};

export function isBitcoinNetwork(value: unknown): value is BitcoinNetwork {
  return typeof value === 'string' && (bitcoinNetworks as readonly string[]).includes(value);
}

/** The network object bitcoinjs-lib and bip32 expect. */
export function bitcoinjsNetwork(network: BitcoinNetwork): Network {
  const params = networkParams[network];
  return {
    messagePrefix: '\x18Bitcoin Signed Message:\n',
    bech32: params.bech32,
    bip32: { public: params.bip32Public, private: params.bip32Private },
    pubKeyHash: params.pubKeyHash,
    scriptHash: params.scriptHash,
    wif: params.wif,
  };
}

/** The chain key the crypto domain names a Bitcoin network by. */
export function bitcoinChainKey(network: BitcoinNetwork): string {
  return `btc:${network}`;
}

const explorerBase: Readonly<Record<BitcoinNetwork, string | null>> = {
  mainnet: 'https://mempool.space',
  testnet: 'https://mempool.space/testnet',
  signet: 'https://mempool.space/signet',
  regtest: null,
};

/**
 * A public explorer's page for a transaction (mempool.space), or null on regtest, which has no
 * public explorer. The txid is checked to be 64 hex digits so no other text reaches a URL or QR.
 */
export function bitcoinExplorerTxUrl(network: BitcoinNetwork, txid: string): string | null {
  if (!/^[0-9a-fA-F]{64}$/.test(txid)) return null;
  const base = explorerBase[network];
  return base === null ? null : `${base}/tx/${txid.toLowerCase()}`;
}
