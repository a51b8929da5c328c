/**
 * The small interface each Bitcoin backend (Esplora, Electrum, Core) offers the shared engine.
 * A backend answers what the node shows now; the engine keeps the watched set, compares, reports,
 * counts confirmations from the tip and backs off after failures.
 */

export interface BackendTip {
  readonly height: number;
  readonly hash: string;
}

export interface BackendOutput {
  readonly vout: number;
  /** The output script, lower-case hex. */
  readonly scriptHex: string;
  readonly valueSats: bigint;
}

/** A transaction touching a watched address, as the node shows it now. */
export interface BackendTx {
  readonly txid: string;
  /** null while in the mempool. */
  readonly blockHeight: number | null;
  readonly blockHash: string | null;
  readonly outputs: readonly BackendOutput[];
  /** Unconfirmed and signalling BIP-125, or with unconfirmed parents. */
  readonly replaceable: boolean;
  /** Addresses of the inputs, when the backend knows them. */
  readonly from: readonly string[];
}

export interface WatchedAddress {
  /** As handed to `watch` (payments are reported under it). */
  readonly address: string;
  /** The form to send a backend: bech32 in lower case. */
  readonly canonical: string;
  /** Output script, lower-case hex. */
  readonly scriptHex: string;
  readonly scripthash: string;
}

/** What a pushing backend (Electrum) tells the engine. */
export interface BackendEvents {
  /** Something about this address changed: ask again. */
  addressChanged(address: string): void;
  /** A new tip was announced. */
  tipChanged(): void;
  /** The connection dropped (the backend reconnects by itself). */
  connectionLost(error: Error): void;
  /** Connected again and resubscribed: ask again for everything. */
  connectionRestored(): void;
}

export interface BitcoinBackend {
  /** For the owner: which backend and where (never a password). */
  readonly label: string;
  /** Whether it pushes changes (then polling is only a safety net). */
  readonly pushes: boolean;
  open(events: BackendEvents): Promise<void>;
  close(): Promise<void>;
  getTip(): Promise<BackendTip>;
  /** Called before the address is first listed (Electrum subscribes, Core imports it). */
  addWatch(watched: WatchedAddress): Promise<void>;
  removeWatch(watched: WatchedAddress): Promise<void>;
  /**
   * Every transaction in the mempool or on the chain paying the address; confirmed ones below
   * `fromHeight` may be left out.
   */
  listTransactions(watched: WatchedAddress, fromHeight: number | undefined): Promise<BackendTx[]>;
  hasHistory(watched: WatchedAddress): Promise<boolean>;
}

/** A failure the backend can say more about: an HTTP status, how long the server asked us to wait. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** BIP-125: an input with nSequence below 0xfffffffe signals that the transaction may be replaced. */
export function signalsRbf(sequences: readonly number[]): boolean {
  return sequences.some((sequence) => sequence < 0xfffffffe);
}

/** Reads `Retry-After` (seconds, or an HTTP date) into milliseconds; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to wait before the next round after `failures` failures in a row: the poll interval
 * doubled per failure, capped at `maxMs`, and never shorter than what the server asked for
 * (itself capped at 10 minutes).
 */
export function backoffDelayMs(
  failures: number,
  intervalMs: number,
  maxMs: number,
  serverAskedMs: number | null = null,
): number {
  const doubled = failures <= 0 ? intervalMs : intervalMs * 2 ** Math.min(failures, 20);
  const backoff = Math.min(Math.max(intervalMs, maxMs), doubled);
  const asked = serverAskedMs === null ? 0 : Math.min(serverAskedMs, 600_000);
  return Math.max(backoff, asked);
}
