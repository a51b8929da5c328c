/**
 * `CryptoLibs` bound to the project's libraries: src/main/chains/bitcoin and src/main/chains/evm
 * (keys, addresses, presets, watchers), src/shared/paymentUri (BIP-21, EIP-681), src/main/paymentQr
 * (QR images) and the rate sources. Parsed keys are cached by their text (deriving an address
 * from a parsed key is cheap; parsing is not).
 */
import { type Logger } from 'pino';
import {
  bitcoinExplorerTxUrl,
  deriveBitcoinAddress,
  isBitcoinNetwork,
  isValidBitcoinAddress,
  parseBitcoinAccountKey,
  type BitcoinAccountKey,
  type BitcoinNetwork,
} from '../chains/bitcoin';
import {
  createEvmRpc,
  deriveEvmAddress,
  evmChains,
  readTokenMetadata,
  isValidEvmAddress,
  parseEvmAccountKey,
  type EvmAccountKey,
} from '../chains/evm';
import { renderQrPng, renderQrSvg } from '../paymentQr';
import { bip21Uri, eip681NativeUri, eip681TokenUri } from '../../shared/paymentUri';
import { coinbaseProvider, createRateService, krakenProvider, type RateService } from '../rates';
import { type ChainConfig, type CryptoLibs, RateUnavailable } from './libs';
import { createChainWatcher, type WatcherTiming } from './watchers';

const bitcoinPresetBackends: Record<BitcoinNetwork, string | null> = {
  mainnet: 'https://mempool.space/api',
  testnet: 'https://mempool.space/testnet/api',
  signet: 'https://mempool.space/signet/api',
  regtest: null,
};
const bitcoinLabels: Record<BitcoinNetwork, string> = {
  mainnet: 'Bitcoin',
  testnet: 'Bitcoin testnet',
  signet: 'Bitcoin signet',
  regtest: 'Bitcoin regtest',
};

export function bitcoinPresets(): ChainConfig[] {
  return (['mainnet', 'testnet', 'signet', 'regtest'] as const).map((network) => {
    const url = bitcoinPresetBackends[network];
    return {
      chainKey: `btc:${network}`,
      family: 'bitcoin',
      network,
      label: bitcoinLabels[network],
      assets: [{ symbol: 'BTC', contract: null, decimals: 8 }],
      confirmations: network === 'mainnet' ? 2 : 1,
      qrStyle: 'uri',
      enabled: false,
      ...(url ? { bitcoin: { kind: 'esplora' as const, url } } : {}),
    };
  });
}

export function evmPresets(): ChainConfig[] {
  return evmChains.map((chain) => ({
    chainKey: chain.key,
    family: 'evm',
    network: String(chain.chainId),
    label: chain.name,
    assets: [
      { symbol: chain.native.symbol, contract: null, decimals: chain.native.decimals },
      ...chain.tokens.map((t) => ({ symbol: t.symbol, contract: t.address, decimals: t.decimals })),
    ],
    confirmations: chain.confirmationBlocks,
    qrStyle: 'uri',
    enabled: false,
    evm: { rpcUrls: [], wsUrls: [] },
    explorerTxUrl: chain.explorerTxUrl.replace('{txHash}', '{txid}'),
  }));
}

export interface RealLibsOptions {
  readonly logger?: Logger;
  /** The rate sources (default: Kraken, then Coinbase). */
  readonly rates?: RateService;
  readonly watcherTiming?: WatcherTiming;
}

export function createRealLibs(options: RealLibsOptions = {}): CryptoLibs {
  const rates =
    options.rates ?? createRateService({ primary: krakenProvider(), fallback: coinbaseProvider() });
  const bitcoinKeys = new Map<string, BitcoinAccountKey>();
  const evmKeys = new Map<string, EvmAccountKey>();
  const bitcoinKey = (text: string, network: BitcoinNetwork) => {
    const cacheKey = `${network}:${text}`;
    let key = bitcoinKeys.get(cacheKey);
    if (!key) {
      key = parseBitcoinAccountKey(text, network);
      bitcoinKeys.set(cacheKey, key);
    }
    return key;
  };
  const evmKey = (text: string) => {
    let key = evmKeys.get(text);
    if (!key) {
      key = parseEvmAccountKey(text);
      evmKeys.set(text, key);
    }
    return key;
  };
  const btcNetwork = (network: string): BitcoinNetwork => {
    if (!isBitcoinNetwork(network)) throw new Error(`Unknown Bitcoin network ${network}.`);
    return network;
  };

  return {
    parseAccountKey(family, network, text) {
      if (family === 'bitcoin') {
        const key = bitcoinKey(text.trim(), btcNetwork(network));
        return { publicKey: key.text, network };
      }
      const key = evmKey(text.trim());
      return { publicKey: key.xpub, network: 'evm' };
    },
    deriveAddress(family, network, publicKey, index) {
      return family === 'bitcoin'
        ? deriveBitcoinAddress(bitcoinKey(publicKey, btcNetwork(network)), btcNetwork(network), index)
        : deriveEvmAddress(evmKey(publicKey), index);
    },
    isValidAddress(chain, address) {
      return chain.family === 'bitcoin'
        ? isValidBitcoinAddress(address, btcNetwork(chain.network))
        : isValidEvmAddress(address);
    },
    explorerTxUrl(chain, txid) {
      if (chain.explorerTxUrl) return chain.explorerTxUrl.replace('{txid}', txid);
      return chain.family === 'bitcoin' ? bitcoinExplorerTxUrl(btcNetwork(chain.network), txid) : null;
    },
    presets: () => [...bitcoinPresets(), ...evmPresets()],
    createWatcher: (chain: ChainConfig) => createChainWatcher(chain, options.logger, options.watcherTiming),
    paymentUri({ chain, address, asset, amountUnits, uppercase }) {
      if (chain.family === 'bitcoin')
        return bip21Uri({ address, amountSats: amountUnits, upperCaseAddress: uppercase });
      const chainId = Number(chain.network);
      return asset.contract
        ? eip681TokenUri({ token: asset.contract, chainId, to: address, amountUnits })
        : eip681NativeUri({ to: address, chainId, valueWei: amountUnits });
    },
    renderQr(text, format) {
      return Promise.resolve(
        format === 'svg' ? renderQrSvg(text) : renderQrPng(text, { sizePx: 512 }).toString('base64'),
      );
    },
    async readToken(chain, contract) {
      const urls = chain.evm?.rpcUrls ?? [];
      if (urls.length === 0) throw new Error(`${chain.label} has no RPC URL.`);
      const token = await readTokenMetadata(createEvmRpc({ urls: [...urls] }), contract);
      return { symbol: token.symbol, contract: token.address, decimals: token.decimals };
    },
    async quote(asset, currency) {
      try {
        const quote = await rates.quote(asset, currency);
        return { rate: quote.rate, source: quote.source, atMs: quote.at.getTime() };
      } catch (error) {
        throw new RateUnavailable(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
