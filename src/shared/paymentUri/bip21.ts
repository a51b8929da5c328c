/**
 * BIP-21 / BIP-321 payment URIs: `bitcoin:ADDRESS?amount=0.00123456&label=…&message=…`.
 *
 * Upper case (a store setting, off by default): BIP-173 says QR codes SHOULD carry bech32 addresses in
 * upper case, because QR's alphanumeric mode (0-9, A-Z, space, `$%*+-./:`) packs them 45% tighter than
 * byte mode. We then write the scheme in upper case as well (`BITCOIN:BC1Q…`) so the whole prefix up to
 * `?` is one alphanumeric segment; BIP-321 makes the scheme case-insensitive ("implementations must
 * accept any combination"), and RFC 3986 does too. The query keys (`amount`, `label`) stay lower case:
 * they are case-sensitive. Some older wallets refused an upper-case URI, which is why it is a setting.
 * A base58 address (1…, 3…) is case-sensitive and is never upper-cased; the scheme then stays lower.
 */
import { isWellFormedText } from '../api/bounds';
import { TillpointError } from '../api/errors';
import { checkBitcoinAddress, isBech32Address, normalizeBitcoinAddress } from './addresses';
import { maxBitcoinSats, satsToBtcText } from './amounts';

export interface Bip21Request {
  readonly address: string;
  /** What the customer owes, in sats (already rounded up by the rate rules); omitted: no amount. */
  readonly amountSats?: bigint;
  readonly label?: string;
  readonly message?: string;
  /** `BITCOIN:BC1Q…` for a compact QR (bech32 addresses only; see the top of this file). */
  readonly upperCaseAddress?: boolean;
}

const maxTextLength = 200;

function checkText(name: string, value: string | undefined): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.length > maxTextLength || !isWellFormedText(value)) {
    throw new TillpointError(
      'bad_input',
      `The ${name} of a payment request must be text of at most ${maxTextLength} characters.`,
      {
        reason: `bad_${name}`,
      },
    );
  }
}

/** Query-component encoding: UTF-8 percent-encoded (RFC 3986), a space as `%20`, never `+`. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value);
}

export function bip21Uri(request: Bip21Request): string {
  const address = checkBitcoinAddress(request.address);
  const { amountSats, label, message } = request;
  if (
    amountSats !== undefined &&
    (typeof amountSats !== 'bigint' || amountSats <= 0n || amountSats > maxBitcoinSats)
  ) {
    throw new TillpointError(
      'bad_input',
      'The amount of a bitcoin payment request must be between 1 sat and 21 million BTC.',
      {
        reason: 'bad_amount',
      },
    );
  }
  checkText('label', label);
  checkText('message', message);
  const upper = request.upperCaseAddress === true && isBech32Address(address);
  const params: string[] = [];
  if (amountSats !== undefined) params.push(`amount=${satsToBtcText(amountSats)}`);
  if (label !== undefined && label !== '') params.push(`label=${encodeQueryValue(label)}`);
  if (message !== undefined && message !== '') params.push(`message=${encodeQueryValue(message)}`);
  const head = upper ? `BITCOIN:${address.toUpperCase()}` : `bitcoin:${normalizeBitcoinAddress(address)}`;
  return params.length === 0 ? head : `${head}?${params.join('&')}`;
}
