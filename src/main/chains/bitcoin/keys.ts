/**
 * Watch-only Bitcoin account keys: an extended public key as a wallet exports it (xpub, zpub on
 * mainnet; tpub, vpub on testnet, signet and regtest; SLIP-132 version bytes), read into a BIP-32
 * node, and BIP-84 native segwit receive addresses (`<account>/0/i`) derived from it.
 *
 * Anything that could be a secret (an extended private key, a WIF key, 64 hex digits, a seed phrase)
 * is refused with a message that never repeats it, so it is never logged or stored.
 */
import ecc from '@bitcoinerlab/secp256k1';
import { BIP32Factory, type BIP32Interface } from 'bip32';
import { crypto as bjsCrypto, address as bjsAddress } from 'bitcoinjs-lib';
import bs58check from 'bs58check';
import { ChainKeyError } from './errors';
import { bitcoinjsNetwork, isBitcoinNetwork, networkParams, type BitcoinNetwork } from './networks';

const bip32 = BIP32Factory(ecc);

/** Which networks a key serves: mainnet keys, or keys of the test networks (testnet, signet, regtest). */
export type BitcoinKeyNetworkKind = 'mainnet' | 'test';

export interface BitcoinAccountKey {
  /** The form it was pasted in. */
  readonly format: 'xpub' | 'zpub' | 'tpub' | 'vpub';
  readonly networkKind: BitcoinKeyNetworkKind;
  /** The key as given, trimmed (public, safe to store and show). */
  readonly text: string;
  /** The same key with plain BIP-32 version bytes (xpub… / tpub…). */
  readonly normalized: string;
  readonly depth: number;
  /** This key's fingerprint and its parent's, 8 hex digits each (to match a wallet's descriptor). */
  readonly fingerprint: string;
  readonly parentFingerprint: string;
  readonly node: BIP32Interface;
}

interface VersionInfo {
  readonly name: string;
  readonly kind: 'public' | 'private';
  readonly networkKind: BitcoinKeyNetworkKind;
  /** For a public key we take: the format; otherwise the reason it is refused. */
  readonly format?: BitcoinAccountKey['format'];
  readonly unsupported?: 'nested' | 'multisig';
}

/** SLIP-132 version bytes. */
const versions = new Map<number, VersionInfo>([
  [0x0488b21e, { name: 'xpub', kind: 'public', networkKind: 'mainnet', format: 'xpub' }],
  [0x04b24746, { name: 'zpub', kind: 'public', networkKind: 'mainnet', format: 'zpub' }],
  [0x049d7cb2, { name: 'ypub', kind: 'public', networkKind: 'mainnet', unsupported: 'nested' }],
  [0x0295b43f, { name: 'Ypub', kind: 'public', networkKind: 'mainnet', unsupported: 'multisig' }],
  [0x02aa7ed3, { name: 'Zpub', kind: 'public', networkKind: 'mainnet', unsupported: 'multisig' }],
  [0x043587cf, { name: 'tpub', kind: 'public', networkKind: 'test', format: 'tpub' }],
  [0x045f1cf6, { name: 'vpub', kind: 'public', networkKind: 'test', format: 'vpub' }],
  [0x044a5262, { name: 'upub', kind: 'public', networkKind: 'test', unsupported: 'nested' }],
  [0x024289ef, { name: 'Upub', kind: 'public', networkKind: 'test', unsupported: 'multisig' }],
  [0x02575483, { name: 'Vpub', kind: 'public', networkKind: 'test', unsupported: 'multisig' }],
  [0x0488ade4, { name: 'xprv', kind: 'private', networkKind: 'mainnet' }],
  [0x049d7878, { name: 'yprv', kind: 'private', networkKind: 'mainnet' }],
  [0x04b2430c, { name: 'zprv', kind: 'private', networkKind: 'mainnet' }],
  [0x0295b005, { name: 'Yprv', kind: 'private', networkKind: 'mainnet' }],
  [0x02aa7a99, { name: 'Zprv', kind: 'private', networkKind: 'mainnet' }],
  [0x04358394, { name: 'tprv', kind: 'private', networkKind: 'test' }],
  [0x044a4e28, { name: 'uprv', kind: 'private', networkKind: 'test' }],
  [0x045f18bc, { name: 'vprv', kind: 'private', networkKind: 'test' }],
  [0x024285b5, { name: 'Uprv', kind: 'private', networkKind: 'test' }],
  [0x02575048, { name: 'Vprv', kind: 'private', networkKind: 'test' }],
]);

