/**
 * The one error the Bitcoin chain library throws for bad input (a key, an address, a network): the
 * chain families share it (`../errors`), so the crypto domain needs one `instanceof` for both.
 * Messages never repeat the text they were given: it may be a secret (a private key, a seed phrase).
 */
export * from '../errors';
