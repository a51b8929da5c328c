/**
 * Payment URIs (pure; core and renderer): BIP-21 for Bitcoin (exact decimal BTC from sats, the bech32
 * address upper-cased for QR alphanumeric mode when asked), EIP-681 for the native coin and ERC-20
 * tokens (plain integers of the smallest unit), the address-only fallback, and a parser that reads them
 * all back (amounts exactly, EIP-681's `2.014e18` form included).
 */
export {
  checkBitcoinAddress,
  checkEvmAddress,
  isBech32Address,
  isBitcoinAddress,
  isEvmAddress,
  normalizeBitcoinAddress,
} from './addresses';
export { btcTextToSats, eip681NumberToUnits, maxBitcoinSats, maxUint256, satsToBtcText } from './amounts';
export { bip21Uri, type Bip21Request } from './bip21';
export {
  addressOnlyUri,
  type AddressOnlyRequest,
  checkChainId,
  eip681NativeUri,
  type Eip681NativeRequest,
  eip681TokenUri,
  type Eip681TokenRequest,
  type PaymentScheme,
  plainAddressText,
} from './eip681';
export { type ParsedPaymentUri, parsePaymentUri } from './parse';
