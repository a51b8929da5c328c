/**
 * One round of the EVM watcher: from the last scanned block to the tip, whatever the number of
 * watched addresses, it asks for
 * - each new block with its transactions (`eth_getBlockByNumber`, full), checking that it links to
 *   the stored hash of its parent (a reorg is found there, or when the tip moves back or changes
 *   hash at the same height, and every payment above the fork point is dropped and rescanned);
 * - one `eth_getLogs` per block range for every watched token at once (the Transfer topic),
 *   matched to the watched addresses in memory (split in smaller ranges if the provider refuses);
 * - a receipt for each transaction to or from a watched address (its status, and gas paid).
 * The balance check (balanceCheck.ts) follows in its own lane, so it never delays these payments.
 * The state is in memory; the crypto domain keeps what must last.
 */
import { getAddress } from 'ethers';
import { addressTopic, topicAddress, transferTopic } from './abi';
import { type EvmRpc, fromHex, fromHexBig, isRangeTooLarge, toHex } from './rpc';
import {
  recordPayment,
  type PaymentRecord,
  type RpcHeader,
  type ScanConfig,
  type ScanState,
} from './scanState';

interface RpcTx {
  readonly hash: string;
  readonly from: string;
  readonly to: string | null;
  readonly value: string;
}

interface RpcBlock extends RpcHeader {
  readonly transactions: readonly (RpcTx | string)[];
}

interface RpcLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
  readonly blockNumber: string;
  readonly blockHash: string;
  readonly transactionHash: string;
  readonly logIndex: string;
  readonly removed?: boolean;
}

interface RpcReceipt {
  readonly status?: string;
  readonly gasUsed: string;
  readonly effectiveGasPrice?: string;
}

/** Blocks asked at once while catching up. */
const blocksInFlight = 8;

/** Runs one round; `head` is the newest header when a subscription pushed it (saves a request). */
export async function scanRound(
  rpc: EvmRpc,
  config: ScanConfig,
  state: ScanState,
  head?: RpcHeader,
): Promise<void> {
  const latest = head ? fromHex(head.number) : fromHex(await rpc.call<string>('eth_blockNumber', []));
  if (state.watched.size === 0) {
    // Nothing to look for: follow the tip with one header, forget the rest.
    const header = head && fromHex(head.number) === latest ? head : await getHeader(rpc, latest);
    state.blocks.clear();
    state.balances.clear();
    state.blocks.set(latest, { hash: header.hash, parentHash: header.parentHash });
    state.cursor = latest;
    state.balanceCursor = latest;
    state.explained.clear();
    state.rewindTo = null;
  } else {
    await rewindIfAsked(rpc, config, state, latest);
    if ((state.cursor as number) >= latest) await recheckTip(rpc, state, latest, head);
    for (let guard = 0; (state.cursor as number) < latest && guard < 16; guard += 1) {
      const from = (state.cursor as number) + 1;
      await scanRange(rpc, config, state, from, Math.min(latest, from + config.maxBlockRange - 1));
      // No progress (the node does not serve the block yet, or the chain moved): try next round.
      if (state.cursor === from - 1) break;
    }
  }
  if (config.policy === 'safe' || config.policy === 'finalized') {
    const tagged = await rpc.call<RpcHeader | null>('eth_getBlockByNumber', [config.policy, false]);
    state.finalHeight = tagged ? fromHex(tagged.number) : null;
  }
  pruneBlocks(config, state);
}

async function getHeader(rpc: EvmRpc, height: number): Promise<RpcHeader> {
  const header = await rpc.call<RpcHeader | null>('eth_getBlockByNumber', [toHex(height), false]);
  if (!header) throw new Error(`The node has no block ${height}.`);
  return header;
}

async function rewindIfAsked(
  rpc: EvmRpc,
  config: ScanConfig,
  state: ScanState,
  latest: number,
): Promise<void> {
  let target: number | null = null;
  if (state.cursor === null) {
    target = Math.min(state.rewindTo ?? latest, latest);
  } else if (state.rewindTo !== null && state.rewindTo < state.cursor) {
    target = state.rewindTo;
  }
  state.rewindTo = null;
  if (target === null) return;
  target = Math.max(target, latest - config.maxRewindBlocks, 0);
  if (!state.blocks.has(target)) {
    const header = await getHeader(rpc, target);
    state.blocks.set(target, { hash: header.hash, parentHash: header.parentHash });
  }
  state.balances.clear();
  state.cursor = target;
  state.balanceCursor = Math.min(state.balanceCursor ?? target, target);
}

