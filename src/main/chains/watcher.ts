/**
 * The one interface every chain watcher offers (Bitcoin: Esplora, Electrum, Bitcoin Core RPC;
 * EVM: JSON-RPC over HTTP or WebSocket). The crypto domain (`src/main/crypto`) asks a watcher to
 * watch the receive address of each open invoice and hears back, per address, the **whole current
 * set** of payments the chain shows to it. A payment that was in the last set and is missing from
 * the next (RBF, double spend, reorg, a dropped mempool transaction) has been taken away; the
 * invoice engine takes it back. So a watcher never has to say "removed", and a replayed set credits
 * nothing twice: each payment has a natural key.
 */

/** A chain as the crypto domain names it: `btc:mainnet`, `btc:testnet`, `btc:signet`, `btc:regtest`, `evm:<chainId>`. */
export type ChainKey = string;

/** One payment to a watched address, as the chain shows it now. */
export interface ObservedPayment {
  /**
   * The natural key, stable across replays and reconnects:
   * `btc:<txid>:<vout>`, `evm:<chainId>:<txHash>:<logIndex>` for a token transfer,
   * `evm:<chainId>:<txHash>:native` for a coin transfer found in a block's transactions,
   * `evm:<chainId>:balance:<address>:<blockNumber>` for a coin balance rise with no transaction
   * found (a transfer from a contract wallet).
   */
  readonly key: string;
  /** The watched address that received it (as it was handed to `watch`). */
  readonly address: string;
  /**
   * What was paid: `BTC`, the chain's native coin (`ETH`, `POL`, `BNB`), or for a token the
   * token's contract address in EIP-55 form.
   */
  readonly asset: string;
  /** In the asset's smallest unit (sats, wei, token units). */
  readonly amountUnits: bigint;
  /** Transaction id / hash (a balance rise with no transaction found: null). */
  readonly txid: string | null;
  /** Block that holds it; null while it is only in the mempool. */
  readonly blockHeight: number | null;
  readonly blockHash: string | null;
  /** tip − blockHeight + 1; 0 while unconfirmed. */
  readonly confirmations: number;
  /** Bitcoin: an unconfirmed transaction that signals RBF (BIP-125) or has unconfirmed parents. */
  readonly replaceable: boolean;
  /** Senders, when the chain says (EVM `from`; Bitcoin input addresses when known). */
  readonly from: readonly string[];
  /**
   * Optional (watchers may leave it out): whether the payment meets the watcher's own confirmation
   * policy — N confirmations, or (EVM) a block at or below the chain's `safe` / `finalized` block,
   * which a block count alone cannot tell.
   */
  readonly final?: boolean;
}

export interface ChainTip {
  readonly height: number;
  readonly hash: string;
  /** When the watcher learnt of it (ms since epoch). */
  readonly seenAtMs: number;
}

export type WatcherState = 'starting' | 'ok' | 'degraded' | 'down' | 'stopped';

export interface WatcherHealth {
  readonly state: WatcherState;
  /** For the owner: which backend / RPC URL, the last error. */
  readonly detail: string;
  readonly tip: ChainTip | null;
}

export interface WatchOptions {
  /** Payments seen in blocks before this height are ignored (history from before the invoice). */
  readonly fromHeight?: number;
  /** For EVM: token contracts to watch for this address (EIP-55); the native coin is always watched. */
  readonly tokens?: readonly string[];
}

export type PaymentsListener = (address: string, payments: readonly ObservedPayment[]) => void;
export type TipListener = (tip: ChainTip) => void;

export interface ChainWatcher {
  readonly chain: ChainKey;
  /** Starts watching an address (idempotent); the current set is reported soon after. */
  watch(address: string, options?: WatchOptions): void;
  unwatch(address: string): void;
  /** How many addresses are watched now. */
  watchedCount(): number;
  /**
   * Called with the whole current set of payments to an address whenever it changes (a new
   * payment, a confirmation, a payment gone). Returns an unsubscribe function.
   */
  onPayments(listener: PaymentsListener): () => void;
  /** Called on each new tip (confirmations are counted from it). */
  onTip(listener: TipListener): () => void;
  /** Whether an address has ever received anything (to skip used addresses when handing out new ones). */
  hasHistory(address: string): Promise<boolean>;
  /** Asks the backend now, instead of waiting for the next poll or push (a test, "check now"). */
  refresh(): Promise<void>;
  health(): WatcherHealth;
  start(): Promise<void>;
  stop(): Promise<void>;
}
