/**
 * How the till reaches a Bitcoin node: the three backends the watcher speaks to.
 */
import { type BitcoinNetwork } from '../networks';

export type BitcoinBackendConfig =
  /** An Esplora REST API (mempool.space, blockstream.info, a self-hosted electrs/mempool), e.g. `https://mempool.space/api`. */
  | { readonly kind: 'esplora'; readonly url: string }
  /**
   * An Electrum server (electrs, Fulcrum, ElectrumX): TCP, or TLS when `tls`. A self-signed
   * certificate is accepted only when pinned by its SHA-256 fingerprint (`certSha256`, hex, colons allowed).
   */
  | {
      readonly kind: 'electrum';
      readonly host: string;
      readonly port: number;
      readonly tls: boolean;
      readonly certSha256?: string;
    }
  /** Bitcoin Core's JSON-RPC (`http://127.0.0.1:8332`); a watch-only descriptor wallet `wallet` (default `tillpoint`). */
  | {
      readonly kind: 'core';
      readonly url: string;
      readonly username?: string;
      readonly password?: string;
      readonly wallet?: string;
    };

/** Something with pino's shape; the watcher only warns and tells. */
export interface BitcoinWatcherLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface BitcoinWatcherOptions {
  readonly network: BitcoinNetwork;
  readonly backend: BitcoinBackendConfig;
  /**
   * How often to ask the backend (Esplora and Core: every address each round; Electrum pushes
   * changes, and this is only its safety net). Default 5 s for Esplora and Core, 60 s for Electrum.
   */
  readonly pollIntervalMs?: number;
  /** The longest wait between rounds after failures (back-off), default 60 s. */
  readonly maxBackoffMs?: number;
  /** Per request, default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Electrum: the first wait before reconnecting (doubled per failed attempt, at most 30 s); default 250 ms. */
  readonly reconnectBaseMs?: number;
  readonly logger?: BitcoinWatcherLogger;
}
