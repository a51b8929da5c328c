/**
 * New block headers pushed over WebSocket (`eth_subscribe` `newHeads`), with reconnect and
 * fail-over across several WebSocket URLs. The watcher still polls over HTTP (more slowly) while
 * the subscription is up, and at its usual pace while it is down.
 */
import WebSocket from 'ws';
import { type EvmLogger, redact } from './rpc';
import { type RpcHeader } from './scanState';

export interface HeadSubscriptionOptions {
  readonly urls: readonly string[];
  readonly onHead: (header: RpcHeader) => void;
  readonly onConnectedChange: (connected: boolean) => void;
  /** Counts each request sent on the socket into the watcher's stats. */
  readonly count: (method: string) => void;
  readonly logger: EvmLogger;
  readonly minReconnectMs?: number;
  readonly maxReconnectMs?: number;
}

export interface HeadSubscription {
  connected(): boolean;
  reconnects(): number;
  lastError(): string | null;
  close(): void;
}

export function subscribeHeads(options: HeadSubscriptionOptions): HeadSubscription {
  for (const url of options.urls) {
    if (!/^wss?:\/\//.test(url)) throw new Error('A WebSocket URL must start with ws:// or wss://.');
  }
  const minReconnectMs = options.minReconnectMs ?? 500;
  const maxReconnectMs = options.maxReconnectMs ?? 30_000;
  let socket: WebSocket | null = null;
  let index = 0;
  let failures = 0;
  let reconnects = 0;
  let isConnected = false;
  let closed = false;
  let lastError: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  const setConnected = (value: boolean) => {
    if (value === isConnected) return;
    isConnected = value;
    options.onConnectedChange(value);
  };

  function connect(): void {
    if (closed) return;
    const url = options.urls[index % options.urls.length] as string;
    const ws = new WebSocket(url, { handshakeTimeout: 10_000 });
    socket = ws;
    let subscription: string | null = null;
    ws.on('open', () => {
      options.count('eth_subscribe');
      ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: ['newHeads'] }));
    });
    ws.on('message', (raw) => {
      let message: {
        id?: number;
        result?: unknown;
        error?: { message?: string };
        method?: string;
        params?: { subscription?: string; result?: RpcHeader };
      };
      try {
        message = JSON.parse(String(raw)) as typeof message;
      } catch {
        return;
      }
      if (message.id === 1) {
        if (message.error || typeof message.result !== 'string') {
          lastError = `${redact(url)}: eth_subscribe refused (${message.error?.message ?? 'no id'})`;
          ws.close();
          return;
        }
        subscription = message.result;
        failures = 0;
        lastError = null;
        setConnected(true);
        return;
      }
      const head = message.params?.result;
      if (
        message.method === 'eth_subscription' &&
        message.params?.subscription === subscription &&
        head?.hash
      ) {
        options.onHead(head);
      }
    });
    ws.on('error', (error) => {
      lastError = `${redact(url)}: ${error.message}`;
    });
    ws.on('close', () => {
      if (socket !== ws) return;
      socket = null;
      setConnected(false);
      if (closed) return;
      failures += 1;
      reconnects += 1;
      if (options.urls.length > 1) index += 1;
      const delay = Math.min(maxReconnectMs, minReconnectMs * 2 ** Math.min(failures - 1, 8));
      options.logger.info(
        { url: redact(url), delayMs: delay, error: lastError },
        'EVM heads: WebSocket closed; reconnecting',
      );
      timer = setTimeout(connect, delay);
    });
  }

  connect();
  return {
    connected: () => isConnected,
    reconnects: () => reconnects,
    lastError: () => lastError,
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.terminate();
      socket = null;
      isConnected = false;
    },
  };
}
