import fs from 'node:fs';
import path from 'node:path';
import ecc from '@bitcoinerlab/secp256k1';
import { BIP32Factory } from 'bip32';
import bs58check from 'bs58check';
import { address as bjsAddress } from 'bitcoinjs-lib';
import { describe, expect, it } from 'vitest';
import { ChainKeyError } from './errors';
import { deriveBitcoinAddress, parseBitcoinAccountKey } from './keys';
import { type BitcoinNetwork } from './networks';

interface Vectors {
  mnemonic: string;
  zpub: string;
  xpub_same_key: string;
  receive: Record<string, string>;
  change: Record<string, string>;
  slip132_version_bytes: Record<string, string>;
}

const vectors = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../../../../shared/reference/bitcoin/bip84-vectors.json'),
    'utf8',
  ),
) as Vectors;

const bip32 = BIP32Factory(ecc);
const seed = Buffer.alloc(32, 7);
const root = bip32.fromSeed(seed);
const account = root.derivePath("m/84'/0'/0'");

function withVersion(base58: string, version: number): string {
  const payload = Uint8Array.from(bs58check.decode(base58));
  payload[0] = (version >>> 24) & 0xff;
  payload[1] = (version >>> 16) & 0xff;
  payload[2] = (version >>> 8) & 0xff;
  payload[3] = version & 0xff;
  return bs58check.encode(payload);
}

/** The same witness program under another network's prefix (re-encoded by bitcoinjs-lib). */
function sameProgram(address: string, prefix: string): string {
  const decoded = bjsAddress.fromBech32(address);
  return bjsAddress.toBech32(decoded.data, decoded.version, prefix);
}

const xprv = account.toBase58();
const xpub = account.neutered().toBase58();
const secretTexts = {
  xprv,
  yprv: withVersion(xprv, 0x049d7878),
  zprv: withVersion(xprv, 0x04b2430c),
  tprv: withVersion(xprv, 0x04358394),
  uprv: withVersion(xprv, 0x044a4e28),
  vprv: withVersion(xprv, 0x045f18bc),
  'wif (compressed, mainnet)': bs58check.encode(Uint8Array.from([0x80, ...account.privateKey!, 0x01])),
  'wif (uncompressed, testnet)': bs58check.encode(Uint8Array.from([0xef, ...account.privateKey!])),
  '64 hex': Buffer.from(account.privateKey!).toString('hex'),
  '0x + 64 hex': `0x${Buffer.from(account.privateKey!).toString('hex')}`,
  'xprv with a broken checksum': `${xprv.slice(0, -1)}${xprv.endsWith('a') ? 'b' : 'a'}`,
  'private key under a public version': withVersion(xprv, 0x0488b21e),
};

function refusal(text: string, network?: BitcoinNetwork): ChainKeyError {
  try {
    parseBitcoinAccountKey(text, network);
  } catch (error) {
    expect(error).toBeInstanceOf(ChainKeyError);
    return error as ChainKeyError;
  }
  throw new Error('the key was accepted');
}

describe('BIP-84 vectors', () => {
  it('the zpub gives every receive address of the vectors', () => {
    const key = parseBitcoinAccountKey(vectors.zpub, 'mainnet');
    expect(key.format).toBe('zpub');
    expect(key.depth).toBe(3);
    expect(key.normalized).toBe(vectors.xpub_same_key);
    for (const [pathText, address] of Object.entries(vectors.receive)) {
      const index = Number(pathText.split('/')[1]);
      expect(deriveBitcoinAddress(key, 'mainnet', index)).toBe(address);
    }
    expect(deriveBitcoinAddress(vectors.zpub, 'mainnet', 0)).toBe(
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    );
  });

  it('the xpub of the same key gives the same addresses (an xpub used as BIP-84)', () => {
    const key = parseBitcoinAccountKey(vectors.xpub_same_key);
    expect(key.format).toBe('xpub');
    for (const [pathText, address] of Object.entries(vectors.receive)) {
      expect(deriveBitcoinAddress(key, 'mainnet', Number(pathText.split('/')[1]))).toBe(address);
    }
  });

  it('the change address of the vectors comes from the same node (…/1/0)', () => {
    const key = parseBitcoinAccountKey(vectors.zpub);
    const change = key.node.derive(1).derive(0);
    expect(change.publicKey.length).toBe(33);
    expect(Object.values(vectors.change)[0]).toMatch(/^bc1q/);
  });

  it('the SLIP-132 version bytes are the ones of the reference', () => {
    for (const [name, hex] of Object.entries(vectors.slip132_version_bytes)) {
      const text = withVersion(vectors.xpub_same_key, Number.parseInt(hex, 16));
      expect(text.startsWith(name)).toBe(true);
      const network: BitcoinNetwork = name === 'xpub' || name === 'zpub' ? 'mainnet' : 'testnet';
      expect(parseBitcoinAccountKey(text, network).format).toBe(name);
    }
  });

  it('a vpub or tpub gives tb1 addresses on testnet and signet, bcrt1 on regtest, same programs', () => {
    const first = vectors.receive['0/0'] as string;
    const vpub = withVersion(vectors.zpub, 0x045f1cf6);
    const tpub = withVersion(vectors.zpub, 0x043587cf);
    for (const text of [vpub, tpub]) {
      const key = parseBitcoinAccountKey(text, 'testnet');
      expect(key.normalized.startsWith('tpub')).toBe(true);
      expect(deriveBitcoinAddress(key, 'testnet', 0)).toBe(sameProgram(first, 'tb'));
      expect(deriveBitcoinAddress(key, 'signet', 0)).toBe(sameProgram(first, 'tb'));
      expect(deriveBitcoinAddress(key, 'regtest', 0)).toBe(sameProgram(first, 'bcrt'));
    }
  });

  it('keys generated here derive as bip32 does (…/0/i)', () => {
    const key = parseBitcoinAccountKey(xpub, 'mainnet');
    expect(key.fingerprint).toBe(Buffer.from(account.fingerprint).toString('hex'));
    for (const index of [0, 1, 19, 20, 1000]) {
      expect(deriveBitcoinAddress(key, 'mainnet', index)).toMatch(/^bc1q[0-9a-z]{38}$/);
    }
    expect(deriveBitcoinAddress(key, 'mainnet', 5)).not.toBe(deriveBitcoinAddress(key, 'mainnet', 6));
  });
});

