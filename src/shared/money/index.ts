/**
 * Money: amounts as bigint minor units of an asset with a fixed scale (USD 2, JPY 0, BTC 8, ETH 18,
 * USDC 6, DAI 18, COIN 0). Offers asset scales, parsing what people type, formatting for people, the
 * machine decimal format for CSV, allocation without losing a unit, conversion at a rate (decimal.js),
 * exact rounding (to a unit or a cash increment), and zod schemas for amounts in API contracts.
 * Pure: runs in Node and in the browser.
 */
export { type AssetCode, assetScale, isFiatAsset, isKnownAsset, minorPerUnit } from './assets';
export { allocate, splitEvenly } from './allocate';
export { convert } from './convert';
export { decimalStringToMinor, minorToDecimalString } from './decimalString';
export { formatMoney } from './format';
export { isValidMoneyText, parseMoney, type ParseMoneyOptions, type ParseMoneyRejection } from './parse';
export { divideRounded, type RoundingMode, roundingModes, roundToIncrement } from './rounding';
export {
  amountText,
  type AmountTextOptions,
  amountTooLarge,
  amountTooLargeMessage,
  assetAmountSchema,
  assetCodeSchema,
  fiatAmountSchema,
  maxAnyMinorUnits,
  maxFiatMinorUnits,
  maxMinorUnits,
  minorAmountInputSchema,
  minorAmountSchema,
  type MoneyJson,
  moneySchema,
  nonNegativeMinorAmountSchema,
  positiveFiatAmountSchema,
} from './schemas';
