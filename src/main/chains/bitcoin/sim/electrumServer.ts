/**
 * The simulated chain's Electrum protocol server (1.4) on 127.0.0.1 over TCP: newline-delimited
 * JSON-RPC 2.0 with `server.version`, `blockchain.headers.subscribe`, `blockchain.block.header`,
 * `blockchain.scripthash.subscribe` / `get_history` / `get_mempool` / `get_balance`,
 * `blockchain.transaction.get` (raw hex) and `broadcast`; notifications after every change of the
 * chain, as electrs, Fulcrum and ElectrumX send them. `dropConnections()` cuts every client off.
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { type SimChainState, type SimTx } from './simChainState';

export interface SimElectrumServer {
  readonly host: string;
  readonly port: number;
  connectionCount(): number;
  dropConnections(): void;
  close(): Promise<void>;
}

interface HistoryItem {
  tx_hash: string;
  height: number;
  fee?: number;
}

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function historyOf(state: SimChainState, scripthash: string): HistoryItem[] {
  const scriptHex = state.scriptsByScripthash.get(scripthash);
  if (!scriptHex) return [];
  return state.historyOf(scriptHex).map((entry: SimTx) => {
    const height = state.confirmedAt.get(entry.txid);
    if (height !== undefined) return { tx_hash: entry.txid, height };
    return {
      tx_hash: entry.txid,
      height: state.hasUnconfirmedParent(entry) ? -1 : 0,
      fee: Number(entry.fee),
    };
  });
}

export function electrumStatus(history: readonly HistoryItem[]): string | null {
  if (history.length === 0) return null;
  const text = history.map((item) => `${item.tx_hash}:${item.height}:`).join('');
  return createHash('sha256').update(text).digest('hex');
}

function checkScripthash(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value))
    throw new RpcError(-32602, 'invalid scripthash');
  return value;
}

export interface ElectrumServerOptions {
  /** Serve TLS with this key and certificate (PEM) instead of plain TCP. */
  readonly tls?: { key: string; cert: string };
}

export async function startSimElectrumServer(
  state: SimChainState,
  options: ElectrumServerOptions = {},
): Promise<SimElectrumServer> {
  const sockets = new Set<net.Socket>();
  const cleanups = new Set<() => void>();

  function serve(socket: net.Socket) {
    sockets.add(socket);
    socket.setEncoding('utf8');
    let buffer = '';
    let headersTip: string | null = null;
    const subscriptions = new Map<string, string | null>();
    const send = (message: object) => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
    };

    function call(method: string, params: unknown[]): unknown {
      switch (method) {
        case 'server.version':
          return ['SimElectrum 0.1', '1.4'];
        case 'server.ping':
          return null;
        case 'server.banner':
          return 'Tillpoint simulated Electrum server';
        case 'server.features':
          return {
            genesis_hash: state.blockAt(0)?.hash,
            hosts: {},
            protocol_max: '1.4',
            protocol_min: '1.4',
            pruning: null,
            server_version: 'SimElectrum 0.1',
            hash_function: 'sha256',
          };
        case 'blockchain.headers.subscribe': {
          const tip = state.tip();
          headersTip = tip.hash;
          return { height: tip.height, hex: tip.headerHex };
        }
        case 'blockchain.block.header': {
          const height = params[0];
          const block = typeof height === 'number' ? state.blockAt(height) : undefined;
          if (!block) throw new RpcError(1, `height ${String(height)} out of range`);
          return block.headerHex;
        }
        case 'blockchain.scripthash.subscribe': {
          const scripthash = checkScripthash(params[0]);
          const status = electrumStatus(historyOf(state, scripthash));
          subscriptions.set(scripthash, status);
          return status;
        }
        case 'blockchain.scripthash.unsubscribe':
          return subscriptions.delete(checkScripthash(params[0]));
        case 'blockchain.scripthash.get_history':
          return historyOf(state, checkScripthash(params[0]));
        case 'blockchain.scripthash.get_mempool':
          return historyOf(state, checkScripthash(params[0])).filter((item) => item.height <= 0);
        case 'blockchain.scripthash.get_balance': {
          const scripthash = checkScripthash(params[0]);
          const scriptHex = state.scriptsByScripthash.get(scripthash);
          let confirmed = 0n;
          let unconfirmed = 0n;
          for (const entry of scriptHex ? state.historyOf(scriptHex) : []) {
            entry.tx.outs.forEach((output, vout) => {
              if (Buffer.from(output.script).toString('hex') !== scriptHex) return;
              if (state.spenderOf(entry.txid, vout) !== null) return;
              if (state.isConfirmed(entry.txid)) confirmed += output.value;
              else unconfirmed += output.value;
            });
          }
          return { confirmed: Number(confirmed), unconfirmed: Number(unconfirmed) };
        }
        case 'blockchain.transaction.get': {
          const txid = params[0];
          if (params[1] === true) throw new RpcError(-32600, 'verbose transactions are not supported');
          const entry = typeof txid === 'string' ? state.txs.get(txid) : undefined;
          if (!entry) throw new RpcError(2, 'daemon error: No such mempool or blockchain transaction.');
          return entry.hex;
        }
        case 'blockchain.transaction.broadcast': {
          try {
            return state.broadcast(String(params[0]));
          } catch (error) {
            throw new RpcError(
              1,
              `the transaction was rejected by network rules.\n\n${(error as Error).message}`,
            );
          }
        }
        case 'blockchain.relayfee':
        case 'blockchain.estimatefee':
          return 0.00001;
        default:
          throw new RpcError(-32601, `unknown method "${method}"`);
      }
    }

    function answer(request: unknown): object {
      const { id, method, params } = (request ?? {}) as { id?: unknown; method?: unknown; params?: unknown };
      try {
        if (typeof method !== 'string') throw new RpcError(-32600, 'invalid request');
        const result = call(method, Array.isArray(params) ? params : []);
        return { jsonrpc: '2.0', id: id ?? null, result };
      } catch (error) {
        const code = error instanceof RpcError ? error.code : -32603;
        return { jsonrpc: '2.0', id: id ?? null, error: { code, message: (error as Error).message } };
      }
    }

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > 1_000_000) {
        socket.destroy();
        return;
      }
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (line === '') continue;
        let request: unknown;
        try {
          request = JSON.parse(line);
        } catch {
          send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'invalid JSON' } });
          continue;
        }
        send(Array.isArray(request) ? request.map(answer) : answer(request));
      }
    });

    const notify = () => {
      const tip = state.tip();
      if (headersTip !== null && headersTip !== tip.hash) {
        headersTip = tip.hash;
        send({
          jsonrpc: '2.0',
          method: 'blockchain.headers.subscribe',
          params: [{ height: tip.height, hex: tip.headerHex }],
        });
      }
      for (const [scripthash, last] of subscriptions) {
        const status = electrumStatus(historyOf(state, scripthash));
        if (status === last) continue;
        subscriptions.set(scripthash, status);
        send({ jsonrpc: '2.0', method: 'blockchain.scripthash.subscribe', params: [scripthash, status] });
      }
    };
    const unsubscribe = state.onChange(notify);
    cleanups.add(unsubscribe);
    const forget = () => {
      sockets.delete(socket);
      unsubscribe();
      cleanups.delete(unsubscribe);
    };
    socket.on('close', forget);
    socket.on('error', () => socket.destroy());
  }

  const server = options.tls
    ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, serve)
    : net.createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    connectionCount: () => sockets.size,
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      for (const cleanup of cleanups) cleanup();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
