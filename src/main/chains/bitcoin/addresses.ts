/**
 * Bitcoin addresses and output scripts, both ways, with no elliptic-curve code: base58check
 * (P2PKH, P2SH) and bech32 / bech32m (segwit v0, taproot). The watcher matches outputs to watched
 * addresses by script; Electrum names an address by the reversed sha256 of its script.
 */
import { createHash } from 'node:crypto';
import { address as bjsAddress } from 'bitcoinjs-lib';
import { networkParams, type BitcoinNetwork } from './networks';

export type BitcoinAddressType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr';

export interface DecodedAddress {
  readonly type: BitcoinAddressType;
  /** The output script that pays this address. */
  readonly script: Uint8Array;
}

const maxAddressLength = 100;

function concat(...parts: (number[] | Uint8Array)[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Decodes an address of the given network into its output script, or null when it is not a valid
 * address of that network (wrong checksum, wrong prefix, a witness version with no defined
 * meaning yet, a wrong program length). testnet and signet share prefixes; regtest uses `bcrt1`.
 */
export function decodeBitcoinAddress(address: string, network: BitcoinNetwork): DecodedAddress | null {
  if (typeof address !== 'string' || address.length === 0 || address.length > maxAddressLength) return null;
  const params = networkParams[network];
  let base58: { version: number; hash: Uint8Array } | null;
  try {
    base58 = bjsAddress.fromBase58Check(address);
  } catch {
    base58 = null;
  }
  if (base58) {
    if (base58.hash.length !== 20) return null;
    if (base58.version === params.pubKeyHash) {
      return { type: 'p2pkh', script: concat([0x76, 0xa9, 0x14], base58.hash, [0x88, 0xac]) };
    }
    if (base58.version === params.scriptHash) {
      return { type: 'p2sh', script: concat([0xa9, 0x14], base58.hash, [0x87]) };
    }
    return null;
  }
  let segwit: { version: number; prefix: string; data: Uint8Array } | null;
  try {
    segwit = bjsAddress.fromBech32(address);
  } catch {
    segwit = null;
  }
  if (!segwit || segwit.prefix.toLowerCase() !== params.bech32) return null;
  const program = segwit.data;
  if (segwit.version === 0) {
    if (program.length === 20) return { type: 'p2wpkh', script: concat([0x00, 0x14], program) };
    if (program.length === 32) return { type: 'p2wsh', script: concat([0x00, 0x20], program) };
    return null;
  }
  if (segwit.version === 1 && program.length === 32) {
    return { type: 'p2tr', script: concat([0x51, 0x20], program) };
  }
  return null;
}

/** Whether a refund (or any payment) may be sent to this address on this network. */
export function isValidBitcoinAddress(address: string, network: BitcoinNetwork): boolean {
  return decodeBitcoinAddress(address, network) !== null;
}

/** The output script of an address of this network; throws when the address is not one. */
export function bitcoinAddressScript(address: string, network: BitcoinNetwork): Uint8Array {
  const decoded = decodeBitcoinAddress(address, network);
  if (!decoded) throw new Error(`not a ${network} Bitcoin address`);
  return decoded.script;
}

/** The address an output script pays on this network, or null for a script with no address. */
export function bitcoinScriptAddress(script: Uint8Array, network: BitcoinNetwork): string | null {
  const params = networkParams[network];
  const n = script.length;
  if (
    n === 25 &&
    script[0] === 0x76 &&
    script[1] === 0xa9 &&
    script[2] === 0x14 &&
    script[23] === 0x88 &&
    script[24] === 0xac
  ) {
    return bjsAddress.toBase58Check(script.slice(3, 23), params.pubKeyHash);
  }
  if (n === 23 && script[0] === 0xa9 && script[1] === 0x14 && script[22] === 0x87) {
    return bjsAddress.toBase58Check(script.slice(2, 22), params.scriptHash);
  }
  if (n === 22 && script[0] === 0x00 && script[1] === 0x14)
    return bjsAddress.toBech32(script.slice(2), 0, params.bech32);
  if (n === 34 && script[0] === 0x00 && script[1] === 0x20)
    return bjsAddress.toBech32(script.slice(2), 0, params.bech32);
  if (n === 34 && script[0] === 0x51 && script[1] === 0x20)
    return bjsAddress.toBech32(script.slice(2), 1, params.bech32);
  return null;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error('not hex');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/** Electrum's name for an output script: sha256 of the script, byte order reversed, in hex. */
export function electrumScripthash(script: Uint8Array): string {
  const digest = createHash('sha256').update(script).digest();
  return Buffer.from(digest.reverse()).toString('hex');
}
