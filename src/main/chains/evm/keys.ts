/**
 * Watch-only EVM keys: an account-level extended public key (m/44'/60'/0', what Ledger Live, Trezor
 * Suite and most HD wallets export as "xpub") and its receive addresses m/44'/60'/0'/0/i.
 * Anything that could spend (an xprv, a 64-hex private key, a seed phrase) is refused with a
 * `ChainKeyError` whose message never repeats the pasted text.
 */
import { HDNodeVoidWallet, HDNodeWallet, Mnemonic, getAddress } from 'ethers';
import { ChainKeyError } from '../errors';

/** The depth of an account-level key: m / 44' / 60' / account'. */
export const evmAccountKeyDepth = 3;
/** Highest receive index handed out (non-hardened child indexes stop at 2^31 − 1). */
export const maxEvmAddressIndex = 0x7fffffff;
const maxKeyTextLength = 1_000;

export interface EvmAccountKey {
  readonly family: 'evm';
  /** The neutered key as `xpub…` (safe to store and show). */
  readonly xpub: string;
  /** The parent fingerprint and depth, as wallets show them. */
  readonly parentFingerprint: string;
  readonly depth: number;
  /** The external chain m/…/0, from which receive addresses are derived. */
  readonly receiveNode: HDNodeVoidWallet;
}

const privateExtendedPrefixes = [
  'xprv',
  'tprv',
  'yprv',
  'zprv',
  'uprv',
  'vprv',
  'Yprv',
  'Zprv',
  'Uprv',
  'Vprv',
];
const bitcoinOnlyPublicPrefixes = ['ypub', 'zpub', 'Ypub', 'Zpub', 'upub', 'vpub', 'Upub', 'Vpub'];

/** Parses what the owner pasted; throws `ChainKeyError` for anything that is not an account xpub. */
export function parseEvmAccountKey(text: string): EvmAccountKey {
  if (typeof text !== 'string') throw new ChainKeyError('not_a_key', 'Paste an extended public key (xpub…).');
  if (text.length > maxKeyTextLength) {
    throw new ChainKeyError('not_a_key', 'That text is far too long to be an extended public key (xpub…).');
  }
  const trimmed = text.trim();
  if (trimmed === '') throw new ChainKeyError('not_a_key', 'Paste an extended public key (xpub…).');
  refuseSecrets(trimmed);
  const prefix = trimmed.slice(0, 4);
  if (bitcoinOnlyPublicPrefixes.includes(prefix)) {
    throw new ChainKeyError(
      'wrong_network',
      `A ${prefix} is a Bitcoin key (SLIP-132); for Ethereum and EVM chains paste the account's xpub (m/44'/60'/0').`,
    );
  }
  if (prefix === 'tpub') {
    throw new ChainKeyError(
      'wrong_network',
      "A tpub is a testnet key; EVM wallets export an xpub for m/44'/60'/0'.",
    );
  }
  if (prefix !== 'xpub') {
    throw new ChainKeyError('not_a_key', 'This is not an extended public key: it should start with "xpub".');
  }
  let node: HDNodeWallet | HDNodeVoidWallet;
  try {
    node = HDNodeWallet.fromExtendedKey(trimmed);
  } catch {
    throw new ChainKeyError(
      'not_a_key',
      'This xpub could not be read (a character is wrong or missing: its checksum does not match).',
    );
  }
  if (!(node instanceof HDNodeVoidWallet)) {
    throw new ChainKeyError(
      'private_key',
      'This is a private key. Paste the extended public key (xpub…), never a private key.',
    );
  }
  if (node.depth !== evmAccountKeyDepth) {
    throw new ChainKeyError(
      'wrong_depth',
      `This xpub is at depth ${node.depth} of its path; paste the account-level key (m/44'/60'/0', depth ${evmAccountKeyDepth}).`,
    );
  }
  return {
    family: 'evm',
    xpub: node.extendedKey,
    parentFingerprint: node.parentFingerprint,
    depth: node.depth,
    receiveNode: node.deriveChild(0),
  };
}

function refuseSecrets(text: string): void {
  if (privateExtendedPrefixes.includes(text.slice(0, 4))) {
    throw new ChainKeyError(
      'private_key',
      'This is an extended private key. Paste the extended public key (xpub…): Tillpoint is watch-only and never takes a private key.',
    );
  }
  if (/^(0x)?[0-9a-fA-F]{64}$/.test(text)) {
    throw new ChainKeyError(
      'private_key',
      'This looks like a private key (64 hex characters). Paste the extended public key (xpub…) instead; do not share a private key.',
    );
  }
  const words = text.toLowerCase().split(/\s+/);
  if (words.length >= 12 && words.length <= 24 && words.every((word) => /^[a-z]+$/.test(word))) {
    // Refused whether or not its checksum is right: it may be a seed with a typo.
    const valid = safeIsMnemonic(words.join(' '));
    throw new ChainKeyError(
      'seed_phrase',
      `This looks like a seed phrase (${words.length} words${valid ? '' : ', maybe with a typo'}). Never type a seed phrase into a till; paste the wallet's extended public key (xpub…).`,
    );
  }
}

function safeIsMnemonic(phrase: string): boolean {
  try {
    return Mnemonic.isValidMnemonic(phrase);
  } catch {
    return false;
  }
}

/** The receive address m/…/0/index as an EIP-55 checksummed address. */
export function deriveEvmAddress(key: EvmAccountKey | string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > maxEvmAddressIndex) {
    throw new ChainKeyError(
      'bad_index',
      `The address index must be a whole number from 0 to ${maxEvmAddressIndex}.`,
    );
  }
  const account = typeof key === 'string' ? parseEvmAccountKey(key) : key;
  return getAddress(account.receiveNode.deriveChild(index).address);
}

/**
 * Whether `address` is a 20-byte hex address; a mixed-case address must carry a correct EIP-55
 * checksum (a typo in one would otherwise go unnoticed), all-lower or all-upper case is accepted.
 */
export function isValidEvmAddress(address: string): boolean {
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address)) return false;
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  try {
    return getAddress(address) === address;
  } catch {
    return false;
  }
}

/** The EIP-55 form of a valid address; throws for an invalid one (see `isValidEvmAddress`). */
export function toChecksumAddress(address: string): string {
  if (!isValidEvmAddress(address)) {
    throw new ChainKeyError('bad_address', 'Not a valid EVM address (or its checksum is wrong).');
  }
  return getAddress(address.toLowerCase());
}
