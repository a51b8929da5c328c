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
  /** A key for another network or family (a testnet key for mainnet, a zpub for EVM, ...). */
  | 'wrong_network'
  /** An extended public key at the wrong depth of its path (EVM: not the account level). */
  | 'wrong_depth'
  /** Bitcoin: a key for a script type Tillpoint does not derive. */
  | 'unsupported_script_type'
  /** Anything else that is not a key at all: a bad checksum, garbage, far too long. */
  | 'not_a_key'
  | 'bad_network'
  /** An address index out of range (0 to 2^31 − 1). */
  | 'bad_index'
  /** An address that is not valid for the network (or whose checksum is wrong). */
  | 'bad_address';

/** Shared by both families (`bitcoin/errors.ts` re-exports it), so the crypto domain needs one `instanceof`. */
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