const maxKeyTextLength = 300;

const privateKeyMessage =
  'This is a private key. Tillpoint only watches: paste the extended PUBLIC key of the account ' +
  '(a zpub, or vpub on a test network) from your wallet’s export screen. Nothing was stored.';
const seedPhraseMessage =
  'This looks like a seed phrase. Never type a seed phrase into a till: it gives away the wallet. ' +
  'Paste the account’s extended public key (zpub or vpub) instead. Nothing was stored.';

function networkKindOf(network: BitcoinNetwork): BitcoinKeyNetworkKind {
  return network === 'mainnet' ? 'mainnet' : 'test';
}

function wrongNetwork(info: VersionInfo, network: BitcoinNetwork): ChainKeyError {
  const expected = network === 'mainnet' ? 'a zpub or xpub' : 'a vpub or tpub';
  const what = info.networkKind === 'mainnet' ? 'a mainnet key' : 'a test-network key';
  return new ChainKeyError(
    'wrong_network',
    `This is ${what} (${info.name}), but the chosen network is ${network}: use ${expected} from a ${network} wallet.`,
  );
}

function readUInt32BE(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] ?? 0) * 0x1000000 +
      ((bytes[offset + 1] ?? 0) << 16) +
      ((bytes[offset + 2] ?? 0) << 8) +
      (bytes[offset + 3] ?? 0)) >>>
    0
  );
}

function looksLikeWif(payload: Uint8Array): boolean {
  const version = payload[0];
  if (version !== 0x80 && version !== 0xef) return false;
  return payload.length === 33 || (payload.length === 34 && payload[33] === 0x01);
}

/**
 * Reads an extended public key. With a network, also checks that the key belongs to it (mainnet
 * keys for mainnet; test-network keys for testnet, signet and regtest). Throws `ChainKeyError`.
 */
