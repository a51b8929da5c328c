import { Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  decodeAggregate3,
  decodeAggregate3Fast,
  encodeAggregate3,
  encodeEthBalanceBatch,
  encodeGetEthBalance,
  multicall3Interface,
} from './abi';
import { multicall3Address } from './chains';

describe('hand-made aggregate3 of getEthBalance', () => {
  it.each([0, 1, 2, 7, 50])('encodes %i addresses exactly as ethers does', (count) => {
    const addresses = Array.from({ length: count }, () => Wallet.createRandom().address);
    const expected = encodeAggregate3(
      addresses.map((address) => ({
        target: multicall3Address,
        allowFailure: false,
        callData: encodeGetEthBalance(address),
      })),
    );
    expect(encodeEthBalanceBatch(multicall3Address, addresses)).toBe(expected);
  });

  it('decodes answers exactly as ethers does, whatever the lengths of the returned bytes', () => {
    const results = [
      [true, `0x${'00'.repeat(31)}2a`],
      [false, '0x'],
      [true, '0x1234'],
      [true, `0x${'ff'.repeat(70)}`],
    ];
    const answer = multicall3Interface.encodeFunctionResult('aggregate3', [results]);
    expect(decodeAggregate3Fast(answer)).toEqual(decodeAggregate3(answer));
    expect(decodeAggregate3Fast(answer).map((r) => r.success)).toEqual([true, false, true, true]);
  });

  it('refuses a short answer', () => {
    expect(() => decodeAggregate3Fast('0x')).toThrow(/Short/);
    const answer = multicall3Interface.encodeFunctionResult('aggregate3', [[[true, '0x1234']]]);
    expect(() => decodeAggregate3Fast(answer.slice(0, answer.length - 64))).toThrow(/Short/);
  });
});