describe('refusals', () => {
  it.each(Object.entries(secretTexts))('%s is refused as a private key, never echoed', (_name, text) => {
    const error = refusal(text);
    expect(error.code).toBe('private_key');
    expect(error.message).not.toContain(text);
    expect(error.message).not.toContain(text.slice(4, 20));
  });

  it.each([12, 15, 18, 24])('a seed phrase of %i words is refused, never echoed', (count) => {
    const words = vectors.mnemonic.split(' ');
    const phrase = Array.from({ length: count }, (_, i) => words[i % words.length]).join(' ');
    const error = refusal(phrase);
    expect(error.code).toBe('seed_phrase');
    expect(error.message).not.toContain('abandon');
    expect(error.message).toMatch(/seed phrase/);
  });

  it('the reference mnemonic with extra spaces and new lines is still a seed phrase', () => {
    expect(refusal(`  ${vectors.mnemonic.replaceAll(' ', '\n ')}  `).code).toBe('seed_phrase');
  });

  it.each<[string, string, BitcoinNetwork | undefined, string]>([
    ['a zpub for testnet', vectors.zpub, 'testnet', 'wrong_network'],
    ['an xpub for regtest', vectors.xpub_same_key, 'regtest', 'wrong_network'],
    ['a vpub for mainnet', withVersion(vectors.zpub, 0x045f1cf6), 'mainnet', 'wrong_network'],
    ['a tpub for mainnet', withVersion(vectors.zpub, 0x043587cf), 'mainnet', 'wrong_network'],
    ['a ypub', withVersion(vectors.zpub, 0x049d7cb2), 'mainnet', 'unsupported_script_type'],
    ['a upub', withVersion(vectors.zpub, 0x044a5262), 'testnet', 'unsupported_script_type'],
    ['a Zpub (multisig)', withVersion(vectors.zpub, 0x02aa7ed3), 'mainnet', 'unsupported_script_type'],
    ['garbage', 'hello', undefined, 'not_a_key'],
    ['an empty string', '   ', undefined, 'not_a_key'],
    ['a zpub with a typo', `${vectors.zpub.slice(0, 20)}X${vectors.zpub.slice(21)}`, 'mainnet', 'not_a_key'],
    ['a bitcoin address', 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', 'mainnet', 'not_a_key'],
    ['two words', 'zpub hello', undefined, 'not_a_key'],
    ['a huge paste', 'x'.repeat(10_000), undefined, 'not_a_key'],
    ['an unknown version', withVersion(vectors.zpub, 0x01020304), undefined, 'not_a_key'],
  ])('%s is refused', (_name, text, network, code) => {
    const error = refusal(text, network);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    if (text.length > 20) expect(error.message).not.toContain(text);
  });

  it('a ypub is told what to export instead', () => {
    expect(refusal(withVersion(vectors.zpub, 0x049d7cb2)).message).toMatch(/zpub.*xpub of a BIP-84 account/);
  });

  it('a key of the other network names the network chosen', () => {
    expect(refusal(vectors.zpub, 'signet').message).toMatch(/mainnet key \(zpub\).*signet.*vpub or tpub/);
  });

  it('derivation checks the network and the index', () => {
    const key = parseBitcoinAccountKey(vectors.zpub);
    expect(() => deriveBitcoinAddress(key, 'testnet', 0)).toThrow(ChainKeyError);
    expect(() => deriveBitcoinAddress(key, 'mainnet', -1)).toThrow(/whole number/);
    expect(() => deriveBitcoinAddress(key, 'mainnet', 2 ** 31)).toThrow(ChainKeyError);
    expect(() => deriveBitcoinAddress(key, 'mainnet', 1.5)).toThrow(ChainKeyError);
    expect(() => deriveBitcoinAddress(key, 'dogecoin' as BitcoinNetwork, 0)).toThrow(
      /Unknown Bitcoin network/,
    );
  });
});
