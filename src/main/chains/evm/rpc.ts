/**
 * A JSON-RPC client over HTTP for one EVM chain with several RPC URLs: fail-over to the next URL
 * when one is down (network error, timeout, HTTP 5xx), back-off on HTTP 429 or a provider's
 * rate-limit answer, and a count of every request sent, by method (`stats()`), for health and the
 * benchmark. A JSON-RPC error answer (e.g. "block range too large", a revert) is the method's own
 * answer and is thrown as `EvmRpcError` without retrying.
 */

export interface EvmRpcStats {
  /** Every HTTP request sent (retries and fail-overs included). */
  readonly requests: number;
  readonly byMethod: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly rateLimited: number;
  readonly failovers: number;
}

export interface EvmLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentLogger: EvmLogger = { debug: () => {}, info: () => {}, warn: () => {} };

/** The node answered with a JSON-RPC error. */
export class EvmRpcError extends Error {
  override readonly name = 'EvmRpcError';
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** No URL answered within the attempts allowed. */
export class EvmRpcUnavailableError extends Error {
  override readonly name = 'EvmRpcUnavailableError';
}

export interface EvmRpcOptions {
  readonly urls: readonly string[];
  readonly timeoutMs?: number;
  /** Attempts per call over all URLs before giving up. */
  readonly maxAttempts?: number;
  /** First back-off after a 429 (doubles, capped at `maxBackoffMs`); a Retry-After header wins. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly logger?: EvmLogger;
}

export interface EvmRpc {
  call<T = unknown>(method: string, params: readonly unknown[]): Promise<T>;
  stats(): EvmRpcStats;
  /** Counts a request sent by another channel (WebSocket) into `stats()`. */
  count(method: string): void;
  /** The URL in use and the last problem seen, for health. */
  status(): { url: string; lastError: string | null; downUrls: number };
  /** Stops: calls in flight or waiting for a back-off give up. `open()` allows calls again. */
  close(): void;
  open(): void;
}

interface UrlState {
  readonly url: string;
  coolUntilMs: number;
  failures: number;
}

const rateLimitPattern = /rate.?limit|too many requests|exceeded.*(capacity|quota|credits)|throughput/i;

export function createEvmRpc(options: EvmRpcOptions): EvmRpc {
  if (options.urls.length === 0) throw new Error('At least one RPC URL is needed.');
  for (const url of options.urls) {
    if (!/^https?:\/\//.test(url)) throw new Error('An RPC URL must start with http:// or https://.');
  }
  const urls: UrlState[] = options.urls.map((url) => ({ url, coolUntilMs: 0, failures: 0 }));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? Math.max(4, urls.length * 3);
  const backoffMs = options.backoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 8_000;
  const logger = options.logger ?? silentLogger;
  const byMethod: Record<string, number> = {};
  let requests = 0;
  let errors = 0;
  let rateLimited = 0;
  let failovers = 0;
  let nextId = 1;
  let current = 0;
  let lastError: string | null = null;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();

  const count = (method: string) => {
    requests += 1;
    byMethod[method] = (byMethod[method] ?? 0) + 1;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** The URL to use now: the first one not cooling down (the primary comes back once it has cooled). */
  function pick(): { index: number; waitMs: number } {
    const now = Date.now();
    const ready = urls.findIndex((state) => state.coolUntilMs <= now);
    if (ready >= 0) return { index: ready, waitMs: 0 };
    let best = 0;
    urls.forEach((state, index) => {
      if (state.coolUntilMs < (urls[best] as UrlState).coolUntilMs) best = index;
    });
    return { index: best, waitMs: (urls[best] as UrlState).coolUntilMs - now };
  }

  function coolDown(state: UrlState, ms: number): void {
    state.failures += 1;
    state.coolUntilMs = Date.now() + ms;
  }

  async function call<T>(method: string, params: readonly unknown[]): Promise<T> {
    let attempt = 0;
    for (;;) {
      if (closed) throw new EvmRpcUnavailableError('The RPC client is closed.');
      attempt += 1;
      const { index, waitMs } = pick();
      if (waitMs > 0) await sleep(Math.min(waitMs, maxBackoffMs));
      if (index !== current) {
        failovers += 1;
        logger.info(
          { from: redact(urls[current]?.url), to: redact(urls[index]?.url) },
          'EVM RPC: switching URL',
        );
        current = index;
      }
      const state = urls[index] as UrlState;
      count(method);
      const id = nextId++;
      let response: Response;
      try {
        response = await fetch(state.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        errors += 1;
        lastError = `${redact(state.url)}: ${(error as Error).message}`;
        coolDown(state, Math.min(maxBackoffMs, 1_000 * 2 ** Math.min(state.failures, 4)));
        if (attempt >= maxAttempts) throw new EvmRpcUnavailableError(`No RPC URL answered (${lastError}).`);
        continue;
      }
      if (response.status === 429) {
        rateLimited += 1;
        await response.body?.cancel().catch(() => {});
        const retryAfterS = Number(response.headers.get('retry-after'));
        const waitForMs =
          Number.isFinite(retryAfterS) && retryAfterS > 0
            ? Math.min(maxBackoffMs, retryAfterS * 1_000)
            : Math.min(maxBackoffMs, backoffMs * 2 ** Math.min(state.failures, 6));
        lastError = `${redact(state.url)}: HTTP 429 (rate limited)`;
        coolDown(state, waitForMs);
        if (attempt >= maxAttempts)
          throw new EvmRpcUnavailableError(`Rate limited by every RPC URL (${lastError}).`);
        continue;
      }
      if (response.status >= 500 || !response.ok) {
        errors += 1;
        await response.body?.cancel().catch(() => {});
        lastError = `${redact(state.url)}: HTTP ${response.status}`;
        coolDown(state, Math.min(maxBackoffMs, 1_000 * 2 ** Math.min(state.failures, 4)));
        if (attempt >= maxAttempts) throw new EvmRpcUnavailableError(`No RPC URL answered (${lastError}).`);
        continue;
      }
      let body: { result?: unknown; error?: { code?: number; message?: string; data?: unknown } };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        errors += 1;
        lastError = `${redact(state.url)}: the answer was not JSON`;
        coolDown(state, 1_000);
        if (attempt >= maxAttempts) throw new EvmRpcUnavailableError(`No RPC URL answered (${lastError}).`);
        continue;
      }
      if (body.error) {
        const message = String(body.error.message ?? 'RPC error');
        if (rateLimitPattern.test(message)) {
          rateLimited += 1;
          lastError = `${redact(state.url)}: ${message}`;
          coolDown(state, Math.min(maxBackoffMs, backoffMs * 2 ** Math.min(state.failures, 6)));
          if (attempt >= maxAttempts)
            throw new EvmRpcUnavailableError(`Rate limited by every RPC URL (${lastError}).`);
          continue;
        }
        state.failures = 0;
        throw new EvmRpcError(Number(body.error.code ?? 0), message, body.error.data);
      }
      state.failures = 0;
      lastError = null;
      return body.result as T;
    }
  }

  return {
    call,
    count,
    stats: () => ({ requests, byMethod: { ...byMethod }, errors, rateLimited, failovers }),
    status: () => ({
      url: redact(urls[current]?.url ?? ''),
      lastError,
      downUrls: urls.filter((state) => state.coolUntilMs > Date.now()).length,
    }),
    open: () => {
      closed = false;
    },
    close: () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** An RPC URL as it may be shown or logged: providers put API keys in the path or query. */
export function redact(url: string | undefined): string {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.length > 1 ? '/…' : '';
    return `${parsed.protocol}//${parsed.host}${path}`;
  } catch {
    return 'an invalid URL';
  }
}

/** Whether a JSON-RPC error says the block range or the result of `eth_getLogs` is too large. */
export function isRangeTooLarge(error: unknown): boolean {
  if (!(error instanceof EvmRpcError)) return false;
  return (
    error.code === -32005 ||
    /range|too (large|many|big)|more than \d+|limit (exceeded|is)|exceed(s|ed)? .*(limit|max)|response size|query timeout/i.test(
      error.message,
    )
  );
}

export function toHex(value: number | bigint): string {
  return `0x${value.toString(16)}`;
}

export function fromHex(value: unknown): number {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value))
    throw new Error(`Not a hex quantity: ${String(value)}`);
  return Number.parseInt(value, 16);
}

export function fromHexBig(value: unknown): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]*$/.test(value))
    throw new Error(`Not a hex quantity: ${String(value)}`);
  return value === '0x' ? 0n : BigInt(value);
}
