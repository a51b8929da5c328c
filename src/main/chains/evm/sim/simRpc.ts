/**
 * The simulator's answers to EVM JSON-RPC methods, in the shapes a node (geth, Hardhat) gives:
 * hex quantities, full or hash-only transactions, receipts with logs, `eth_getLogs` filters with
 * address lists and OR-ed topics, block tags (`latest`, `safe`, `finalized`, numbers, EIP-1898).
 */
import { toHex } from '../rpc';
import { type SimBlock, type SimLedger, SimRpcError, type SimTx } from './simLedger';

const zero32 = `0x${'0'.repeat(64)}`;
const emptyBloom = `0x${'0'.repeat(512)}`;

export interface SimRpcLimits {
  /** `eth_getLogs` over more blocks than this is refused (like hosted providers do). */
  readonly maxLogRange: number;
}

export function answerRpc(
  ledger: SimLedger,
  limits: SimRpcLimits,
  method: string,
  params: readonly unknown[],
): unknown {
  switch (method) {
    case 'eth_chainId':
      return toHex(ledger.chainId);
    case 'net_version':
      return String(ledger.chainId);
    case 'web3_clientVersion':
      return 'TillpointEvmSim/1.0';
    case 'eth_blockNumber':
      return toHex(ledger.tip().number);
    case 'eth_gasPrice':
    case 'eth_maxPriorityFeePerGas':
      return toHex(1_000_000_000n);
    case 'eth_syncing':
      return false;
    case 'eth_getBlockByNumber': {
      const block = ledger.blockAt(params[0]);
      return block ? formatBlock(ledger, block, params[1] === true) : null;
    }
    case 'eth_getBlockByHash': {
      const block = ledger.blocks.find((entry) => entry.hash === String(params[0]).toLowerCase());
      return block ? formatBlock(ledger, block, params[1] === true) : null;
    }
    case 'eth_getBalance':
      return toHex(requireBlock(ledger, params[1]).coins.get(address(params[0])) ?? 0n);
    case 'eth_getCode':
      return ledger.hasCode(address(params[0])) ? '0x6080604052' : '0x';
    case 'eth_getTransactionCount': {
      const block = requireBlock(ledger, params[1]);
      const from = address(params[0]);
      let count = 0;
      for (const entry of ledger.blocks.slice(0, block.number + 1))
        count += entry.txs.filter((tx) => tx.from.toLowerCase() === from).length;
      return toHex(count);
    }
    case 'eth_call': {
      const call = params[0] as { to?: unknown; data?: unknown; input?: unknown } | undefined;
      if (!call || typeof call.to !== 'string')
        throw new SimRpcError(-32602, 'eth_call needs a "to" address');
      const data =
        typeof call.data === 'string' ? call.data : typeof call.input === 'string' ? call.input : '0x';
      return ledger.call(call.to, data, requireBlock(ledger, params[1]));
    }
    case 'eth_getTransactionByHash': {
      const found = ledger.findTx(String(params[0]));
      return found ? formatTx(ledger, found.tx, found.block, found.index) : null;
    }
    case 'eth_getTransactionReceipt': {
      const found = ledger.findTx(String(params[0]));
      return found ? formatReceipt(ledger, found.tx, found.block, found.index) : null;
    }
    case 'eth_getLogs':
      return getLogs(ledger, limits, params[0]);
    default:
      throw new SimRpcError(-32601, `the method ${method} does not exist/is not available`);
  }
}

function address(value: unknown): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value))
    throw new SimRpcError(-32602, 'invalid address');
  return value.toLowerCase();
}

function requireBlock(ledger: SimLedger, tag: unknown): SimBlock {
  const block = ledger.blockAt(tag ?? 'latest');
  if (!block) throw new SimRpcError(-32000, 'header not found');
  return block;
}

export function formatHeader(block: SimBlock): Record<string, unknown> {
  return {
    number: toHex(block.number),
    hash: block.hash,
    parentHash: block.parentHash,
    nonce: '0x0000000000000000',
    sha3Uncles: zero32,
    logsBloom: emptyBloom,
    transactionsRoot: zero32,
    stateRoot: zero32,
    receiptsRoot: zero32,
    miner: `0x${'0'.repeat(40)}`,
    difficulty: '0x0',
    extraData: '0x',
    gasLimit: toHex(30_000_000),
    gasUsed: toHex(block.txs.reduce((sum, tx) => sum + tx.gas, 0n)),
    timestamp: toHex(block.timestamp),
    baseFeePerGas: '0x0',
    mixHash: zero32,
  };
}

