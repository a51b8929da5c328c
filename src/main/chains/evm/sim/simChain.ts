/**
 * A simulated EVM chain for demo mode and tests, in this process: an in-memory chain that answers
 * EVM JSON-RPC over HTTP (POST, single or batch) and WebSocket (the same methods plus
 * `eth_subscribe` `newHeads`) on 127.0.0.1, so the real watcher runs against it unchanged.
 * Multicall3 sits at its canonical address; the simulated tokens (USDC with 6 decimals, DAI with
 * 18 by default) answer `decimals`, `symbol`, `name`, `balanceOf`. Hardhat is not needed.
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { getAddress, id } from 'ethers';
import { WebSocketServer, type WebSocket } from 'ws';
import { type EvmTokenConfig, multicall3Address } from '../chains';
import { formatHeader, answerRpc } from './simRpc';
import { SimLedger, SimRpcError, type SimToken } from './simLedger';

export interface EvmSimChainOptions {
  readonly chainId: number;
  /** Default: USDC (6 decimals) and DAI (18). */
  readonly tokens?: readonly { symbol: string; decimals: number; name?: string }[];
  /** Mine a block every so often (demo mode); off by default: call `mine()`. */
  readonly blockTimeMs?: number;
  /** Refuse `eth_getLogs` over more blocks than this (default 10,000), like hosted providers. */
  readonly maxLogRange?: number;
  readonly port?: number;
}

export interface EvmSimPayOptions {
  /** A token symbol or address; none: the native coin. */
  readonly token?: string;
  /** Send the coin through a contract wallet (an internal transfer no transaction names). */
  readonly viaContract?: boolean;
}

export interface EvmSimChain {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly tokens: readonly EvmTokenConfig[];
  readonly multicall3Address: string;
  /** The simulated customer's wallet (pays everything). */
  readonly walletAddress: string;
  /** Queues a payment; it is in the next mined block. Returns the transaction hash. */
  pay(address: string, amountUnits: bigint, options?: EvmSimPayOptions): string;
  /** Mines blocks (default 1); returns the new tip height. */
  mine(blocks?: number): number;
  /**
   * Replaces the last `depth` blocks by `depth + 1` new ones. Their transactions are dropped (a
   * payment disappears), or mined again when `keepTransactions` (a payment moves to a new block).
   */
  reorg(depth: number, options?: { keepTransactions?: boolean }): number;
  tipHeight(): number;
  /** JSON-RPC requests answered so far, by method. */
  requests(): Readonly<Record<string, number>>;
  /** Drops every WebSocket connection (a node restart, a proxy timeout); clients must reconnect. */
  dropWebSockets(): void;
  close(): Promise<void>;
}

export const defaultSimTokens = [
  { symbol: 'USDC', decimals: 6, name: 'USD Coin (simulated)' },
  { symbol: 'DAI', decimals: 18, name: 'Dai Stablecoin (simulated)' },
] as const;

const maxBodyBytes = 8 * 1024 * 1024;

export async function createEvmSimChain(options: EvmSimChainOptions): Promise<EvmSimChain> {
  if (!Number.isSafeInteger(options.chainId) || options.chainId <= 0)
    throw new Error('The chain id must be a positive whole number.');
  const tokens: SimToken[] = (options.tokens ?? defaultSimTokens).map((token) => ({
    symbol: token.symbol,
    decimals: token.decimals,
    name: token.name ?? token.symbol,
    address: getAddress(`0x${id(`tillpoint-sim-token:${options.chainId}:${token.symbol}`).slice(-40)}`),
  }));
  const ledger = new SimLedger(options.chainId, tokens);
  const limits = { maxLogRange: options.maxLogRange ?? 10_000 };
  const counts: Record<string, number> = {};
  const subscriptions = new Map<WebSocket, Set<string>>();
  let nextSubscription = 1;

  function dispatch(message: unknown, socket?: WebSocket): unknown {
    const request = message as { id?: unknown; method?: unknown; params?: unknown };
    const reply = (body: object) => ({ jsonrpc: '2.0', id: request?.id ?? null, ...body });
    if (!request || typeof request.method !== 'string')
      return reply({ error: { code: -32600, message: 'invalid request' } });
    counts[request.method] = (counts[request.method] ?? 0) + 1;
    const params = Array.isArray(request.params) ? request.params : [];
    try {
      if (request.method === 'eth_subscribe') {
        if (!socket) throw new SimRpcError(-32601, 'eth_subscribe needs a WebSocket');
        if (params[0] !== 'newHeads') throw new SimRpcError(-32602, 'only newHeads is supported');
        const subscription = `0x${(nextSubscription++).toString(16).padStart(32, '0')}`;
        subscriptions.get(socket)?.add(subscription);
        return reply({ result: subscription });
      }
      if (request.method === 'eth_unsubscribe') {
        return reply({
          result: socket ? (subscriptions.get(socket)?.delete(String(params[0])) ?? false) : false,
        });
      }
      return reply({ result: answerRpc(ledger, limits, request.method, params) });
    } catch (error) {
      const code = error instanceof SimRpcError ? error.code : -32603;
      return reply({ error: { code, message: (error as Error).message } });
    }
  }

  function handleText(text: string, socket?: WebSocket): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
    }
    if (Array.isArray(parsed))
      return JSON.stringify(parsed.slice(0, 1_000).map((entry) => dispatch(entry, socket)));
    return JSON.stringify(dispatch(parsed, socket));
  }

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const body = handleText(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  const wss = new WebSocketServer({ server, maxPayload: maxBodyBytes });
  wss.on('connection', (socket) => {
    subscriptions.set(socket, new Set());
    socket.on('message', (data) => socket.send(handleText(String(data), socket)));
    socket.on('close', () => subscriptions.delete(socket));
    socket.on('error', () => subscriptions.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  function announce(): void {
    const header = formatHeader(ledger.tip());
    for (const [socket, ids] of subscriptions) {
      for (const subscription of ids) {
        socket.send(
          JSON.stringify({
            jsonrpc: '2.0',
            method: 'eth_subscription',
            params: { subscription, result: header },
          }),
        );
      }
    }
  }

  function mine(blocks = 1): number {
    if (!Number.isInteger(blocks) || blocks < 1 || blocks > 10_000)
      throw new Error('Mine 1 to 10000 blocks at a time.');
    for (let i = 0; i < blocks; i += 1) {
      ledger.mineOne();
      announce();
    }
    return ledger.tip().number;
  }

  const timer = options.blockTimeMs ? setInterval(() => mine(1), Math.max(100, options.blockTimeMs)) : null;
  timer?.unref();

  return {
    chainId: options.chainId,
    rpcUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    tokens: tokens.map((token) => ({
      symbol: token.symbol,
      address: token.address,
      decimals: token.decimals,
    })),
    multicall3Address,
    walletAddress: ledger.wallet,
    pay: (address, amountUnits, payOptions) => ledger.pay(address, amountUnits, payOptions),
    mine,
    reorg(depth, reorgOptions) {
      ledger.rollback(depth, reorgOptions?.keepTransactions ?? false);
      return mine(depth + 1);
    },
    tipHeight: () => ledger.tip().number,
    requests: () => ({ ...counts }),
    dropWebSockets() {
      for (const socket of subscriptions.keys()) socket.terminate();
    },
    async close() {
      if (timer) clearInterval(timer);
      for (const socket of subscriptions.keys()) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
