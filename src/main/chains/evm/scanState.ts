/**
 * What the EVM watcher's scan works on: the watched addresses, the payments found for them (by
 * natural key), the stored block hashes that find a reorg, the cursors of the scan and of the
 * balance check, and the scan's configuration. In memory; the crypto domain keeps what must last.
 */
import { type EvmConfirmationPolicy } from './chains';
import { type EvmLogger } from './rpc';

export interface WatchedAddress {
  /** As handed to `watch`. */
  readonly address: string;
  readonly lower: string;
  readonly checksummed: string;
  readonly fromHeight: number;
  /** Lower-case token contracts for this address; null: the watcher's default tokens. */
  readonly tokens: ReadonlySet<string> | null;
}

export interface PaymentRecord {
  readonly key: string;
  readonly address: string;
  readonly asset: string;
  readonly amountUnits: bigint;
  readonly txid: string | null;
  readonly blockHeight: number;
  readonly blockHash: string;
  readonly from: readonly string[];
}

export interface RpcHeader {
  readonly number: string;
  readonly hash: string;
  readonly parentHash: string;
}

export interface ScanConfig {
  readonly chainId: number;
  readonly nativeSymbol: string;
  /** Lower-case token contracts watched for an address with no token list of its own. */
  readonly defaultTokens: ReadonlySet<string>;
  readonly policy: EvmConfirmationPolicy;
  readonly maxBlockRange: number;
  /** How far back a newly watched address's `fromHeight` may make the watcher rescan. */
  readonly maxRewindBlocks: number;
  /** Blocks whose hashes are kept for finding a fork point. */
  readonly keepBlocks: number;
  /** Below this many watched addresses, `eth_getLogs` also filters on the recipient topic. */
  readonly recipientTopicLimit: number;
  readonly multicall3Address: string | null;
  readonly logger: EvmLogger;
}

export interface ScanState {
  readonly watched: Map<string, WatchedAddress>;
  readonly blocks: Map<number, { hash: string; parentHash: string }>;
  readonly balances: Map<string, { height: number; wei: bigint }>;
  readonly payments: Map<string, Map<string, PaymentRecord>>;
  cursor: number | null;
  /** The last block whose balances were checked (the balance check runs in its own lane). */
  balanceCursor: number | null;
  /** Per scanned block not yet balance-checked: its hash and the coin flows transactions explain. */
  readonly explained: Map<number, { hash: string; flows: Map<string, bigint> }>;
  rewindTo: number | null;
  finalHeight: number | null;
  logRange: number;
  balanceCheck: 'on' | 'unavailable';
  blocksScanned: number;
  reorgs: number;
}

export function newScanState(maxBlockRange: number): ScanState {
  return {
    watched: new Map(),
    blocks: new Map(),
    balances: new Map(),
    payments: new Map(),
    cursor: null,
    balanceCursor: null,
    explained: new Map(),
    rewindTo: null,
    finalHeight: null,
    logRange: maxBlockRange,
    balanceCheck: 'on',
    blocksScanned: 0,
    reorgs: 0,
  };
}

export function recordPayment(state: ScanState, lower: string, payment: PaymentRecord): void {
  if (!state.watched.has(lower)) return; // unwatched while the round was asking
  let payments = state.payments.get(lower);
  if (!payments) state.payments.set(lower, (payments = new Map()));
  payments.set(payment.key, payment);
}
