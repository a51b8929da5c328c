/**
 * A raw transaction (hex, as Electrum and Bitcoin Core hand it out) read with bitcoinjs-lib:
 * outputs with exact amounts in sats, inputs with their sequence numbers. No curve maths.
 */
import { createHash } from 'node:crypto';
import { Transaction } from 'bitcoinjs-lib';
import { bytesToHex } from '../addresses';
import { type BackendOutput } from './backend';

export interface DecodedTx {
  readonly txid: string;
  readonly outputs: readonly BackendOutput[];
  readonly inputs: readonly { readonly txid: string; readonly vout: number; readonly sequence: number }[];
  readonly coinbase: boolean;
}

const maxRawTxHexLength = 8_000_000; // 4 MB, the block weight limit

export function decodeRawTx(hex: string): DecodedTx {
  if (typeof hex !== 'string' || hex.length > maxRawTxHexLength || !/^(?:[0-9a-fA-F]{2})+$/.test(hex)) {
    throw new Error('not a raw transaction in hex');
  }
  const tx = Transaction.fromHex(hex);
  return {
    txid: tx.getId(),
    coinbase: tx.isCoinbase(),
    outputs: tx.outs.map((output, vout) => ({
      vout,
      scriptHex: bytesToHex(output.script),
      valueSats: output.value,
    })),
    inputs: tx.ins.map((input) => ({
      txid: Buffer.from(input.hash).reverse().toString('hex'),
      vout: input.index,
      sequence: input.sequence,
    })),
  };
}

/** A block's id from its 80-byte header in hex: double sha256, byte order reversed. */
export function blockHashOfHeader(headerHex: string): string {
  if (!/^[0-9a-fA-F]{160}$/.test(headerHex)) throw new Error('not an 80-byte block header');
  const bytes = Buffer.from(headerHex, 'hex');
  const once = createHash('sha256').update(bytes).digest();
  return Buffer.from(createHash('sha256').update(once).digest()).reverse().toString('hex');
}
