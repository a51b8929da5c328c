/**
 * Errors shared by the chain families (Bitcoin, EVM). A key the owner pasted that cannot be used
 * is refused with a `ChainKeyError`: a code the UI can act on and a message for people. Neither
 * ever repeats the text that was pasted, because that text may be a secret (a private key, a seed).
 */
export type ChainKeyErrorCode =
  /** An extended private key (xprv/tprv/...), or a raw 32-byte private key. */
  | 'private_key'
  /** A BIP-39 seed phrase (12 to 24 words). */
  | 'seed_phrase'
  /** An extended public key at the wrong depth of the path (not the account level). */
  | 'wrong_depth'
  /** A key for another network or family (a testnet key for mainnet, a zpub for EVM, ...). */
  | 'wrong_network'
  /** Anything else: not a key at all, a bad checksum, too long. */
  | 'invalid_key';

export class ChainKeyError extends Error {
  override readonly name = 'ChainKeyError';
  constructor(
    readonly code: ChainKeyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isChainKeyError(error: unknown): error is ChainKeyError {
  return error instanceof ChainKeyError;
}
