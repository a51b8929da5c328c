/**
 * The one engine behind every Bitcoin backend: it keeps the watched addresses, asks the backend
 * each round (a poll, or a push from Electrum), turns what the node shows into payments (one per
 * output to a watched address, key `btc:<txid>:<vout>`), counts confirmations from the tip, and
 * reports an address's whole current set whenever it changes. A failed round reports nothing (a
 * payment is never taken back because the node could not be reached) and backs off.
 */
import {
  type ChainKey,
  type ChainTip,
  type ChainWatcher,
  type ObservedPayment,
  type PaymentsListener,
  type TipListener,
  type WatcherHealth,
  type WatchOptions,
} from '../../watcher';
import { bytesToHex, decodeBitcoinAddress, electrumScripthash } from '../addresses';
import { ChainKeyError } from '../errors';
import { type BitcoinNetwork } from '../networks';
import {
  BackendError,
  backoffDelayMs,
  type BackendTx,
  type BitcoinBackend,
  type WatchedAddress,
} from './backend';
import { type BitcoinWatcherLogger } from './config';

export interface EngineOptions {
  readonly chain: ChainKey;
  readonly network: BitcoinNetwork;
  readonly backend: BitcoinBackend;
  readonly pollIntervalMs: number;
  readonly maxBackoffMs: number;
  readonly logger?: BitcoinWatcherLogger;
  readonly nowMs?: () => number;
}

interface WatchEntry {
  readonly watched: WatchedAddress;
  fromHeight: number | undefined;
  subscribed: boolean;
  /** What was last reported (null: nothing yet). */
  lastSignature: string | null;
}

/** After this many failed rounds in a row the watcher is `down`, not just `degraded`. */
const downAfterFailures = 5;
const addressConcurrency = 4;

export function paymentsOf(
  entry: { watched: WatchedAddress; fromHeight: number | undefined },
  txs: readonly BackendTx[],
  tipHeight: number | null,
): ObservedPayment[] {
  const byKey = new Map<string, ObservedPayment>();
  for (const tx of txs) {
    if (tx.blockHeight !== null && entry.fromHeight !== undefined && tx.blockHeight < entry.fromHeight)
      continue;
    for (const output of tx.outputs) {
      if (output.scriptHex !== entry.watched.scriptHex) continue;
      const key = `btc:${tx.txid}:${output.vout}`;
      const confirmations =
        tx.blockHeight === null ? 0 : tipHeight === null ? 1 : Math.max(1, tipHeight - tx.blockHeight + 1);
      const payment: ObservedPayment = {
        key,
        address: entry.watched.address,
        asset: 'BTC',
        amountUnits: output.valueSats,
        txid: tx.txid,
        blockHeight: tx.blockHeight,
        blockHash: tx.blockHash,
        confirmations,
        replaceable: tx.blockHeight === null && tx.replaceable,
        from: [...new Set(tx.from)],
      };
      const earlier = byKey.get(key);
      // The same transaction listed twice (mempool and chain in a race): the confirmed view wins.
      if (!earlier || (earlier.blockHeight === null && payment.blockHeight !== null)) byKey.set(key, payment);
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function signatureOf(payments: readonly ObservedPayment[]): string {
  return JSON.stringify(payments, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && failure === null) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= error;
      }
    }
  });
  await Promise.all(runners);
  if (failure !== null) throw failure;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 300);
  return String(error).slice(0, 300);
}

