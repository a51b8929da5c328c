/**
 * The Bitcoin Core backend: JSON-RPC over HTTP with a watch-only descriptor wallet (created when
 * missing: `createwallet` with disable_private_keys and descriptors). Each watched address is
 * imported as `addr(…)` (`getdescriptorinfo` for the checksum, then `importdescriptors`, no
 * rescan: the address is fresh). Per round: the tip (`getbestblockhash`, `getblockheader`), the
 * address's txids (`listreceivedbyaddress`), each transaction (`gettransaction`: its block, its
 * raw hex for exact amounts), and for an unconfirmed one `getmempoolentry` (gone from the mempool:
 * replaced or dropped, so left out; `bip125-replaceable`, unconfirmed parents in `depends`).
 */
import { z } from 'zod';
import { type BitcoinNetwork } from '../networks';
import {
  BackendError,
  signalsRbf,
  type BackendTip,
  type BackendTx,
  type BitcoinBackend,
  type WatchedAddress,
} from './backend';
import { redactUrl } from './esplora';
import { decodeRawTx, type DecodedTx } from './rawTx';

export interface CoreBackendOptions {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly wallet?: string;
  readonly network: BitcoinNetwork;
  readonly requestTimeoutMs: number;
}

/** Bitcoin Core's RPC error codes we act on. */
const rpcWalletNotFound = -18;
const rpcInvalidAddressOrKey = -5;
const rpcWalletAlreadyLoaded = -35;