function formatBlock(ledger: SimLedger, block: SimBlock, full: boolean): Record<string, unknown> {
  return {
    ...formatHeader(block),
    totalDifficulty: '0x0',
    size: toHex(1000 + block.txs.length * 120),
    uncles: [],
    transactions: full
      ? block.txs.map((tx, index) => formatTx(ledger, tx, block, index))
      : block.txs.map((tx) => tx.hash),
  };
}

function formatTx(ledger: SimLedger, tx: SimTx, block: SimBlock, index: number): Record<string, unknown> {
  return {
    hash: tx.hash,
    nonce: toHex(tx.nonce),
    blockHash: block.hash,
    blockNumber: toHex(block.number),
    transactionIndex: toHex(index),
    from: tx.from.toLowerCase(),
    to: tx.to.toLowerCase(),
    value: toHex(tx.value),
    gas: toHex(tx.gas),
    gasPrice: toHex(tx.gasPrice),
    input: tx.input,
    type: '0x0',
    chainId: toHex(ledger.chainId),
    v: toHex(ledger.chainId * 2 + 35),
    r: zero32.replace(/0$/, '1'),
    s: zero32.replace(/0$/, '1'),
  };
}

function logIndexBase(block: SimBlock, index: number): number {
  let base = 0;
  for (let i = 0; i < index; i += 1) base += (block.txs[i] as SimTx).logs.length;
  return base;
}

function formatLogs(tx: SimTx, block: SimBlock, index: number): Record<string, unknown>[] {
  const base = logIndexBase(block, index);
  return tx.logs.map((log, offset) => ({
    address: log.address.toLowerCase(),
    topics: log.topics,
    data: log.data,
    blockNumber: toHex(block.number),
    blockHash: block.hash,
    transactionHash: tx.hash,
    transactionIndex: toHex(index),
    logIndex: toHex(base + offset),
    removed: false,
  }));
}

function formatReceipt(
  _ledger: SimLedger,
  tx: SimTx,
  block: SimBlock,
  index: number,
): Record<string, unknown> {
  return {
    transactionHash: tx.hash,
    transactionIndex: toHex(index),
    blockHash: block.hash,
    blockNumber: toHex(block.number),
    from: tx.from.toLowerCase(),
    to: tx.to.toLowerCase(),
    cumulativeGasUsed: toHex(block.txs.slice(0, index + 1).reduce((sum, entry) => sum + entry.gas, 0n)),
    gasUsed: toHex(tx.gas),
    effectiveGasPrice: toHex(tx.gasPrice),
    contractAddress: null,
    logs: formatLogs(tx, block, index),
    logsBloom: emptyBloom,
    status: '0x1',
    type: '0x0',
  };
}

interface LogFilter {
  fromBlock?: unknown;
  toBlock?: unknown;
  blockHash?: unknown;
  address?: unknown;
  topics?: unknown;
}

function getLogs(ledger: SimLedger, limits: SimRpcLimits, raw: unknown): Record<string, unknown>[] {
  const filter = (raw ?? {}) as LogFilter;
  let blocks: SimBlock[];
  if (typeof filter.blockHash === 'string') {
    const block = ledger.blocks.find((entry) => entry.hash === String(filter.blockHash).toLowerCase());
    if (!block) throw new SimRpcError(-32000, 'unknown block');
    blocks = [block];
  } else {
    const from = requireBlock(ledger, filter.fromBlock ?? 'latest').number;
    const to = requireBlock(ledger, filter.toBlock ?? 'latest').number;
    if (to < from) throw new SimRpcError(-32602, 'invalid block range params');
    if (to - from + 1 > limits.maxLogRange) {
      throw new SimRpcError(
        -32005,
        `block range is too large: at most ${limits.maxLogRange} blocks per request`,
      );
    }
    blocks = ledger.blocks.slice(from, to + 1);
  }
  const addresses =
    filter.address === undefined || filter.address === null
      ? null
      : new Set((Array.isArray(filter.address) ? filter.address : [filter.address]).map(address));
  const topics = Array.isArray(filter.topics) ? (filter.topics as unknown[]) : [];
  const matchesTopics = (logTopics: readonly string[]) =>
    topics.every((wanted, position) => {
      if (wanted === null || wanted === undefined) return true;
      const actual = logTopics[position]?.toLowerCase();
      const options = (Array.isArray(wanted) ? wanted : [wanted]).map((entry) => String(entry).toLowerCase());
      return actual !== undefined && options.includes(actual);
    });
  const found: Record<string, unknown>[] = [];
  for (const block of blocks) {
    block.txs.forEach((tx, index) => {
      for (const log of formatLogs(tx, block, index)) {
        if (addresses && !addresses.has(String(log.address))) continue;
        if (!matchesTopics(log.topics as string[])) continue;
        found.push(log);
      }
    });
  }
  return found;
}