export function createWatcherEngine(options: EngineOptions): ChainWatcher {
  const { backend, network, logger } = options;
  const nowMs = options.nowMs ?? Date.now;
  const entries = new Map<string, WatchEntry>();
  const paymentListeners = new Set<PaymentsListener>();
  const tipListeners = new Set<TipListener>();

  let tip: ChainTip | null = null;
  let opened = false;
  let running = false;
  let stopped = false;
  let succeededOnce = false;
  let failures = 0;
  let connectionDown = false;
  let lastError: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let queue: Promise<void> = Promise.resolve();
  let dirtyAll = false;
  const dirty = new Set<string>();
  let dirtyScheduled = false;

  function emitTip(next: ChainTip) {
    for (const listener of tipListeners) {
      try {
        listener(next);
      } catch (error) {
        logger?.warn({ err: error, chain: options.chain }, 'a tip listener failed');
      }
    }
  }

  function emitPayments(address: string, payments: readonly ObservedPayment[]) {
    for (const listener of paymentListeners) {
      try {
        listener(address, payments);
      } catch (error) {
        logger?.warn({ err: error, chain: options.chain }, 'a payments listener failed');
      }
    }
  }

  async function readTip(): Promise<boolean> {
    const fresh = await backend.getTip();
    if (tip && tip.hash === fresh.hash && tip.height === fresh.height) return false;
    tip = { height: fresh.height, hash: fresh.hash, seenAtMs: nowMs() };
    emitTip(tip);
    return true;
  }

  async function refreshAddress(entry: WatchEntry): Promise<void> {
    if (!entry.subscribed) {
      await backend.addWatch(entry.watched);
      entry.subscribed = true;
    }
    const txs = await backend.listTransactions(entry.watched, entry.fromHeight);
    if (entries.get(entry.watched.address) !== entry) return; // unwatched meanwhile
    const payments = paymentsOf(entry, txs, tip?.height ?? null);
    const signature = signatureOf(payments);
    if (signature === entry.lastSignature) return;
    entry.lastSignature = signature;
    emitPayments(entry.watched.address, payments);
  }

  /** One round: the tip, then every address (full) or the ones a push named. */
  async function round(full: boolean): Promise<void> {
    if (stopped) return;
    try {
      if (!opened) {
        await backend.open(events);
        opened = true;
      }
      const tipMoved = await readTip();
      const everything = full || tipMoved || dirtyAll;
      dirtyAll = false;
      const targets = everything
        ? [...entries.values()]
        : [...dirty].map((address) => entries.get(address)).filter((entry): entry is WatchEntry => !!entry);
      dirty.clear();
      await eachLimited(targets, addressConcurrency, refreshAddress);
      if (failures > 0)
        logger?.info({ chain: options.chain, backend: backend.label }, 'Bitcoin backend answers again');
      failures = 0;
      lastError = null;
      succeededOnce = true;
    } catch (error) {
      failures += 1;
      lastError = errorText(error);
      dirtyAll = true; // what this round missed, the next one asks again
      throw error;
    }
  }

  function enqueue(full: boolean): Promise<void> {
    const run = queue.then(() => round(full));
    queue = run.catch(() => undefined);
    return run;
  }

  function schedulePoll(delayMs: number) {
    if (timer) clearTimeout(timer);
    if (!running) return;
    timer = setTimeout(() => {
      timer = null;
      void poll();
    }, delayMs);
    timer.unref?.();
  }

  async function poll(): Promise<void> {
    if (!running) return;
    try {
      await enqueue(true);
      schedulePoll(options.pollIntervalMs);
    } catch (error) {
      const asked = error instanceof BackendError ? (error.retryAfterMs ?? null) : null;
      const delayMs = backoffDelayMs(failures, options.pollIntervalMs, options.maxBackoffMs, asked);
      logger?.warn(
        { chain: options.chain, backend: backend.label, failures, delayMs, error: lastError },
        'Bitcoin backend round failed; backing off',
      );
      schedulePoll(delayMs);
    }
  }

  /** A push named an address (or everything): ask soon, once for all pushes that arrive together. */
  function scheduleDirtyRound() {
    if (!running || dirtyScheduled) return;
    dirtyScheduled = true;
    setImmediate(() => {
      dirtyScheduled = false;
      if (!running) return;
      enqueue(false).catch(() => {
        // The next poll retries with back-off; the failure is in health().
        schedulePoll(backoffDelayMs(failures, options.pollIntervalMs, options.maxBackoffMs));
      });
    });
  }

  const events = {
    addressChanged(address: string) {
      if (!entries.has(address)) return;
      dirty.add(address);
      scheduleDirtyRound();
    },
    tipChanged() {
      dirtyAll = true;
      scheduleDirtyRound();
    },
    connectionLost(error: Error) {
      connectionDown = true;
      lastError = errorText(error);
      logger?.warn(
        { chain: options.chain, backend: backend.label, error: lastError },
        'Bitcoin backend connection lost',
      );
    },
    connectionRestored() {
      connectionDown = false;
      for (const entry of entries.values()) entry.subscribed = false;
      dirtyAll = true;
      scheduleDirtyRound();
    },
  };

  function watchedOf(address: string): WatchedAddress {
    const decoded = typeof address === 'string' ? decodeBitcoinAddress(address, network) : null;
    if (!decoded) throw new ChainKeyError('bad_address', `Not a Bitcoin ${network} address.`);
    const canonical = decoded.type === 'p2pkh' || decoded.type === 'p2sh' ? address : address.toLowerCase();
    return {
      address,
      canonical,
      scriptHex: bytesToHex(decoded.script),
      scripthash: electrumScripthash(decoded.script),
    };
  }

  function stateNow(): WatcherHealth['state'] {
    if (stopped) return 'stopped';
    if (!succeededOnce) return failures > 0 ? 'down' : 'starting';
    if (failures >= downAfterFailures) return 'down';
    if (failures > 0 || connectionDown) return 'degraded';
    return 'ok';
  }

  return {
    chain: options.chain,
    watch(address: string, watchOptions?: WatchOptions) {
      const existing = entries.get(address);
      if (existing) {
        if (watchOptions?.fromHeight !== undefined) existing.fromHeight = watchOptions.fromHeight;
      } else {
        entries.set(address, {
          watched: watchedOf(address),
          fromHeight: watchOptions?.fromHeight,
          subscribed: false,
          lastSignature: null,
        });
      }
      dirty.add(address);
      scheduleDirtyRound();
    },
    unwatch(address: string) {
      const entry = entries.get(address);
      if (!entry) return;
      entries.delete(address);
      dirty.delete(address);
      if (entry.subscribed) {
        backend.removeWatch(entry.watched).catch((error: unknown) => {
          logger?.debug({ err: error, chain: options.chain }, 'could not stop watching an address');
        });
      }
    },
    watchedCount: () => entries.size,
    onPayments(listener) {
      paymentListeners.add(listener);
      return () => paymentListeners.delete(listener);
    },
    onTip(listener) {
      tipListeners.add(listener);
      return () => tipListeners.delete(listener);
    },
    async hasHistory(address: string) {
      const watched = watchedOf(address);
      if (!opened) {
        await backend.open(events);
        opened = true;
      }
      return backend.hasHistory(watched);
    },
    async refresh() {
      await enqueue(true).catch(() => undefined);
    },
    health(): WatcherHealth {
      const state = stateNow();
      const detail = lastError === null ? backend.label : `${backend.label} — last error: ${lastError}`;
      return { state, detail, tip };
    },
    async start() {
      if (running || stopped) return;
      running = true;
      await poll();
    },
    async stop() {
      if (stopped) return;
      running = false;
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await queue;
      await backend.close(); // also a backend still trying its first connection
    },
  };
}
