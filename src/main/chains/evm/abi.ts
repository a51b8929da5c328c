/**
 * The few contract interfaces the watcher speaks: ERC-20 (Transfer, decimals, symbol, balanceOf)
 * and Multicall3 (aggregate3, getEthBalance), encoded with ethers' Interface.
 */
import { Interface, getAddress, zeroPadValue } from 'ethers';

export const erc20Interface = new Interface([
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function balanceOf(address owner) view returns (uint256)',
  'function transfer(address to, uint256 value) returns (bool)',
]);

export const multicall3Interface = new Interface([
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
]);

/** keccak256("Transfer(address,address,uint256)"). */
export const transferTopic = (erc20Interface.getEvent('Transfer') as { topicHash: string }).topicHash;

export interface Call3 {
  readonly target: string;
  readonly allowFailure: boolean;
  readonly callData: string;
}

export interface Call3Result {
  readonly success: boolean;
  readonly returnData: string;
}

export function encodeAggregate3(calls: readonly Call3[]): string {
  return multicall3Interface.encodeFunctionData('aggregate3', [
    calls.map((c) => [c.target, c.allowFailure, c.callData]),
  ]);
}

export function decodeAggregate3(data: string): Call3Result[] {
  const [results] = multicall3Interface.decodeFunctionResult('aggregate3', data) as unknown as [
    { success: boolean; returnData: string }[],
  ];
  return results.map((result) => ({
    success: Boolean(result.success),
    returnData: String(result.returnData),
  }));
}

export function encodeGetEthBalance(address: string): string {
  return multicall3Interface.encodeFunctionData('getEthBalance', [address]);
}

export function decodeUint256(data: string): bigint {
  if (data === '0x' || data.length < 66) throw new Error('Empty or short answer to a uint256 call.');
  return BigInt(data.slice(0, 66));
}

/** An address as a 32-byte topic (for an indexed address in a log filter). */
export function addressTopic(address: string): string {
  return zeroPadValue(address.toLowerCase(), 32);
}

/** The address in a 32-byte topic, EIP-55. */
export function topicAddress(topic: string): string {
  return getAddress(`0x${topic.slice(-40)}`);
}

const aggregate3Selector = multicall3Interface.getFunction('aggregate3')?.selector.slice(2) as string;
const getEthBalanceSelector = multicall3Interface.getFunction('getEthBalance')?.selector.slice(2) as string;

function word(value: number | bigint): string {
  return value.toString(16).padStart(64, '0');
}

/**
 * `aggregate3` of `getEthBalance(address)` for many addresses, encoded by hand: the same bytes as
 * ethers' ABI coder (a test checks), without its cost (about 1 ms per address on a busy machine,
 * which would stall the event loop for a second at 1,000 open invoices).
 */
export function encodeEthBalanceBatch(multicall: string, addresses: readonly string[]): string {
  const target = multicall.slice(2).toLowerCase().padStart(64, '0');
  const tupleBytes = 6 * 32; // target, allowFailure, bytes offset, bytes length, 36 bytes padded to 64
  const parts: string[] = [`0x${aggregate3Selector}`, word(32), word(addresses.length)];
  for (let i = 0; i < addresses.length; i += 1) parts.push(word(addresses.length * 32 + i * tupleBytes));
  for (const address of addresses) {
    const callData = `${getEthBalanceSelector}${address.slice(2).toLowerCase().padStart(64, '0')}`.padEnd(
      128,
      '0',
    );
    parts.push(target, word(0), word(96), word(36), callData);
  }
  return parts.join('');
}

/** `aggregate3`'s answer, decoded by hand into (success, returnData) (same result as ethers'). */
export function decodeAggregate3Fast(data: string): Call3Result[] {
  const hex = data.startsWith('0x') ? data.slice(2) : data;
  const read = (byteOffset: number) => {
    const start = byteOffset * 2;
    if (start + 64 > hex.length) throw new Error('Short answer from aggregate3.');
    return Number.parseInt(hex.slice(start, start + 64), 16);
  };
  const arrayStart = read(0);
  const length = read(arrayStart);
  if (!Number.isSafeInteger(length) || length > 100_000) throw new Error('Bad aggregate3 answer length.');
  const base = arrayStart + 32;
  const results: Call3Result[] = [];
  for (let i = 0; i < length; i += 1) {
    const tuple = base + read(base + i * 32);
    const success = read(tuple) !== 0;
    const bytesStart = tuple + read(tuple + 32);
    const bytesLength = read(bytesStart);
    const from = (bytesStart + 32) * 2;
    if (from + bytesLength * 2 > hex.length) throw new Error('Short answer from aggregate3.');
    results.push({ success, returnData: `0x${hex.slice(from, from + bytesLength * 2)}` });
  }
  return results;
}
