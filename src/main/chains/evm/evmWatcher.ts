/**
 * `createEvmWatcher`: the ChainWatcher of one EVM chain (`evm:<chainId>`). The cost of a round does
 * not grow with the number of watched addresses (see scanner.ts for what one round asks); rounds
 * run one at a time, on each pushed head (WebSocket `newHeads`) or poll over HTTP, and after a
 * round every address whose set of payments changed (new, confirmed, gone) is reported whole.
 */
import { getAddress } from 'ethers';
import {
  type ChainTip,
  type ChainWatcher,
  type ObservedPayment,
  type PaymentsListener,
  type TipListener,
  type WatchOptions,
  type WatcherHealth,
  type WatcherState,
} from '../watcher';
import { erc20Interface } from './abi';
import { type EvmConfirmationPolicy, multicall3Address as canonicalMulticall3 } from './chains';
import { subscribeHeads, type HeadSubscription } from './heads';
import { isValidEvmAddress } from './keys';
import { createEvmRpc, type EvmLogger, type EvmRpcStats, fromHex, fromHexBig, silentLogger } from './rpc';
import { checkBalances } from './balanceCheck';
import { scanRound } from './scanner';
import { newScanState, type RpcHeader, type ScanConfig, type WatchedAddress } from './scanState';

export interface EvmWatcherOptions {
  readonly chainId: number;
  readonly rpcUrls: readonly string[];
  readonly wsUrls?: readonly string[];
  /** Confirmations (tip − block + 1), or the chain's `safe` / `finalized` block. */
  readonly confirmations: EvmConfirmationPolicy;
  /** HTTP polling interval; with a WebSocket up, polling slows to at least `wsPollIntervalMs`. */
  readonly pollIntervalMs?: number;
  readonly wsPollIntervalMs?: number;
  /** Largest block range per `eth_getLogs` and per round (halved while the provider refuses). */
  readonly maxBlockRange?: number;
  /** The native coin's symbol, the `asset` of coin payments (ETH, POL, BNB). */
  readonly nativeSymbol: string;
  /** Token contracts watched for an address whose `watch` names none. */
  readonly tokens?: readonly string[];
  /** null: the chain has no Multicall3 (no balance check, contract-wallet transfers missed). */
  readonly multicall3Address?: string | null;
  readonly maxRewindBlocks?: number;
  readonly rpcTimeoutMs?: number;
  readonly logger?: EvmLogger;
}

export interface EvmWatcherStats extends EvmRpcStats {
  readonly rounds: number;
  readonly blocksScanned: number;
  readonly reorgs: number;
  readonly wsConnected: boolean;
  readonly wsReconnects: number;
  readonly balanceCheck: 'on' | 'unavailable';
  /** The last block scanned, and the last whose balances were checked (that lane may lag). */
  readonly scannedTo: number | null;
  readonly balanceCheckedTo: number | null;
}

export interface EvmWatcher extends ChainWatcher {
  readonly chainId: number;
  /** Every RPC request made so far, by method; rounds and blocks scanned. */
  stats(): EvmWatcherStats;
}

