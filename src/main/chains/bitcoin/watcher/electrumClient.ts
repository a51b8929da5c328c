/**
 * An Electrum protocol client: newline-delimited JSON-RPC 2.0 over TCP or TLS, requests matched to
 * answers by id, notifications handed on, a ping to keep the line open, and reconnection with
 * back-off when the server drops the socket. A self-signed certificate is accepted only when its
 * SHA-256 fingerprint is pinned.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface ElectrumClientOptions {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  /** Pinned certificate fingerprint (SHA-256, hex, colons allowed). */
  readonly certSha256?: string;
  readonly requestTimeoutMs: number;
  readonly reconnectBaseMs?: number;
  readonly reconnectMaxMs?: number;
  readonly pingIntervalMs?: number;
  /** Called on every (re)connection, before anyone else may send; e.g. `server.version`. */
  onConnected(client: ElectrumClient, reconnect: boolean): Promise<void>;
  onDisconnected(error: Error): void;
  onNotification(method: string, params: unknown[]): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class ElectrumRpcError extends Error {
  override readonly name = 'ElectrumRpcError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const maxLineLength = 16_000_000;

function normalizeFingerprint(text: string): string {
  return text.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

export class ElectrumClient {
  private socket: net.Socket | null = null;
  private ready = false;
  private closed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private attempts = 0;
  private everConnected = false;
  private lastError: Error | null = null;
  private firstConnection: Promise<void> | null = null;

  constructor(private readonly options: ElectrumClientOptions) {}

  get connected(): boolean {
    return this.ready;
  }

  get error(): Error | null {
    return this.lastError;
  }

  /** Connects; resolves on the first connection, rejects on the first failure (and keeps trying). */
  start(): Promise<void> {
    this.firstConnection ??= new Promise<void>((resolve, reject) => {
      this.connect(resolve, reject);
    });
    return this.firstConnection;
  }

  private connect(onFirst?: () => void, onFirstFailure?: (error: Error) => void) {
    if (this.closed) return;
    const { host, port } = this.options;
    let settled = false;
    const socket = this.options.tls
      ? tls.connect({
          host,
          port,
          ...(net.isIP(host) ? {} : { servername: host }),
          rejectUnauthorized: this.options.certSha256 === undefined,
        })
      : net.connect({ host, port });
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    const connectTimer = setTimeout(
      () => socket.destroy(new Error(`no connection within ${this.options.requestTimeoutMs} ms`)),
      this.options.requestTimeoutMs,
    );
    connectTimer.unref?.();

    const fail = (error: Error) => {
      if (!settled) {
        settled = true;
        onFirstFailure?.(error);
      }
    };

    const onOpen = async () => {
      clearTimeout(connectTimer);
      if (this.options.tls && this.options.certSha256 !== undefined) {
        const peer = (socket as tls.TLSSocket).getPeerCertificate();
        if (
          normalizeFingerprint(peer.fingerprint256 ?? '') !== normalizeFingerprint(this.options.certSha256)
        ) {
          socket.destroy(
            new Error('the server’s TLS certificate does not match the pinned SHA-256 fingerprint'),
          );
          return;
        }
      }
      const reconnect = this.everConnected;
      try {
        this.ready = true; // requests of the handshake go through
        await this.options.onConnected(this, reconnect);
      } catch (error) {
        this.ready = false;
        socket.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      this.everConnected = true;
      this.attempts = 0;
      this.lastError = null;
      this.startPing();
      if (!settled) {
        settled = true;
        onFirst?.();
      }
    };
    socket.once(this.options.tls ? 'secureConnect' : 'connect', () => void onOpen());

    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > maxLineLength) {
        socket.destroy(new Error('the server sent a line longer than 16 MB'));
        return;
      }
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (line.trim() !== '') this.handleLine(line);
      }
    });

    socket.on('error', (error) => {
      this.lastError = error;
    });
    socket.on('close', () => {
      clearTimeout(connectTimer);
      const error = this.lastError ?? new Error('the Electrum server closed the connection');
      this.lastError = error;
      const wasReady = this.ready;
      this.ready = false;
      this.stopPing();
      if (this.socket === socket) this.socket = null;
      for (const [id, pending] of this.pending) {
        clearTimeout(pending.timer);
        pending.reject(new Error(`the connection to the Electrum server closed (${error.message})`));
        this.pending.delete(id);
      }
      fail(error);
      if (this.closed) return;
      if (wasReady) this.options.onDisconnected(error);
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect() {
    const base = this.options.reconnectBaseMs ?? 250;
    const max = this.options.reconnectMaxMs ?? 30_000;
    const delay = Math.min(max, base * 2 ** Math.min(this.attempts, 16));
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
    this.reconnectTimer.unref?.();
  }

  private startPing() {
    this.stopPing();
    const every = this.options.pingIntervalMs ?? 60_000;
    this.pingTimer = setInterval(() => {
      this.request('server.ping', []).catch(() => undefined);
    }, every);
    this.pingTimer.unref?.();
  }

  private stopPing() {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private handleLine(line: string) {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      this.socket?.destroy(new Error('the Electrum server sent something that is not JSON'));
      return;
    }
    for (const item of Array.isArray(message) ? message : [message]) {
      const { id, result, error, method, params } = (item ?? {}) as {
        id?: unknown;
        result?: unknown;
        error?: { code?: unknown; message?: unknown } | null;
        method?: unknown;
        params?: unknown;
      };
      if (typeof method === 'string' && (id === undefined || id === null)) {
        this.options.onNotification(method, Array.isArray(params) ? params : []);
        continue;
      }
      if (typeof id !== 'number') continue;
      const pending = this.pending.get(id);
      if (!pending) continue;
      this.pending.delete(id);
      clearTimeout(pending.timer);
      if (error) {
        const code = typeof error.code === 'number' ? error.code : -1;
        const text = typeof error.message === 'string' ? error.message.slice(0, 200) : 'error';
        pending.reject(new ElectrumRpcError(code, `Electrum error ${code}: ${text}`));
      } else {
        pending.resolve(result);
      }
    }
  }

  request(method: string, params: unknown[]): Promise<unknown> {
    const socket = this.socket;
    if (!socket || !this.ready || this.closed) {
      return Promise.reject(new Error('not connected to the Electrum server'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(
            `the Electrum server did not answer ${method} within ${this.options.requestTimeoutMs} ms`,
          ),
        );
      }, this.options.requestTimeoutMs);
      timer.unref?.();
      this.pending.set(id, { resolve, reject, timer });
      socket.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.ready = false;
    this.stopPing();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.destroy();
      });
    }
  }
}
