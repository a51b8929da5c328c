/**
 * Address shapes for payment URIs: a format check only (the crypto domain derives and validates addresses
 * with their checksums); enough to build a URI that parses back and to refuse text that is no address.
 */
import { TillpointError } from '../api/errors';

/** Bech32 / bech32m segwit addresses (mainnet `bc1`, testnet and signet `tb1`, regtest `bcrt1`). */
const bech32Address = /^(bc|tb|bcrt)1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{8,87}$/;
/** Legacy base58 addresses (P2PKH `1…`, P2SH `3…`, testnet `m…`/`n…`/`2…`). Case-sensitive. */
const base58Address = /^[123mn][1-9A-HJ-NP-Za-km-z]{25,34}$/;
/** An EVM address: 0x and 40 hex digits, any case (EIP-55 checksum case kept as given). */
const evmAddress = /^0x[0-9a-fA-F]{40}$/;

/**
 * Whether `address` is a bech32 address in one case. BIP-173: decoders accept all-lower or all-upper,
 * never mixed; only such an address may be upper-cased (a base58 address would become another one).
 */
export function isBech32Address(address: string): boolean {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  return bech32Address.test(address.toLowerCase());
}

export function isBitcoinAddress(address: string): boolean {
  return isBech32Address(address) || base58Address.test(address);
}

export function isEvmAddress(address: string): boolean {
  return evmAddress.test(address);
}

/** The address as wallets compare it: bech32 in lower case, base58 as it is. */
export function normalizeBitcoinAddress(address: string): string {
  return isBech32Address(address) ? address.toLowerCase() : address;
}

export function checkBitcoinAddress(address: unknown): string {
  if (typeof address !== 'string' || !isBitcoinAddress(address)) {
    throw new TillpointError(
      'bad_input',
      `"${String(address).slice(0, 100)}" is not a Bitcoin address (bc1…, tb1…, bcrt1…, 1…, 3…, m…, n…, 2…).`,
      { reason: 'bad_address' },
    );
  }
  return address;
}

export function checkEvmAddress(address: unknown, what = 'address'): string {
  if (typeof address !== 'string' || !isEvmAddress(address)) {
    throw new TillpointError(
      'bad_input',
      `The ${what} "${String(address).slice(0, 100)}" is not an EVM address (0x and 40 hex digits).`,
      { reason: 'bad_address' },
    );
  }
  return address;
}
