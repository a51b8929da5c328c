/**
 * The one error the Bitcoin chain library throws for bad input (a key, an address, a network),
 * with a code the crypto domain maps to `bad_input`. Messages never repeat the text they were given:
 * it may be a secret (a private key, a seed phrase).
 */
export type ChainKeyErrorCode =
  | 'private_key'
  | 'seed_phrase'
  | 'wrong_network'
  | 'unsupported_script_type'
  | 'not_a_key'
  | 'bad_network'
  | 'bad_index'
  | 'bad_address';

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
