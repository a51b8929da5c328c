/**
 * The calls the simulated Bitcoin Core answers, with Core's field names and error codes:
 * chain (`getblockchaininfo`, `getblockcount`, `getbestblockhash`, `getblockheader`,
 * `getmempoolentry`, `getdescriptorinfo`, `scantxoutset`) and wallet (`listwallets`,
 * `createwallet`, `loadwallet`, `getwalletinfo`, `importdescriptors`, `listreceivedbyaddress`,
 * `gettransaction`).
 */
import { bytesToHex, decodeBitcoinAddress } from '../addresses';
import { type BitcoinNetwork } from '../networks';
import { SimCoreWallet } from './coreWallet';
import { descriptorChecksum } from './descriptorChecksum';
import { type SimChainState, type SimTx } from './simChainState';

export class CoreFakeError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const walletMethods = new Set([
  'getwalletinfo',
  'importdescriptors',
  'listreceivedbyaddress',
  'gettransaction',
  'listtransactions',
  'getbalances',
]);

export function isWalletMethod(method: string): boolean {
  return walletMethods.has(method);
}

/** Amounts in BTC travel as JSON numbers with 8 decimals, exact (never through a float). */
const btcMarker = '\u0000btc:';
function btc(sats: bigint): string {
  const negative = sats < 0n;
  const abs = negative ? -sats : sats;
  return `${btcMarker}${negative ? '-' : ''}${abs / 100_000_000n}.${(abs % 100_000_000n).toString().padStart(8, '0')}`;
}

export function serializeCoreJson(payload: object): string {
  return JSON.stringify(payload).replace(/"\\u0000btc:(-?\d+\.\d{8})"/g, '$1');
}

const chainNames: Readonly<Record<BitcoinNetwork, string>> = {
  mainnet: 'main',
  testnet: 'test',
  signet: 'signet',
  regtest: 'regtest',
};

export interface CoreContext {
  readonly state: SimChainState;
  readonly wallets: Map<string, SimCoreWallet>;
  readonly wallet: SimCoreWallet | null;
}

function addrOf(state: SimChainState, descriptor: string): { address: string; scriptHex: string } {
  const match = /^addr\(([^)]*)\)$/.exec(descriptor);
  if (!match) throw new CoreFakeError(-5, `'${descriptor.slice(0, 40)}' is not a valid descriptor function`);
  const decoded = decodeBitcoinAddress(match[1] as string, state.network);
  if (!decoded) throw new CoreFakeError(-5, 'addr(): Address is not valid');
  return { address: match[1] as string, scriptHex: bytesToHex(decoded.script) };
}

function splitChecksum(text: string): { descriptor: string; checksum: string | null } {
  const hash = text.indexOf('#');
  return hash < 0
    ? { descriptor: text, checksum: null }
    : { descriptor: text.slice(0, hash), checksum: text.slice(hash + 1) };
}

function walletTxJson(ctx: CoreContext, wallet: SimCoreWallet, entry: SimTx) {
  const { state } = ctx;
  const depth = wallet.depthOf(state, entry);
  const height = state.confirmedAt.get(entry.txid);
  const block = height === undefined ? undefined : state.blockAt(height);
  const received = wallet.receivedBy(entry);
  const signals = entry.tx.ins.some((input) => input.sequence < 0xfffffffe);
  const inMempool = state.mempool.includes(entry.txid);
  return {
    amount: btc(received.reduce((sum, item) => sum + item.sats, 0n)),
    confirmations: depth,
    ...(block
      ? {
          blockhash: block.hash,
          blockheight: block.height,
          blockindex: block.txids.indexOf(entry.txid),
          blocktime: block.time,
        }
      : {}),
    ...(depth === 0 ? { trusted: false } : {}),
    txid: entry.txid,
    wtxid: entry.tx.getHash(true)
      ? Buffer.from(entry.tx.getHash(true)).reverse().toString('hex')
      : entry.txid,
    walletconflicts: [],
    time: 1_700_000_000 + entry.seq,
    timereceived: 1_700_000_000 + entry.seq,
    'bip125-replaceable':
      depth !== 0
        ? 'no'
        : !inMempool
          ? 'unknown'
          : signals || state.hasUnconfirmedParent(entry)
            ? 'yes'
            : 'no',
    details: received.map((item) => ({
      involvesWatchonly: true,
      address: item.address,
      category: 'receive',
      amount: btc(item.sats),
      label: 'tillpoint',
      vout: item.vout,
      abandoned: false,
    })),
    hex: entry.hex,
  };
}

function walletOf(ctx: CoreContext): SimCoreWallet {
  if (!ctx.wallet) throw new CoreFakeError(-18, 'Requested wallet does not exist or is not loaded');
  return ctx.wallet;
}