/** The tip did not move forward: make sure the block at `latest` is still the one we stored. */
async function recheckTip(rpc: EvmRpc, state: ScanState, latest: number, head?: RpcHeader): Promise<void> {
  const header = head && fromHex(head.number) === latest ? head : await getHeader(rpc, latest);
  const fork = state.blocks.get(latest)?.hash === header.hash ? latest : await findFork(rpc, state, header);
  if (fork < (state.cursor as number)) dropAbove(state, fork);
}

/** Walks back from a canonical header to the highest stored block it descends from. */
async function findFork(rpc: EvmRpc, state: ScanState, header: RpcHeader): Promise<number> {
  state.reorgs += 1;
  let child = { number: fromHex(header.number), parentHash: header.parentHash };
  for (let steps = 0; steps < state.blocks.size + 1; steps += 1) {
    const height = child.number - 1;
    const stored = state.blocks.get(height);
    if (!stored || stored.hash === child.parentHash) return height;
    const parent = await getHeader(rpc, height);
    child = { number: height, parentHash: parent.parentHash };
  }
  return child.number - 1;
}

/** Forgets blocks, payments and balances above `height` (they are no longer on the chain). */
function dropAbove(state: ScanState, height: number): void {
  for (const stored of state.blocks.keys()) if (stored > height) state.blocks.delete(stored);
  for (const payments of state.payments.values()) {
    for (const [key, payment] of payments) if (payment.blockHeight > height) payments.delete(key);
  }
  for (const [address, balance] of state.balances) {
    if (balance.height > height) state.balances.delete(address);
  }
  for (const stored of state.explained.keys()) if (stored > height) state.explained.delete(stored);
  state.cursor = Math.min(state.cursor ?? height, height);
  state.balanceCursor = Math.min(state.balanceCursor ?? height, height);
}

/** Forgets payments in [from, to] whose block is not the stored (canonical) block at their height. */
export function dropPaymentsOffChain(state: ScanState, from: number, to: number): void {
  for (const payments of state.payments.values()) {
    for (const [key, payment] of payments) {
      if (payment.blockHeight < from || payment.blockHeight > to) continue;
      if (state.blocks.get(payment.blockHeight)?.hash !== payment.blockHash) payments.delete(key);
    }
  }
}

function pruneBlocks(config: ScanConfig, state: ScanState): void {
  if (state.cursor === null) return;
  const oldest = state.cursor - config.keepBlocks;
  for (const height of state.blocks.keys()) if (height < oldest) state.blocks.delete(height);
}

