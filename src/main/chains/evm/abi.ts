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
