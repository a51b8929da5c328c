/**
 * EIP-681 payment requests and the address-only fallback.
 *
 * - native coin: `ethereum:ADDR@CHAINID?value=WEI`
 * - ERC-20:      `ethereum:TOKEN@CHAINID/transfer?address=TO&uint256=UNITS`
 *
 * Amounts are written as plain integers of the smallest unit (wei, token units), never in scientific
 * notation, so a wallet that reads the number naively still gets it exactly. The chain id is always
 * written (also `@1`): EIP-681 makes it optional, but a QR that names its chain is the only way a wallet
 * that honours it can refuse the wrong network. Wallets that ignore it are why the address-only QR exists.
 */
import { TillpointError } from '../api/errors';
import { checkBitcoinAddress, checkEvmAddress, isBech32Address, normalizeBitcoinAddress } from './addresses';
import { maxUint256 } from './amounts';

export interface Eip681NativeRequest {
  /** The receive address. */
  readonly to: string;
  readonly chainId: number;
  readonly valueWei: bigint;
}

export interface Eip681TokenRequest {
  /** The ERC-20 contract address. */
  readonly token: string;
  readonly chainId: number;
  /** The receive address. */
  readonly to: string;
  /** In the token's smallest unit (USDC 6 decimals: `12500000n` is 12.50 USDC). */
  readonly amountUnits: bigint;
}

export function checkChainId(chainId: unknown): number {
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new TillpointError(
      'bad_input',
      `The chain id "${String(chainId)}" must be a positive whole number (1 for Ethereum).`,
      {
        reason: 'bad_chain_id',
      },
    );
  }
  return chainId;
}

function checkUnits(amount: unknown, what: string): bigint {
  if (typeof amount !== 'bigint' || amount <= 0n || amount > maxUint256) {
    throw new TillpointError(
      'bad_input',
      `The ${what} of a payment request must be a positive whole number of the smallest unit.`,
      {
        reason: 'bad_amount',
      },
    );
  }
  return amount;
}

export function eip681NativeUri(request: Eip681NativeRequest): string {
  const to = checkEvmAddress(request.to, 'receive address');
  const chainId = checkChainId(request.chainId);
  const value = checkUnits(request.valueWei, 'value');
  return `ethereum:${to}@${chainId}?value=${value.toString()}`;
}

export function eip681TokenUri(request: Eip681TokenRequest): string {
  const token = checkEvmAddress(request.token, 'token contract address');
  const to = checkEvmAddress(request.to, 'receive address');
  const chainId = checkChainId(request.chainId);
  const units = checkUnits(request.amountUnits, 'amount');
  return `ethereum:${token}@${chainId}/transfer?address=${to}&uint256=${units.toString()}`;
}

export type PaymentScheme = 'bitcoin' | 'ethereum';

export interface AddressOnlyRequest {
  readonly scheme: PaymentScheme;
  readonly address: string;
  /** Bitcoin bech32 only: `BITCOIN:BC1Q…` (see bip21.ts). */
  readonly upperCaseAddress?: boolean;
}

/** `bitcoin:ADDR` or `ethereum:ADDR`: the recipient only, no amount, no chain, no token. */
export function addressOnlyUri(request: AddressOnlyRequest): string {
  if (request.scheme === 'bitcoin') {
    const address = checkBitcoinAddress(request.address);
    return request.upperCaseAddress === true && isBech32Address(address)
      ? `BITCOIN:${address.toUpperCase()}`
      : `bitcoin:${normalizeBitcoinAddress(address)}`;
  }
  if (request.scheme === 'ethereum') return `ethereum:${checkEvmAddress(request.address)}`;
  throw new TillpointError(
    'bad_input',
    `Unknown payment scheme "${String(request.scheme)}" (bitcoin or ethereum).`,
    {
      reason: 'bad_scheme',
    },
  );
}

/**
 * The bare address, the most widely read QR content of all (every wallet's "send" screen takes it);
 * the screen must then show network, token and amount as text, since the QR carries none of them.
 */
export function plainAddressText(request: AddressOnlyRequest): string {
  if (request.scheme === 'bitcoin') {
    const address = checkBitcoinAddress(request.address);
    return request.upperCaseAddress === true && isBech32Address(address)
      ? address.toUpperCase()
      : normalizeBitcoinAddress(address);
  }
  return checkEvmAddress(request.address);
}
