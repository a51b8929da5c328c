/**
 * Exact amount text for payment URIs, with bigint arithmetic only (no float, no rounding anywhere):
 * BIP-21 amounts are decimal BTC (`0.00123456`), EIP-681 numbers are integers of the smallest unit that
 * wallets may write in scientific form (`2.014e18`).
 */
import { TillpointError } from '../api/errors';

const satsPerBtc = 100_000_000n;
/** No payment request asks for more bitcoin than will ever exist. */
export const maxBitcoinSats = 21_000_000n * satsPerBtc;
/** The largest value an EIP-681 number may carry: a uint256. */
export const maxUint256 = 2n ** 256n - 1n;

function badAmount(message: string, details: Record<string, unknown>): TillpointError {
  return new TillpointError('bad_input', message, details);
}

/** `123456n` → `"0.00123456"`, `2030000000n` → `"20.3"`, `100000000n` → `"1"`: exact, trailing zeros trimmed. */
export function satsToBtcText(amountSats: bigint): string {
  if (typeof amountSats !== 'bigint' || amountSats < 0n) {
    throw badAmount(`A bitcoin amount must be a non-negative bigint of sats, got ${String(amountSats)}.`, {
      reason: 'bad_amount',
    });
  }
  const whole = amountSats / satsPerBtc;
  const fraction = (amountSats % satsPerBtc).toString().padStart(8, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

const btcAmountText = /^(\d*)(?:\.(\d*))?$/;

/**
 * The `amount=` of a BIP-21 URI (decimal BTC, `*digit ["." *digit]`) in sats, exactly. Refuses commas,
 * signs, exponents, more than 8 decimals (no such amount can be paid) and more than 21 million BTC.
 */
export function btcTextToSats(text: string): bigint {
  const match = text.length <= 40 ? btcAmountText.exec(text) : null;
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole.length + fraction.length === 0) {
    throw badAmount(
      `The bitcoin amount "${text.slice(0, 40)}" is not a decimal number of BTC like "0.00123".`,
      {
        reason: 'bad_amount',
      },
    );
  }
  if (fraction.length > 8) {
    throw badAmount(`The bitcoin amount "${text}" has more than 8 decimals (1 sat is 0.00000001 BTC).`, {
      reason: 'too_many_decimals',
    });
  }
  const sats = BigInt(whole || '0') * satsPerBtc + BigInt(fraction.padEnd(8, '0'));
  if (sats > maxBitcoinSats) {
    throw badAmount(`The bitcoin amount "${text}" is more than 21 million BTC.`, {
      reason: 'amount_too_large',
    });
  }
  return sats;
}

/** EIP-681 `number = ["-" / "+"] *DIGIT ["." 1*DIGIT] [("e" / "E") [1*DIGIT]]`; we refuse a sign. */
const eip681Number = /^(\d*)(?:\.(\d+))?(?:[eE](\d*))?$/;

/**
 * An EIP-681 `value=` or `uint256=` (`1000`, `2.014e18`, `1E6`) as an exact bigint of the smallest unit.
 * Refuses negatives, a result with a fraction (`1.5` wei cannot be paid), and anything above a uint256.
 */
export function eip681NumberToUnits(text: string): bigint {
  const match = text.length <= 100 ? eip681Number.exec(text) : null;
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole.length + fraction.length === 0) {
    throw badAmount(
      `"${text.slice(0, 100)}" is not an amount: expected an integer like "1000" or "2.014e18".`,
      {
        reason: 'bad_amount',
      },
    );
  }
  // An empty exponent ("1e") reads as 10^0, as the grammar allows it.
  const exponent = match[3] === undefined || match[3] === '' ? 0 : Number(match[3]);
  if (!Number.isSafeInteger(exponent) || exponent > 90) {
    throw badAmount(`The amount "${text}" is larger than any token amount (exponent above 90).`, {
      reason: 'amount_too_large',
    });
  }
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const shift = exponent - fraction.length;
  let units: bigint;
  if (shift >= 0) {
    units = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const value = BigInt(digits);
    if (value % divisor !== 0n) {
      throw badAmount(
        `The amount "${text}" is not a whole number of the smallest unit (wei or token units) and cannot be paid.`,
        { reason: 'fractional_units' },
      );
    }
    units = value / divisor;
  }
  if (units > maxUint256) {
    throw badAmount(`The amount "${text}" is larger than a uint256.`, { reason: 'amount_too_large' });
  }
  return units;
}
