import fs from 'node:fs';
import path from 'node:path';
import { address as bjsAddress, networks } from 'bitcoinjs-lib';
import { describe, expect, it } from 'vitest';
import {
  bitcoinAddressScript,
  bitcoinScriptAddress,
  bytesToHex,
  decodeBitcoinAddress,
  electrumScripthash,
  isValidBitcoinAddress,
} from './addresses';
import { bitcoinExplorerTxUrl, type BitcoinNetwork } from './networks';

const vectors = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../../../../shared/reference/bitcoin/bip84-vectors.json'),
    'utf8',
  ),
) as { receive: Record<string, string>; 'electrum_scripthash_of_0/0': string };

// Public addresses from BIP-173 / BIP-350 and well-known mainnet outputs.
const p2pkh = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
const p2sh = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
const p2wsh = 'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3';
const p2tr = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';
const p2wpkhUpper = 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4';
const testP2wsh = 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7';
const program20 = Uint8Array.from(Buffer.from('751e76e8199196d454941c45d1b3a323f1433bd6', 'hex'));
const testP2wpkh = bjsAddress.toBech32(program20, 0, 'tb');
const testP2tr = 'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c';
const testP2pkh = 'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn';
const regtestP2wpkh = bjsAddress.toBech32(program20, 0, 'bcrt');

describe('isValidBitcoinAddress', () => {
  it.each<[string, string, BitcoinNetwork, boolean]>([
    ['BIP-84 vector', vectors.receive['0/0'] as string, 'mainnet', true],
    ['P2PKH', p2pkh, 'mainnet', true],
    ['P2SH', p2sh, 'mainnet', true],
    ['P2WSH', p2wsh, 'mainnet', true],
    ['P2TR (bech32m)', p2tr, 'mainnet', true],
    ['upper-case bech32', p2wpkhUpper, 'mainnet', true],
    ['mainnet address on testnet', vectors.receive['0/0'] as string, 'testnet', false],
    ['mainnet P2PKH on regtest', p2pkh, 'regtest', false],
    ['testnet bech32 on testnet', testP2wpkh, 'testnet', true],
    ['testnet P2WSH (BIP-173) on testnet', testP2wsh, 'testnet', true],
    ['testnet bech32 on signet', testP2wpkh, 'signet', true],
    ['testnet taproot on signet', testP2tr, 'signet', true],
    ['testnet bech32 on regtest', testP2wpkh, 'regtest', false],
    ['regtest bech32 on regtest', regtestP2wpkh, 'regtest', true],
    ['testnet P2PKH on regtest (same base58 prefixes)', testP2pkh, 'regtest', true],
    ['testnet P2PKH on mainnet', testP2pkh, 'mainnet', false],
    ['mixed case', 'bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'mainnet', false],
    ['a typo (checksum)', 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyv', 'mainnet', false],
    ['v0 with bech32m checksum', 'bc1qw508d6qejxtdg4c5r3zapxrzy0r5tuj7kvlz8n', 'mainnet', false],
    [
      'v1 with bech32 checksum',
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd',
      'mainnet',
      false,
    ],
    ['future segwit version', 'bc1sw50qgdz25j', 'mainnet', false],
    ['empty', '', 'mainnet', false],
    ['garbage', 'not an address', 'mainnet', false],
    [
      'an xpub',
      'xpub6CatWdiZiodmUeTDp8LT5or8nmbKNcuyvz7WyksVFkKB4RHwCD3XyuvPEbvqAQY3rAPshWcMLoP2fMFMKHPJ4ZeZXYVUhLv1VMrjPC7PW6V',
      'mainnet',
      false,
    ],
    ['too long', 'bc1q'.padEnd(200, 'q'), 'mainnet', false],
  ])('%s', (_name, address, network, valid) => {
    expect(isValidBitcoinAddress(address, network)).toBe(valid);
  });
});

describe('scripts', () => {
  it.each([p2pkh, p2sh, p2wsh, p2tr, vectors.receive['0/0'] as string])(
    '%s: script agrees with bitcoinjs-lib and maps back',
    (address) => {
      const script = bitcoinAddressScript(address, 'mainnet');
      if (!address.startsWith('bc1p'))
        expect(bytesToHex(script)).toBe(bytesToHex(bjsAddress.toOutputScript(address, networks.bitcoin)));
      expect(bitcoinScriptAddress(script, 'mainnet')).toBe(address);
    },
  );

  it('the types are told apart', () => {
    expect(decodeBitcoinAddress(p2tr, 'mainnet')?.type).toBe('p2tr');
    expect(decodeBitcoinAddress(p2wsh, 'mainnet')?.type).toBe('p2wsh');
    expect(decodeBitcoinAddress(p2sh, 'mainnet')?.type).toBe('p2sh');
    expect(bitcoinScriptAddress(Uint8Array.from([0x6a, 0x01, 0x00]), 'mainnet')).toBeNull();
  });

  it('the Electrum scripthash of the first BIP-84 address is the reference one', () => {
    const script = bitcoinAddressScript(vectors.receive['0/0'] as string, 'mainnet');
    expect(electrumScripthash(script)).toBe(vectors['electrum_scripthash_of_0/0']);
  });
});

describe('explorer links', () => {
  const txid = 'a'.repeat(64);
  it.each<[BitcoinNetwork, string | null]>([
    ['mainnet', `https://mempool.space/tx/${txid}`],
    ['testnet', `https://mempool.space/testnet/tx/${txid}`],
    ['signet', `https://mempool.space/signet/tx/${txid}`],
    ['regtest', null],
  ])('%s', (network, url) => {
    expect(bitcoinExplorerTxUrl(network, txid.toUpperCase())).toBe(url);
  });
  it('a txid that is not 64 hex digits gets no link', () => {
    expect(bitcoinExplorerTxUrl('mainnet', 'abc')).toBeNull();
    expect(bitcoinExplorerTxUrl('mainnet', `${'a'.repeat(63)}/`)).toBeNull();
  });
});
