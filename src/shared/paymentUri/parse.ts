/**
 * Reading a payment URI (or a bare address) back: what a wallet would take from the QR. Used to prove
 * that every URI the till shows says the invoice's address, chain, token and amount, and to read what a
 * customer's wallet shows. Amounts come back exactly, as bigint of the smallest unit.
 */
import { TillpointError } from '../api/errors';
import { isBitcoinAddress, isEvmAddress, normalizeBitcoinAddress } from './addresses';
import { btcTextToSats, eip681NumberToUnits } from './amounts';
import type { PaymentScheme } from './eip681';

export interface ParsedPaymentUri {
  readonly scheme: PaymentScheme;
  /**
   * `bitcoin`: a BIP-21 request or bitcoin address; `native`: an EIP-681 coin payment (or an EVM address);
   * `token`: an EIP-681 ERC-20 `transfer`.
   */
  readonly kind: 'bitcoin' | 'native' | 'token';
  /** `uri` for `bitcoin:` / `ethereum:`, `plain_address` for a bare address. */
  readonly form: 'uri' | 'plain_address';
  /** The recipient: bech32 in lower case, base58 and EVM addresses as written. */
  readonly address: string;
  readonly chainId?: number;
  /** The ERC-20 contract address of a token transfer. */
  readonly token?: string;
  /** Sats for bitcoin, wei for a native coin, token units for a token; absent when the URI names none. */
  readonly amountUnits?: bigint;
  readonly label?: string;
  readonly message?: string;
  /** Every query parameter, decoded (also the ones above). */
  readonly params: Readonly<Record<string, string>>;
}

const maxUriLength = 4096;

function refuse(message: string, reason: string): TillpointError {
  return new TillpointError('bad_input', message, { reason });
}

function parseQuery(query: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  if (query === undefined || query === '') return params;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey);
      value = decodeURIComponent(rawValue);
    } catch {
      throw refuse(`The payment URI has a badly encoded parameter "${part.slice(0, 60)}".`, 'bad_encoding');
    }
    if (Object.hasOwn(params, key)) {
      throw refuse(
        `The payment URI gives "${key.slice(0, 60)}" twice; it is ambiguous.`,
        'duplicate_parameter',
      );
    }
    params[key] = value;
  }
  return params;
}

function parseBitcoin(rest: string): ParsedPaymentUri {
  const q = rest.indexOf('?');
  const rawAddress = q < 0 ? rest : rest.slice(0, q);
  const params = parseQuery(q < 0 ? undefined : rest.slice(q + 1));
  if (!isBitcoinAddress(rawAddress)) {
    throw refuse(`"${rawAddress.slice(0, 100)}" in the bitcoin URI is not a Bitcoin address.`, 'bad_address');
  }
  const required = Object.keys(params).find((key) => key.startsWith('req-'));
  if (required !== undefined) {
    // BIP-21/321: a client that does not implement a req- parameter MUST treat the URI as invalid.
    throw refuse(
      `The bitcoin URI requires "${required.slice(0, 60)}", which this till does not understand.`,
      'required_parameter',
    );
  }
  const amount = params.amount;
  return {
    scheme: 'bitcoin',
    kind: 'bitcoin',
    form: 'uri',
    address: normalizeBitcoinAddress(rawAddress),
    ...(amount !== undefined ? { amountUnits: btcTextToSats(amount) } : {}),
    ...(params.label !== undefined ? { label: params.label } : {}),
    ...(params.message !== undefined ? { message: params.message } : {}),
    params,
  };
}

/** `[pay-]ADDRESS[@CHAINID][/FUNCTION][?QUERY]` after `ethereum:`. */
const eip681Body = /^(?:pay-)?([^@/?]+)(?:@([^/?]*))?(?:\/([^?]*))?(?:\?(.*))?$/s;

function parseEthereum(rest: string): ParsedPaymentUri {
  const match = eip681Body.exec(rest);
  if (!match) throw refuse('The ethereum URI has no target address.', 'bad_address');
  const [, target = '', chainText, functionName, query] = match;
  if (!isEvmAddress(target)) {
    throw refuse(
      `"${target.slice(0, 100)}" in the ethereum URI is not an address (0x and 40 hex digits; ENS names are not read).`,
      'bad_address',
    );
  }
  let chainId: number | undefined;
  if (chainText !== undefined) {
    if (!/^[1-9]\d{0,15}$/.test(chainText) || !Number.isSafeInteger(Number(chainText))) {
      throw refuse(
        `The chain id "${chainText.slice(0, 30)}" in the ethereum URI is not a positive whole number.`,
        'bad_chain_id',
      );
    }
    chainId = Number(chainText);
  }
  const params = parseQuery(query);
  const chain = chainId !== undefined ? { chainId } : {};
  if (functionName === undefined) {
    const value = params.value;
    return {
      scheme: 'ethereum',
      kind: 'native',
      form: 'uri',
      address: target,
      ...chain,
      ...(value !== undefined ? { amountUnits: eip681NumberToUnits(value) } : {}),
      params,
    };
  }
  if (functionName !== 'transfer') {
    throw refuse(
      `The ethereum URI calls "${functionName.slice(0, 40)}"; a payment is a plain transfer or an ERC-20 "transfer".`,
      'unsupported_function',
    );
  }
  const to = params.address;
  if (to === undefined || !isEvmAddress(to)) {
    throw refuse(
      'The token transfer in the ethereum URI has no valid recipient ("address=0x…").',
      'bad_address',
    );
  }
  const units = params.uint256;
  return {
    scheme: 'ethereum',
    kind: 'token',
    form: 'uri',
    address: to,
    token: target,
    ...chain,
    ...(units !== undefined ? { amountUnits: eip681NumberToUnits(units) } : {}),
    params,
  };
}

/**
 * Reads `bitcoin:` (BIP-21/321; the scheme in any case), `ethereum:` (EIP-681, amounts also in the
 * `2.014e18` form wallets write), or a bare Bitcoin or EVM address. Throws `bad_input` with a sentence
 * saying what is wrong.
 */
export function parsePaymentUri(text: string): ParsedPaymentUri {
  if (typeof text !== 'string' || text.length === 0 || text.length > maxUriLength) {
    throw refuse(`A payment URI must be text of 1 to ${maxUriLength} characters.`, 'bad_length');
  }
  const colon = text.indexOf(':');
  if (colon < 0) {
    if (isEvmAddress(text))
      return { scheme: 'ethereum', kind: 'native', form: 'plain_address', address: text, params: {} };
    if (isBitcoinAddress(text)) {
      return {
        scheme: 'bitcoin',
        kind: 'bitcoin',
        form: 'plain_address',
        address: normalizeBitcoinAddress(text),
        params: {},
      };
    }
    throw refuse(`"${text.slice(0, 100)}" is neither a payment URI nor an address.`, 'bad_address');
  }
  const scheme = text.slice(0, colon).toLowerCase();
  let rest = text.slice(colon + 1);
  if (rest.startsWith('//')) rest = rest.slice(2); // `bitcoin://addr`, which some wallets write
  if (scheme === 'bitcoin') return parseBitcoin(rest);
  if (scheme === 'ethereum') return parseEthereum(rest);
  throw refuse(
    `"${text.slice(0, colon).slice(0, 30)}:" is not a payment scheme this till reads (bitcoin:, ethereum:).`,
    'bad_scheme',
  );
}
