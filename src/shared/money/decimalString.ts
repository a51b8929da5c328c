/**
 * The machine format of an amount in whole units (`"12.50"` USD, `"-0.000000000000000001"` ETH), as CSV
 * files and exports carry it: an optional `-`, digits, and an optional `.` with at most the asset's scale
 * of digits. No grouping, no symbol, no exponent.
 */
import { TillpointError } from '../api/errors';
import { assetScale } from './assets';

/** `1250n` USD → `"12.50"`; `-5n` BTC → `"-0.00000005"`; `7n` JPY → `"7"`. Always exactly `scale` decimals. */
export function minorToDecimalString(amountMinor: bigint, asset: string): string {
  const scale = assetScale(asset);
  if (typeof amountMinor !== 'bigint') {
    throw new TillpointError(
      'bad_input',
      `Amount must be a bigint of minor units, got ${typeof amountMinor}.`,
      {
        asset,
      },
    );
  }
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString();
  if (scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const machineDecimal = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * `"12.5"` USD → `1250n`; `"-0.00000005"` BTC → `-5n`. Strict: the text must match `-?\d+(\.\d+)?` and have
 * no more decimals than the asset's scale (`"12.345"` USD is refused rather than rounded).
 */
export function decimalStringToMinor(text: string, asset: string): bigint {
  const scale = assetScale(asset);
  const match = typeof text === 'string' ? machineDecimal.exec(text) : null;
  if (!match) {
    throw new TillpointError(
      'bad_input',
      `"${String(text)}" is not a decimal amount: expected digits with an optional "-" and "." (like "12.50").`,
      { text, asset, reason: 'not_a_decimal' },
    );
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > scale) {
    throw new TillpointError(
      'bad_input',
      `"${text}" has ${fraction.length} decimal${fraction.length === 1 ? '' : 's'} but ${asset} has ${scale === 0 ? 'none' : `at most ${scale}`}.`,
      { text, asset, reason: 'too_many_decimals' },
    );
  }
  const magnitude = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign === '-' ? -magnitude : magnitude;
}