export function callCoreMethod(ctx: CoreContext, method: string, params: unknown[]): unknown {
  const { state } = ctx;
  switch (method) {
    case 'getblockchaininfo':
      return {
        chain: chainNames[state.network],
        blocks: state.tipHeight(),
        headers: state.tipHeight(),
        bestblockhash: state.tip().hash,
        initialblockdownload: false,
        pruned: false,
        warnings: '',
      };
    case 'getblockcount':
      return state.tipHeight();
    case 'getbestblockhash':
      return state.tip().hash;
    case 'getblockhash': {
      const block = typeof params[0] === 'number' ? state.blockAt(params[0]) : undefined;
      if (!block) throw new CoreFakeError(-8, 'Block height out of range');
      return block.hash;
    }
    case 'getblockheader': {
      const block = typeof params[0] === 'string' ? state.blockByHash(params[0]) : undefined;
      if (!block) throw new CoreFakeError(-5, 'Block not found');
      if (params[1] === false) return block.headerHex;
      const header = Buffer.from(block.headerHex, 'hex');
      const next = state.blockAt(block.height + 1);
      return {
        hash: block.hash,
        confirmations: state.tipHeight() - block.height + 1,
        height: block.height,
        version: header.readUInt32LE(0),
        merkleroot: Buffer.from(header.subarray(36, 68)).reverse().toString('hex'),
        time: block.time,
        nonce: header.readUInt32LE(76),
        bits: header.readUInt32LE(72).toString(16).padStart(8, '0'),
        nTx: block.txids.length,
        ...(block.height > 0 ? { previousblockhash: state.blockAt(block.height - 1)?.hash } : {}),
        ...(next ? { nextblockhash: next.hash } : {}),
      };
    }
    case 'getmempoolentry': {
      const txid = String(params[0] ?? '');
      const entry = state.mempool.includes(txid) ? state.txs.get(txid) : undefined;
      if (!entry) throw new CoreFakeError(-5, 'Transaction not in mempool');
      const depends = entry.tx.ins
        .map((input) => Buffer.from(input.hash).reverse().toString('hex'))
        .filter((parent) => state.mempool.includes(parent));
      const spentby = state.mempool.filter((other) =>
        state.txs
          .get(other)
          ?.tx.ins.some((input) => Buffer.from(input.hash).reverse().toString('hex') === txid),
      );
      const signals = entry.tx.ins.some((input) => input.sequence < 0xfffffffe);
      return {
        vsize: entry.tx.virtualSize(),
        weight: entry.tx.weight(),
        time: 1_700_000_000 + entry.seq,
        height: state.tipHeight(),
        descendantcount: 1 + spentby.length,
        ancestorcount: 1 + depends.length,
        wtxid: entry.txid,
        fees: {
          base: btc(entry.fee),
          modified: btc(entry.fee),
          ancestor: btc(entry.fee),
          descendant: btc(entry.fee),
        },
        depends,
        spentby,
        'bip125-replaceable': signals || depends.length > 0,
        unbroadcast: false,
      };
    }
    case 'getdescriptorinfo': {
      const { descriptor } = splitChecksum(String(params[0] ?? ''));
      addrOf(state, descriptor);
      const checksum = descriptorChecksum(descriptor);
      return {
        descriptor: `${descriptor}#${checksum}`,
        checksum,
        isrange: false,
        issolvable: false,
        hasprivatekeys: false,
      };
    }
    case 'scantxoutset': {
      if (params[0] !== 'start') throw new CoreFakeError(-8, 'Invalid action');
      const descriptors = Array.isArray(params[1]) ? params[1].map(String) : [];
      const scripts = new Map(
        descriptors.map((text) => {
          const { address, scriptHex } = addrOf(state, splitChecksum(text).descriptor);
          return [scriptHex, address] as const;
        }),
      );
      const unspents: object[] = [];
      let total = 0n;
      for (const entry of state.txs.values()) {
        const height = state.confirmedAt.get(entry.txid);
        if (height === undefined) continue;
        entry.tx.outs.forEach((output, vout) => {
          const hex = bytesToHex(output.script);
          const address = scripts.get(hex);
          const spender = state.spenderOf(entry.txid, vout);
          if (!address || (spender !== null && state.confirmedAt.has(spender))) return;
          total += output.value;
          unspents.push({
            txid: entry.txid,
            vout,
            scriptPubKey: hex,
            desc: `addr(${address})`,
            amount: btc(output.value),
            coinbase: entry.tx.isCoinbase(),
            height,
          });
        });
      }
      return {
        success: true,
        txouts: state.txs.size,
        height: state.tipHeight(),
        bestblock: state.tip().hash,
        unspents,
        total_amount: btc(total),
      };
    }
    case 'listwallets':
      return [...ctx.wallets.values()].filter((wallet) => wallet.loaded).map((wallet) => wallet.name);
    case 'createwallet': {
      const name = String(params[0] ?? '');
      if (ctx.wallets.has(name)) {
        throw new CoreFakeError(
          -4,
          `Wallet file verification failed. Failed to create database path '${name}'. Database already exists.`,
        );
      }
      const wallet = new SimCoreWallet(name, params[1] !== true, params[5] !== false);
      ctx.wallets.set(name, wallet);
      return { name, warnings: [] };
    }
    case 'loadwallet': {
      const name = String(params[0] ?? '');
      const wallet = ctx.wallets.get(name);
      if (!wallet)
        throw new CoreFakeError(
          -18,
          `Wallet file verification failed. Failed to load database path '${name}'. Path does not exist.`,
        );
      if (wallet.loaded) throw new CoreFakeError(-35, `Wallet "${name}" is already loaded.`);
      wallet.loaded = true;
      return { name, warnings: [] };
    }
    case 'getwalletinfo': {
      const wallet = walletOf(ctx);
      return {
        walletname: wallet.name,
        walletversion: 169900,
        format: 'sqlite',
        txcount: wallet.txs.size,
        keypoolsize: 0,
        private_keys_enabled: wallet.privateKeysEnabled,
        avoid_reuse: false,
        scanning: false,
        descriptors: wallet.descriptors,
        external_signer: false,
        blank: true,
      };
    }
    case 'importdescriptors': {
      const wallet = walletOf(ctx);
      if (!wallet.descriptors)
        throw new CoreFakeError(-4, 'importdescriptors is not available for non-descriptor wallets');
      const requests = Array.isArray(params[0])
        ? (params[0] as { desc?: unknown; timestamp?: unknown }[])
        : [];
      return requests.map((item) => {
        try {
          const { descriptor, checksum } = splitChecksum(String(item.desc ?? ''));
          if (checksum === null) throw new CoreFakeError(-5, 'Missing checksum');
          const computed = descriptorChecksum(descriptor);
          if (checksum !== computed)
            throw new CoreFakeError(
              -5,
              `Provided checksum '${checksum}' does not match computed checksum '${computed}'`,
            );
          if (item.timestamp !== 'now' && typeof item.timestamp !== 'number')
            throw new CoreFakeError(-8, 'Missing required timestamp field for key');
          const { address, scriptHex } = addrOf(state, descriptor);
          wallet.imports.set(address, {
            address,
            scriptHex,
            seenAfter: state.arrivals(),
            rescanFrom: typeof item.timestamp === 'number' ? item.timestamp : null,
          });
          wallet.sync(state);
          return { success: true };
        } catch (error) {
          const code = error instanceof CoreFakeError ? error.code : -1;
          return { success: false, error: { code, message: (error as Error).message } };
        }
      });
    }
    case 'listreceivedbyaddress': {
      const wallet = walletOf(ctx);
      const minconf = typeof params[0] === 'number' ? params[0] : 1;
      const includeEmpty = params[1] === true;
      const filter = typeof params[3] === 'string' ? params[3] : null;
      if (filter !== null && !wallet.imports.has(filter))
        throw new CoreFakeError(-4, 'address_filter parameter was invalid');
      const rows: object[] = [];
      for (const imported of wallet.imports.values()) {
        if (filter !== null && imported.address !== filter) continue;
        let amount = 0n;
        let confirmations = Number.MAX_SAFE_INTEGER;
        const txids: string[] = [];
        for (const entry of wallet.txs.values()) {
          const depth = wallet.depthOf(state, entry);
          if (depth < minconf) continue;
          const paid = wallet.receivedBy(entry).filter((item) => item.address === imported.address);
          if (paid.length === 0) continue;
          amount += paid.reduce((sum, item) => sum + item.sats, 0n);
          confirmations = Math.min(confirmations, depth);
          txids.push(entry.txid);
        }
        if (txids.length === 0 && !includeEmpty) continue;
        rows.push({
          involvesWatchonly: true,
          address: imported.address,
          amount: btc(amount),
          confirmations: txids.length === 0 ? 0 : confirmations,
          label: 'tillpoint',
          txids,
        });
      }
      return rows;
    }
    case 'gettransaction': {
      const wallet = walletOf(ctx);
      const entry = wallet.txs.get(String(params[0] ?? ''));
      if (!entry) throw new CoreFakeError(-5, 'Invalid or non-wallet transaction id');
      return walletTxJson(ctx, wallet, entry);
    }
    default:
      throw new CoreFakeError(-32601, 'Method not found');
  }
}
