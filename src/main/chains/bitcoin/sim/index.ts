/**
 * A simulated Bitcoin chain in this process: real transactions signed by a simulated wallet,
 * blocks, a mempool, RBF and reorgs, served as Esplora REST and the Electrum protocol on
 * loopback, so the real watchers run against it (demo mode, tests).
 */
import { type BitcoinNetwork } from '../networks';
import { startSimElectrumServer, type ElectrumServerOptions } from './electrumServer';
import { startSimCoreRpc, type SimCoreRpcOptions } from './coreRpcServer';
import { startSimEsploraServer, type EsploraFault } from './esploraServer';
import { SimChainState } from './simChainState';
import { SimWallet, simWalletKey, type SimPayOptions } from './simWallet';

export interface BitcoinSimChainOptions {
  readonly network?: BitcoinNetwork;
  /** The simulated wallet's seed (32 bytes); a fixed one by default. */
  readonly seed?: Uint8Array;
  /** Also serve the Electrum protocol over TLS with this key and certificate (PEM). */
  readonly electrumTls?: ElectrumServerOptions['tls'];
  /** Also answer Bitcoin Core's JSON-RPC (a watch-only descriptor wallet) over the same chain. */
  readonly coreRpc?: boolean | SimCoreRpcOptions;
}

export interface BitcoinSimChain {
  readonly network: BitcoinNetwork;
  /** Esplora REST base URL, e.g. `http://127.0.0.1:41234/api`. */
  readonly esploraUrl: string;
  readonly electrum: { readonly host: string; readonly port: number };
  /** Present when `electrumTls` was given. */
  readonly electrumTls: { readonly host: string; readonly port: number } | null;
  /** Present when `coreRpc` was asked for: where the simulated Core answers, and its RPC credentials. */
  readonly coreRpc: {
    readonly url: string;
    readonly username: string;
    readonly password: string;
    readonly calls: readonly string[];
  } | null;
  /** The simulated wallet's own address (where its change and RBF double-spends go). */
  readonly walletAddress: string;
  /** Pays an address from the simulated wallet; the transaction enters the mempool. Returns its txid. */
  pay(address: string, sats: bigint, options?: SimPayOptions): string;
  /** Mines blocks (the first holds the whole mempool). Returns their hashes. */
  mine(blocks?: number): string[];
  /** RBF: drops a mempool transaction and puts a conflicting one (default: back to the wallet). Returns its txid. */
  replace(txid: string, options?: { toAddress?: string; sats?: bigint }): string;
  /** Replaces the last `depth` blocks (`dropTxids` vanish, the rest are mined again in other blocks). */
  reorg(depth: number, options?: { dropTxids?: readonly string[]; newBlocks?: number }): void;
  tipHeight(): number;
  tipHash(): string;
  walletBalanceSats(): bigint;
  /** Whether a transaction is in the mempool or a block now. */
  knows(txid: string): boolean;
  /** The next Esplora requests fail with this status (HTTP 429 / 5xx). */
  injectEsploraFault(fault: EsploraFault): void;
  esploraRequestCount(): number;
  /** Cuts every Electrum client off (they must reconnect and subscribe again). */
  dropElectrumConnections(): void;
  electrumConnectionCount(): number;
  /** For the Core RPC fake and other servers over the same chain. */
  readonly state: SimChainState;
  close(): Promise<void>;
}

export async function createBitcoinSimChain(options: BitcoinSimChainOptions = {}): Promise<BitcoinSimChain> {
  const network = options.network ?? 'regtest';
  const key = simWalletKey(network, options.seed);
  const state = new SimChainState(network, key.script);
  const wallet = new SimWallet(state, key.node, key.script);
  const esplora = await startSimEsploraServer(state);
  const electrum = await startSimElectrumServer(state);
  const electrumTls = options.electrumTls
    ? await startSimElectrumServer(state, { tls: options.electrumTls })
    : null;
  const coreRpc = options.coreRpc
    ? await startSimCoreRpc(state, options.coreRpc === true ? {} : options.coreRpc)
    : null;
  return {
    network,
    coreRpc,
    esploraUrl: esplora.url,
    electrum: { host: electrum.host, port: electrum.port },
    electrumTls: electrumTls ? { host: electrumTls.host, port: electrumTls.port } : null,
    walletAddress: wallet.address,
    pay: (address, sats, payOptions) => wallet.pay(address, sats, payOptions),
    mine: (blocks) => state.mine(blocks),
    replace: (txid, replaceOptions) => wallet.replace(txid, replaceOptions),
    reorg: (depth, reorgOptions) => state.reorg(depth, reorgOptions),
    tipHeight: () => state.tipHeight(),
    tipHash: () => state.tip().hash,
    walletBalanceSats: () => wallet.balanceSats(),
    knows: (txid) => state.txs.has(txid),
    injectEsploraFault: (fault) => esplora.injectFault(fault),
    esploraRequestCount: () => esplora.requestCount(),
    dropElectrumConnections() {
      electrum.dropConnections();
      electrumTls?.dropConnections();
    },
    electrumConnectionCount: () => electrum.connectionCount() + (electrumTls?.connectionCount() ?? 0),
    state,
    async close() {
      await Promise.all([esplora.close(), electrum.close(), electrumTls?.close(), coreRpc?.close()]);
    },
  };
}

export { SimChainState } from './simChainState';
export { type SimPayOptions } from './simWallet';
export { type EsploraFault } from './esploraServer';
export { type SimCoreRpcOptions } from './coreRpcServer';