export function parseBitcoinAccountKey(text: string, network?: BitcoinNetwork): BitcoinAccountKey {
  if (network !== undefined && !isBitcoinNetwork(network)) {
    throw new ChainKeyError(
      'bad_network',
      'Unknown Bitcoin network: choose mainnet, testnet, signet or regtest.',
    );
  }
  if (typeof text !== 'string')
    throw new ChainKeyError('not_a_key', 'Paste an extended public key (zpub or vpub).');
  const trimmed = text.trim();
  if (trimmed.length === 0)
    throw new ChainKeyError('not_a_key', 'Paste an extended public key (zpub or vpub).');
  const words = trimmed.split(/\s+/);
  if (words.length > 1) {
    if (words.length >= 12 && words.every((word) => /^[a-zA-Z]+$/.test(word))) {
      throw new ChainKeyError('seed_phrase', seedPhraseMessage);
    }
    throw new ChainKeyError(
      'not_a_key',
      'An extended public key is one word with no spaces (it starts with zpub, xpub, vpub or tpub). ' +
        'Never type a seed phrase here.',
    );
  }
  if (trimmed.length > maxKeyTextLength) {
    throw new ChainKeyError('not_a_key', 'This is too long to be an extended public key.');
  }
  if (/^(0x)?[0-9a-fA-F]{64}$/.test(trimmed)) {
    throw new ChainKeyError('private_key', privateKeyMessage);
  }
  if (/^[xyztuvXYZTUV]prv/.test(trimmed)) throw new ChainKeyError('private_key', privateKeyMessage);

  const payload = bs58check.decodeUnsafe(trimmed);
  if (!payload) {
    throw new ChainKeyError(
      'not_a_key',
      'This is not an extended public key (the checksum does not match): copy it again from the wallet, whole.',
    );
  }
  if (looksLikeWif(payload)) throw new ChainKeyError('private_key', privateKeyMessage);
  if (payload.length !== 78) {
    throw new ChainKeyError('not_a_key', 'This is not an extended public key (zpub, xpub, vpub or tpub).');
  }
  const info = versions.get(readUInt32BE(payload, 0));
  // Byte 45 is 0x00 before a private key's 32 bytes, 0x02/0x03 before a public key.
  if (info?.kind === 'private' || payload[45] === 0x00)
    throw new ChainKeyError('private_key', privateKeyMessage);
  if (!info)
    throw new ChainKeyError('not_a_key', 'This is not a Bitcoin extended public key (unknown version).');
  if (network !== undefined && networkKindOf(network) !== info.networkKind) throw wrongNetwork(info, network);
  if (info.unsupported === 'nested') {
    throw new ChainKeyError(
      'unsupported_script_type',
      `This is a ${info.name} (nested SegWit, BIP-49). Tillpoint takes native SegWit (BIP-84) accounts: ` +
        'export the zpub (vpub on a test network), or an xpub of a BIP-84 account.',
    );
  }
  if (info.unsupported === 'multisig' || !info.format) {
    throw new ChainKeyError(
      'unsupported_script_type',
      `This is a ${info.name} (a multisig account). Tillpoint takes single-signature native SegWit ` +
        'accounts: a zpub (vpub on a test network), or an xpub of a BIP-84 account.',
    );
  }
  const targetNetwork: BitcoinNetwork = info.networkKind === 'mainnet' ? 'mainnet' : 'testnet';
  const normalizedPayload = Uint8Array.from(payload);
  const plainVersion = networkParams[targetNetwork].bip32Public;
  normalizedPayload[0] = (plainVersion >>> 24) & 0xff;
  normalizedPayload[1] = (plainVersion >>> 16) & 0xff;
  normalizedPayload[2] = (plainVersion >>> 8) & 0xff;
  normalizedPayload[3] = plainVersion & 0xff;
  const normalized = bs58check.encode(normalizedPayload);
  let node: BIP32Interface;
  try {
    node = bip32.fromBase58(normalized, bitcoinjsNetwork(targetNetwork));
  } catch {
    throw new ChainKeyError(
      'not_a_key',
      'This extended public key is damaged (its point is not on the curve).',
    );
  }
  return {
    format: info.format,
    networkKind: info.networkKind,
    text: trimmed,
    normalized,
    depth: node.depth,
    fingerprint: Buffer.from(node.fingerprint).toString('hex'),
    parentFingerprint: node.parentFingerprint.toString(16).padStart(8, '0'),
    node,
  };
}

const receiveChains = new WeakMap<BitcoinAccountKey, BIP32Interface>();
const maxIndex = 0x7fffffff;

function receiveChainOf(key: BitcoinAccountKey): BIP32Interface {
  let chain = receiveChains.get(key);
  if (!chain) {
    chain = key.node.derive(0);
    receiveChains.set(key, chain);
  }
  return chain;
}

/**
 * The BIP-84 receive address `<account>/0/index` (P2WPKH: bc1q…, tb1q…, bcrt1q…). The key may be
 * given as text or as read by `parseBitcoinAccountKey`.
 */
export function deriveBitcoinAddress(
  key: BitcoinAccountKey | string,
  network: BitcoinNetwork,
  index: number,
): string {
  if (!isBitcoinNetwork(network)) {
    throw new ChainKeyError(
      'bad_network',
      'Unknown Bitcoin network: choose mainnet, testnet, signet or regtest.',
    );
  }
  if (!Number.isSafeInteger(index) || index < 0 || index > maxIndex) {
    throw new ChainKeyError('bad_index', `An address index is a whole number from 0 to ${maxIndex}.`);
  }
  const account = typeof key === 'string' ? parseBitcoinAccountKey(key, network) : key;
  if (account.networkKind !== networkKindOf(network)) {
    throw wrongNetwork(
      { name: account.format, kind: 'public', networkKind: account.networkKind, format: account.format },
      network,
    );
  }
  const child = receiveChainOf(account).derive(index);
  const pubkeyHash = bjsCrypto.hash160(child.publicKey);
  return bjsAddress.toBech32(pubkeyHash, 0, networkParams[network].bech32);
}