async function scanRange(
  rpc: EvmRpc,
  config: ScanConfig,
  state: ScanState,
  from: number,
  to: number,
): Promise<void> {
  const fetched: RpcBlock[] = [];
  // Blocks are asked a few at a time (catching up after a pause), then linked in order.
  for (let start = from; start <= to; start += blocksInFlight) {
    const heights = Array.from({ length: Math.min(blocksInFlight, to - start + 1) }, (_, i) => start + i);
    const blocks = await Promise.all(
      heights.map((height) => rpc.call<RpcBlock | null>('eth_getBlockByNumber', [toHex(height), true])),
    );
    for (const [index, block] of blocks.entries()) {
      const height = heights[index] as number;
      if (!block || fromHex(block.number) !== height) break;
      const parent = state.blocks.get(height - 1);
      if (parent && parent.hash !== block.parentHash) {
        if (fetched.length > 0) break; // scan what links up; the next range finds the fork
        const fork = await findFork(rpc, state, block);
        dropAbove(state, fork);
        return; // the caller's loop goes on from the fork point
      }
      state.blocks.set(height, { hash: block.hash, parentHash: block.parentHash });
      fetched.push(block);
    }
    if (fetched.length < start - from + heights.length) break;
  }
  if (fetched.length === 0) return;
  const last = from + fetched.length - 1;
  // A rescan (a rewind for a newly watched height) links to a parent below a reorg's fork point, so
  // no parent mismatch reveals it: a payment kept from a block that is no longer the one at its
  // height is gone (if its transaction is in the new block, this scan finds it there again).
  dropPaymentsOffChain(state, from, last);
  const byLower = state.watched;

  // Coin transfers in the blocks' transactions, to or from a watched address.
  const nativeTxs: { tx: RpcTx; height: number; blockHash: string }[] = [];
  for (const block of fetched) {
    for (const tx of block.transactions) {
      if (typeof tx === 'string') continue;
      const to = tx.to?.toLowerCase();
      if ((to && byLower.has(to)) || byLower.has(tx.from.toLowerCase())) {
        nativeTxs.push({ tx, height: fromHex(block.number), blockHash: block.hash });
      }
    }
  }

  const [logs, receipts] = await Promise.all([
    fetchTokenLogs(rpc, config, state, from, last),
    Promise.all(
      nativeTxs.map(({ tx }) => rpc.call<RpcReceipt | null>('eth_getTransactionReceipt', [tx.hash])),
    ),
  ]);

  // A log from a block we did not store means the chain moved under us: rescan from there.
  for (const log of logs) {
    const height = fromHex(log.blockNumber);
    if (state.blocks.get(height)?.hash !== log.blockHash) {
      dropAbove(state, from - 1);
      return;
    }
  }

  const record = (lower: string, payment: PaymentRecord) => recordPayment(state, lower, payment);

  for (const log of logs) {
    if (log.removed || log.topics.length !== 3 || log.topics[0] !== transferTopic) continue;
    const to = `0x${(log.topics[2] as string).slice(-40).toLowerCase()}`;
    const target = byLower.get(to);
    const height = fromHex(log.blockNumber);
    if (!target || height < target.fromHeight) continue;
    const token = log.address.toLowerCase();
    if (!(target.tokens ?? config.defaultTokens).has(token)) continue;
    const amount = log.data === '0x' ? 0n : BigInt(log.data.slice(0, 66));
    if (amount <= 0n) continue;
    record(to, {
      key: `evm:${config.chainId}:${log.transactionHash.toLowerCase()}:${fromHex(log.logIndex)}`,
      address: target.address,
      asset: getAddress(token),
      amountUnits: amount,
      txid: log.transactionHash.toLowerCase(),
      blockHeight: height,
      blockHash: log.blockHash,
      from: [topicAddress(log.topics[1] as string)],
    });
  }

  // Coin flows that transactions explain, per (address, height): in (succeeded) and out (value + gas).
  for (const block of fetched)
    state.explained.set(fromHex(block.number), { hash: block.hash, flows: new Map() });
  const addExplained = (lower: string, height: number, delta: bigint) => {
    const flows = state.explained.get(height)?.flows;
    if (flows) flows.set(lower, (flows.get(lower) ?? 0n) + delta);
  };
  nativeTxs.forEach(({ tx, height, blockHash }, index) => {
    const receipt = receipts[index];
    const succeeded = receipt ? receipt.status === undefined || fromHex(receipt.status) === 1 : false;
    const value = fromHexBig(tx.value);
    const to = tx.to?.toLowerCase();
    const from = tx.from.toLowerCase();
    if (byLower.has(from)) {
      const gas = receipt ? fromHexBig(receipt.gasUsed) * fromHexBig(receipt.effectiveGasPrice ?? '0x0') : 0n;
      addExplained(from, height, -(gas + (succeeded ? value : 0n)));
    }
    if (!to || !succeeded || value <= 0n) return;
    const target = byLower.get(to);
    if (!target) return;
    addExplained(to, height, value);
    if (height < target.fromHeight) return;
    record(to, {
      key: `evm:${config.chainId}:${tx.hash.toLowerCase()}:native`,
      address: target.address,
      asset: config.nativeSymbol,
      amountUnits: value,
      txid: tx.hash.toLowerCase(),
      blockHeight: height,
      blockHash,
      from: [getAddress(tx.from)],
    });
  });

  state.blocksScanned += fetched.length;
  state.cursor = last;
}

/** Transfer logs of every watched token in [from, to], in ranges the provider accepts. */
async function fetchTokenLogs(
  rpc: EvmRpc,
  config: ScanConfig,
  state: ScanState,
  from: number,
  to: number,
): Promise<RpcLog[]> {
  const tokens = new Set(config.defaultTokens);
  for (const target of state.watched.values()) for (const token of target.tokens ?? []) tokens.add(token);
  if (tokens.size === 0) return [];
  const recipients =
    state.watched.size <= config.recipientTopicLimit ? [...state.watched.keys()].map(addressTopic) : null;
  const logs: RpcLog[] = [];
  let start = from;
  while (start <= to) {
    const end = Math.min(to, start + state.logRange - 1);
    try {
      const found = await rpc.call<RpcLog[]>('eth_getLogs', [
        {
          fromBlock: toHex(start),
          toBlock: toHex(end),
          address: [...tokens].map((token) => getAddress(token)),
          topics: recipients ? [transferTopic, null, recipients] : [transferTopic],
        },
      ]);
      logs.push(...found);
      start = end + 1;
      if (state.logRange < config.maxBlockRange)
        state.logRange = Math.min(config.maxBlockRange, state.logRange * 2);
    } catch (error) {
      if (!isRangeTooLarge(error) || end === start) throw error;
      state.logRange = Math.max(1, Math.floor((end - start + 1) / 2));
      config.logger.info(
        { range: state.logRange },
        'EVM watcher: the provider refused the log range; splitting it',
      );
    }
  }
  return logs;
}