export class CoreRpcError extends BackendError {
  constructor(
    readonly code: number,
    message: string,
    status?: number,
  ) {
    super(message, status);
  }
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const walletTxSchema = z.object({
  confirmations: z.number().int(),
  blockhash: hex64.optional(),
  blockheight: z.number().int().nonnegative().optional(),
  hex: z.string().regex(/^[0-9a-fA-F]+$/),
});
const mempoolEntrySchema = z.object({
  depends: z.array(hex64).default([]),
  'bip125-replaceable': z.boolean().optional(),
});

const networkNames: Readonly<Record<BitcoinNetwork, string>> = {
  mainnet: 'main',
  testnet: 'test',
  signet: 'signet',
  regtest: 'regtest',
};

export function createCoreBackend(options: CoreBackendOptions): BitcoinBackend {
  const parsed = new URL(options.url);
  const username = options.username ?? decodeURIComponent(parsed.username);
  const password = options.password ?? decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const base = parsed.toString().replace(/\/+$/, '');
  const wallet = options.wallet ?? 'tillpoint';
  const walletPath = `/wallet/${encodeURIComponent(wallet)}`;
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const imported = new Set<string>();
  const rawCache = new Map<string, DecodedTx>();
  let lastTip: BackendTip | null = null;
  let confirmedAtTip = new Map<string, BackendTx>();
  let nextId = 1;

  async function rpc(method: string, params: unknown[], onWallet = false): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}${onWallet ? walletPath : '/'}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '1.0', id: nextId++, method, params }),
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
      throw new BackendError(`Bitcoin Core did not answer ${method}: ${reason.split(base).join('')}`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new BackendError('Bitcoin Core refused the RPC user name or password', response.status);
    }
    const text = await response.text();
    let body: { result?: unknown; error?: { code?: unknown; message?: unknown } | null };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new BackendError(`Bitcoin Core answered HTTP ${response.status} to ${method}`, response.status);
    }
    if (body.error) {
      const code = typeof body.error.code === 'number' ? body.error.code : -1;
      const message = typeof body.error.message === 'string' ? body.error.message.slice(0, 200) : 'error';
      throw new CoreRpcError(code, `Bitcoin Core: ${method}: ${message} (${code})`, response.status);
    }
    return body.result;
  }

  async function parse<T>(schema: z.ZodType<T>, value: Promise<unknown>, method: string): Promise<T> {
    const result = schema.safeParse(await value);
    if (!result.success) throw new BackendError(`Bitcoin Core's answer to ${method} is not as documented`);
    return result.data;
  }

  async function ensureWallet() {
    try {
      await rpc('getwalletinfo', [], true);
    } catch (error) {
      if (!(error instanceof CoreRpcError) || error.code !== rpcWalletNotFound) throw error;
      try {
        await rpc('loadwallet', [wallet]);
      } catch (loadError) {
        if (!(loadError instanceof CoreRpcError)) throw loadError;
        if (loadError.code === rpcWalletNotFound) {
          // name, disable_private_keys, blank, passphrase, avoid_reuse, descriptors, load_on_startup
          await rpc('createwallet', [wallet, true, true, '', false, true, true]);
        } else if (loadError.code !== rpcWalletAlreadyLoaded) {
          throw loadError;
        }
      }
    }
    const info = await parse(
      z.object({ private_keys_enabled: z.boolean(), descriptors: z.boolean().optional() }),
      rpc('getwalletinfo', [], true),
      'getwalletinfo',
    );
    if (info.private_keys_enabled) {
      throw new BackendError(
        `The Core wallet "${wallet}" holds private keys: give Tillpoint a watch-only wallet.`,
      );
    }
    if (info.descriptors === false) {
      throw new BackendError(
        `The Core wallet "${wallet}" is a legacy wallet: Tillpoint needs a descriptor wallet.`,
      );
    }
  }

  async function rawOf(txid: string, hex: string): Promise<DecodedTx> {
    const cached = rawCache.get(txid);
    if (cached) return cached;
    const decoded = decodeRawTx(hex);
    if (rawCache.size > 5000) rawCache.delete(rawCache.keys().next().value as string);
    rawCache.set(txid, decoded);
    return decoded;
  }

  async function walletTx(txid: string): Promise<BackendTx | null> {
    // While the tip stays, a confirmed transaction stays where it is: no need to ask again.
    const known = confirmedAtTip.get(txid);
    if (known) return known;
    const tx = await parse(walletTxSchema, rpc('gettransaction', [txid, true], true), 'gettransaction');
    if (tx.confirmations < 0) return null; // conflicted: another transaction spent its coins
    const decoded = await rawOf(txid, tx.hex);
    if (tx.confirmations > 0) {
      if (tx.blockheight === undefined || tx.blockhash === undefined) return null;
      const confirmed: BackendTx = {
        txid,
        blockHeight: tx.blockheight,
        blockHash: tx.blockhash,
        outputs: decoded.outputs,
        replaceable: false,
        from: [],
      };
      if (lastTip && tx.blockheight <= lastTip.height) confirmedAtTip.set(txid, confirmed);
      return confirmed;
    }
    let entry: z.infer<typeof mempoolEntrySchema>;
    try {
      entry = await parse(mempoolEntrySchema, rpc('getmempoolentry', [txid]), 'getmempoolentry');
    } catch (error) {
      if (error instanceof CoreRpcError && error.code === rpcInvalidAddressOrKey) return null; // left the mempool
      throw error;
    }
    const replaceable =
      entry['bip125-replaceable'] === true ||
      entry.depends.length > 0 ||
      signalsRbf(decoded.inputs.map((input) => input.sequence));
    return { txid, blockHeight: null, blockHash: null, outputs: decoded.outputs, replaceable, from: [] };
  }

  async function txidsOf(address: string): Promise<string[]> {
    const rows = await parse(
      z.array(z.object({ address: z.string(), txids: z.array(hex64) })),
      rpc('listreceivedbyaddress', [0, true, true, address], true),
      'listreceivedbyaddress',
    );
    return [...new Set(rows.filter((row) => row.address === address).flatMap((row) => row.txids))];
  }

  return {
    label: `Bitcoin Core ${redactUrl(base)} (wallet ${wallet})`,
    pushes: false,
    async open() {
      const chain = await parse(
        z.object({ chain: z.string() }),
        rpc('getblockchaininfo', []),
        'getblockchaininfo',
      );
      if (chain.chain !== networkNames[options.network]) {
        throw new BackendError(`This Bitcoin Core node runs ${chain.chain}, not ${options.network}.`);
      }
      await ensureWallet();
    },
    async close() {},
    async getTip() {
      const hash = await parse(hex64, rpc('getbestblockhash', []), 'getbestblockhash');
      if (lastTip?.hash === hash) return lastTip;
      confirmedAtTip = new Map();
      const header = await parse(
        z.object({ height: z.number().int().nonnegative() }),
        rpc('getblockheader', [hash, true]),
        'getblockheader',
      );
      lastTip = { height: header.height, hash };
      return lastTip;
    },
    async addWatch(watched: WatchedAddress) {
      if (imported.has(watched.canonical)) return;
      const info = await parse(
        z.object({ descriptor: z.string() }),
        rpc('getdescriptorinfo', [`addr(${watched.canonical})`]),
        'getdescriptorinfo',
      );
      const results = await parse(
        z.array(z.object({ success: z.boolean(), error: z.object({ message: z.string() }).optional() })),
        rpc('importdescriptors', [[{ desc: info.descriptor, timestamp: 'now', label: 'tillpoint' }]], true),
        'importdescriptors',
      );
      if (!results[0]?.success) {
        throw new BackendError(
          `Bitcoin Core did not import the address: ${results[0]?.error?.message ?? 'no answer'}`,
        );
      }
      imported.add(watched.canonical);
    },
    async removeWatch() {
      // A descriptor wallet cannot forget a descriptor; it stays, unwatched here.
    },
    async listTransactions(watched: WatchedAddress, fromHeight: number | undefined) {
      const txs: BackendTx[] = [];
      for (const txid of await txidsOf(watched.canonical)) {
        const tx = await walletTx(txid);
        if (!tx) continue;
        if (tx.blockHeight !== null && fromHeight !== undefined && tx.blockHeight < fromHeight) continue;
        txs.push(tx);
      }
      return txs;
    },
    async hasHistory(watched: WatchedAddress) {
      if (imported.has(watched.canonical) && (await txidsOf(watched.canonical)).length > 0) return true;
      // Not in the wallet: the node's set of unspent outputs (coins since spent are not seen).
      const scan = await parse(
        z.object({ success: z.boolean().optional(), unspents: z.array(z.unknown()) }),
        rpc('scantxoutset', ['start', [`addr(${watched.canonical})`]]),
        'scantxoutset',
      );
      return scan.unspents.length > 0;
    },
  };
}
