/**
 * Amounts of crypto assets: units (sats, wei, token units) ↔ decimal text, and the amount a customer
 * owes for a fiat amount at a rate. Every rounding rule is written at its call.
 */
import Decimal from 'decimal.js';
import { assetScale } from '../../shared/money';

/** `123450000` units with 8 decimals → `1.2345`. Exact (no rounding). */
export function unitsToDecimal(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? '' : digits.slice(-decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * What the customer owes in the asset for `fiatMinor` of `currency` at `rate` (store-currency units
 * per one whole unit of the asset): rounded UP to the asset's smallest unit (DESIGN.md "Money": the
 * amount a customer owes in crypto is rounded up), so the merchant never receives less than the price.
 */
export function cryptoAmountFor(fiatMinor: bigint, currency: string, rate: string, decimals: number): bigint {
  const fiat = new Decimal(fiatMinor.toString()).div(new Decimal(10).pow(assetScale(currency)));
  const units = fiat.div(new Decimal(rate)).mul(new Decimal(10).pow(decimals));
  return BigInt(units.toDecimalPlaces(0, Decimal.ROUND_UP).toFixed(0));
}

/**
 * The rate an invoice locks: the market rate less the store's spread, rate ÷ (1 + spreadBp / 10,000),
 * rounded DOWN to 10 significant digits (a lower rate asks for more units: the spread is the
 * merchant's, never given away by rounding). 0 bp: the rate as quoted.
 */
export function rateWithSpread(rate: string, spreadBp: number): string {
  if (spreadBp === 0) return rate;
  const divided = new Decimal(rate).div(new Decimal(10_000 + spreadBp).div(10_000));
  return divided.toSignificantDigits(10, Decimal.ROUND_DOWN).toFixed();
}

/**
 * What crypto units are worth in the store currency at a rate: rounded DOWN to the minor unit (what
 * a refund of overpaid units is shown as; never more than the units are worth).
 */
export function fiatValueOfUnits(units: bigint, decimals: number, currency: string, rate: string): bigint {
  const whole = new Decimal(units.toString()).div(new Decimal(10).pow(decimals));
  const minor = whole.mul(new Decimal(rate)).mul(new Decimal(10).pow(assetScale(currency)));
  return BigInt(minor.toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed(0));
}

/**
 * Units of the asset for a fiat share of what an invoice collected (an order refund): proportional to
 * the units the invoice asked for, rounded UP (the customer's favour).
 */
export function unitsForFiatShare(shareMinor: bigint, fiatMinor: bigint, amountUnits: bigint): bigint {
  if (fiatMinor <= 0n) return 0n;
  return (shareMinor * amountUnits + fiatMinor - 1n) / fiatMinor;
}
