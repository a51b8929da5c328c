/**
 * A token's `decimals()` and `symbol()` read on-chain, for a token added by configuration (the
 * stored list is never trusted for decimals alone). Handles tokens whose `symbol()` returns bytes32.
 */
import { decodeBytes32String, getAddress } from 'ethers';
import { erc20Interface } from './abi';
import { isValidEvmAddress } from './keys';
import { createEvmRpc, type EvmRpc } from './rpc';

export interface TokenMetadata {
  readonly address: string;
  readonly symbol: string;
  readonly decimals: number;
}

/** `rpc`: an RPC URL, or a client made with `createEvmRpc`. Throws with a clear message when the address is no ERC-20. */
export async function readTokenMetadata(rpc: string | EvmRpc, tokenAddress: string): Promise<TokenMetadata> {
  if (!isValidEvmAddress(tokenAddress))
    throw new Error('The token address is not a valid EVM address (or its checksum is wrong).');
  const client = typeof rpc === 'string' ? createEvmRpc({ urls: [rpc] }) : rpc;
  const address = getAddress(tokenAddress.toLowerCase());
  try {
    const call = (name: 'decimals' | 'symbol') =>
      client.call<string>('eth_call', [
        { to: address, data: erc20Interface.encodeFunctionData(name, []) },
        'latest',
      ]);
    const [decimalsData, symbolData] = await Promise.all([
      call('decimals').catch(() => '0x'),
      call('symbol').catch(() => '0x'),
    ]);
    if (decimalsData === '0x' || decimalsData.length < 66) {
      throw new Error(
        'No token answers at that address on this chain (decimals() failed): check the address and the network.',
      );
    }
    const decimals = Number(BigInt(decimalsData.slice(0, 66)));
    if (!Number.isInteger(decimals) || decimals > 36)
      throw new Error(`The token reports ${decimals} decimals, more than 36.`);
    return { address, decimals, symbol: decodeSymbol(symbolData) };
  } finally {
    if (typeof rpc === 'string') client.close();
  }
}

function decodeSymbol(data: string): string {
  if (data === '0x' || data.length < 66) return '';
  try {
    const [symbol] = erc20Interface.decodeFunctionResult('symbol', data) as unknown as [string];
    return clean(symbol);
  } catch {
    try {
      return clean(decodeBytes32String(data.slice(0, 66)));
    } catch {
      return '';
    }
  }
}

function clean(symbol: string): string {
  return symbol.replace(/[^\p{L}\p{N}.$₮\-_]/gu, '').slice(0, 16);
}