export function createEvmWatcher(options: EvmWatcherOptions): EvmWatcher {
  if (!Number.isSafeInteger(options.chainId) || options.chainId <= 0)
    throw new Error('The chain id must be a positive whole number.');
  const policy = options.confirmations;
  if (
    typeof policy === 'number'
      ? !Number.isInteger(policy) || policy < 1
      : policy !== 'safe' && policy !== 'finalized'
  ) {
    throw new Error('Confirmations must be a whole number of at least 1, or "safe" or "finalized".');
  }
  const logger = options.logger ?? silentLogger;
  const maxBlockRange = Math.max(1, Math.min(options.maxBlockRange ?? 100, 10_000));
  const pollIntervalMs = Math.max(50, options.pollIntervalMs ?? 4_000);
  const wsPollIntervalMs = Math.max(pollIntervalMs, options.wsPollIntervalMs ?? 30_000);
  const rpc = createEvmRpc({ urls: options.rpcUrls, timeoutMs: options.rpcTimeoutMs, logger });
  const multicall = options.multicall3Address === undefined ? canonicalMulticall3 : options.multicall3Address;
  const config: ScanConfig = {
    chainId: options.chainId,
    nativeSymbol: options.nativeSymbol,
    defaultTokens: new Set((options.tokens ?? []).map(tokenKey)),
    policy,
    maxBlockRange,
    maxRewindBlocks: options.maxRewindBlocks ?? 50_000,
    keepBlocks: 1_024,
    recipientTopicLimit: 100,
    multicall3Address: multicall === null ? null : getAddress(multicall),
    logger,
  };
  const state = newScanState(maxBlockRange);
  if (config.multicall3Address === null) state.balanceCheck = 'unavailable';
  const paymentListeners = new Set<PaymentsListener>();
  const tipListeners = new Set<TipListener>();
  const reported = new Map<string, string>();
  let tip: ChainTip | null = null;
  let watcherState: WatcherState = 'stopped';
  let lastError: string | null = null;
  let failuresInARow = 0;
  let rounds = 0;
  let running = false;
  let queue: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  let pushedHead: RpcHeader | undefined;
  let balanceQueue: Promise<void> = Promise.resolve();
  let balanceQueued: Promise<void> | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let heads: HeadSubscription | null = null;
  let lastHeadAtMs = 0;

  function tokenKey(address: string): string {
    if (!isValidEvmAddress(address)) throw new Error('A token address is not a valid EVM address.');
    return address.toLowerCase();
  }

  function schedule(head?: RpcHeader): Promise<void> {
    if (head && (!pushedHead || fromHex(head.number) >= fromHex(pushedHead.number))) pushedHead = head;
    if (queued) return queued;
    const next = queue.then(async () => {
      queued = null;
      const headNow = pushedHead;
      pushedHead = undefined;
      await round(headNow);
    });
    queued = next;
    queue = next.catch(() => {});
    return next;
  }

  async function round(head?: RpcHeader): Promise<void> {
    if (!running) return;
    try {
      await scanRound(rpc, config, state, head);
      rounds += 1;
      failuresInARow = 0;
      lastError = null;
      watcherState = 'ok';
    } catch (error) {
      failuresInARow += 1;
      lastError = (error as Error).message;
      watcherState = failuresInARow >= 3 ? 'down' : 'degraded';
      logger.warn({ chain: `evm:${options.chainId}`, error: lastError }, 'EVM watcher: a round failed');
    }
    publish();
    void scheduleBalances();
  }

  /** The balance check runs in its own lane, one at a time, behind the scan. */
  function scheduleBalances(): Promise<void> {
    if (balanceQueued) return balanceQueued;
    const next = balanceQueue.then(async () => {
      balanceQueued = null;
      if (!running) return;
      try {
        await checkBalances(rpc, config, state);
      } catch (error) {
        logger.warn(
          { chain: `evm:${options.chainId}`, error: (error as Error).message },
          'EVM watcher: a balance check failed',
        );
      }
      publish();
    });
    balanceQueued = next;
    balanceQueue = next.catch(() => {});
    return next;
  }

  function publish(): void {
    const cursor = state.cursor;
    const block = cursor === null ? undefined : state.blocks.get(cursor);
    if (cursor !== null && block && (tip?.height !== cursor || tip.hash !== block.hash)) {
      tip = { height: cursor, hash: block.hash, seenAtMs: Date.now() };
      for (const listener of tipListeners) safely(() => listener(tip as ChainTip));
    }
    for (const [lower, target] of state.watched) {
      const payments = currentPayments(lower);
      const signature = payments
        .map((p) => `${p.key}/${p.blockHash}/${p.final ? 'F' : p.confirmations}`)
        .join('|');
      if (reported.get(lower) === signature) continue;
      reported.set(lower, signature);
      for (const listener of paymentListeners) safely(() => listener(target.address, payments));
    }
  }

  function currentPayments(lower: string): ObservedPayment[] {
    const records = [...(state.payments.get(lower)?.values() ?? [])];
    const height = tip?.height ?? 0;
    return records
      .sort((a, b) => a.blockHeight - b.blockHeight || a.key.localeCompare(b.key))
      .map((record) => {
        const confirmations = Math.max(0, height - record.blockHeight + 1);
        const final =
          typeof policy === 'number'
            ? confirmations >= policy
            : state.finalHeight !== null && record.blockHeight <= state.finalHeight && confirmations > 0;
        return { ...record, confirmations, replaceable: false, final };
      });
  }

  function safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      logger.warn({ error: (error as Error).message }, 'EVM watcher: a listener threw');
    }
  }

  function schedulePoll(): void {
    if (!running) return;
    // Poll slowly only while heads really arrive over the WebSocket.
    const headsFlowing = heads?.connected() && Date.now() - lastHeadAtMs < wsPollIntervalMs;
    const interval = headsFlowing ? wsPollIntervalMs : pollIntervalMs;
    pollTimer = setTimeout(() => {
      void schedule().finally(schedulePoll);
    }, interval);
  }

  return {
    chain: `evm:${options.chainId}`,
    chainId: options.chainId,
    watch(address: string, watchOptions?: WatchOptions): void {
      if (!isValidEvmAddress(address)) throw new Error('Not a valid EVM address (or its checksum is wrong).');
      const lower = address.toLowerCase();
      const fromHeight = watchOptions?.fromHeight;
      if (fromHeight !== undefined && (!Number.isSafeInteger(fromHeight) || fromHeight < 0)) {
        throw new Error('fromHeight must be a block number.');
      }
      const tokens = watchOptions?.tokens ? new Set(watchOptions.tokens.map(tokenKey)) : null;
      const existing = state.watched.get(lower);
      const start = fromHeight ?? existing?.fromHeight ?? (state.cursor === null ? 0 : state.cursor + 1);
      const target: WatchedAddress = {
        address,
        lower,
        checksummed: getAddress(lower),
        fromHeight: start,
        tokens: tokens ?? existing?.tokens ?? null,
      };
      state.watched.set(lower, target);
      // Watching again with the same start and tokens (the crypto domain does so on every tick)
      // asks for nothing new: rescan only for a new address, an earlier start or another token.
      const sameAsBefore =
        existing !== undefined &&
        existing.fromHeight <= start &&
        (target.tokens === null || [...target.tokens].every((token) => existing.tokens?.has(token)));
      if (
        !sameAsBefore &&
        fromHeight !== undefined &&
        (state.cursor === null || fromHeight <= state.cursor)
      ) {
        state.rewindTo = Math.min(state.rewindTo ?? Number.MAX_SAFE_INTEGER, Math.max(0, fromHeight - 1));
      }
      if (running) void schedule();
    },
    unwatch(address: string): void {
      const lower = address.toLowerCase();
      state.watched.delete(lower);
      state.payments.delete(lower);
      state.balances.delete(lower);
      reported.delete(lower);
    },
    watchedCount: () => state.watched.size,
    onPayments(listener) {
      paymentListeners.add(listener);
      return () => paymentListeners.delete(listener);
    },
    onTip(listener) {
      tipListeners.add(listener);
      return () => tipListeners.delete(listener);
    },
    async hasHistory(address: string): Promise<boolean> {
      if (!isValidEvmAddress(address)) throw new Error('Not a valid EVM address (or its checksum is wrong).');
      const checksummed = getAddress(address.toLowerCase());
      const nonce = fromHex(await rpc.call<string>('eth_getTransactionCount', [checksummed, 'latest']));
      if (nonce > 0) return true;
      const coin = fromHexBig(await rpc.call<string>('eth_getBalance', [checksummed, 'latest']));
      if (coin > 0n) return true;
      const tokens = new Set(config.defaultTokens);
      for (const target of state.watched.values()) for (const token of target.tokens ?? []) tokens.add(token);
      for (const token of tokens) {
        const data = erc20Interface.encodeFunctionData('balanceOf', [checksummed]);
        const answer = await rpc
          .call<string>('eth_call', [{ to: getAddress(token), data }, 'latest'])
          .catch(() => '0x');
        if (answer.length >= 66 && BigInt(answer.slice(0, 66)) > 0n) return true;
      }
      return false;
    },
    refresh: async () => {
      if (!running) return;
      await schedule();
      await scheduleBalances();
    },
    health(): WatcherHealth {
      const status = rpc.status();
      const parts = [`RPC ${status.url}`];
      if (heads)
        parts.push(
          heads.connected()
            ? 'WebSocket subscribed'
            : `WebSocket down${heads.lastError() ? ` (${heads.lastError()})` : ''}`,
        );
      if (state.balanceCheck === 'unavailable')
        parts.push('no Multicall3: coin transfers from contract wallets are not seen');
      if (lastError) parts.push(`last error: ${lastError}`);
      else if (status.lastError) parts.push(`last RPC problem: ${status.lastError}`);
      let shown = watcherState;
      if (shown === 'ok' && (state.balanceCheck === 'unavailable' || (heads && !heads.connected())))
        shown = 'degraded';
      return { state: shown, detail: parts.join('; '), tip };
    },
    async start(): Promise<void> {
      if (running) return;
      running = true;
      rpc.open();
      watcherState = 'starting';
      if (options.wsUrls && options.wsUrls.length > 0) {
        heads = subscribeHeads({
          urls: options.wsUrls,
          onHead: (header) => {
            lastHeadAtMs = Date.now();
            void schedule(header);
          },
          onConnectedChange: (connected) => logger.info({ connected }, 'EVM watcher: WebSocket subscription'),
          count: (method) => rpc.count(method),
          logger,
        });
      }
      void schedule().finally(schedulePoll);
    },
    async stop(): Promise<void> {
      running = false;
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
      heads?.close();
      heads = null;
      await queue;
      await balanceQueue;
      rpc.close();
      watcherState = 'stopped';
    },
    stats(): EvmWatcherStats {
      return {
        ...rpc.stats(),
        rounds,
        blocksScanned: state.blocksScanned,
        reorgs: state.reorgs,
        wsConnected: heads?.connected() ?? false,
        wsReconnects: heads?.reconnects() ?? 0,
        balanceCheck: state.balanceCheck,
        scannedTo: state.cursor,
        balanceCheckedTo: state.balanceCursor,
      };
    },
  };
}
