/**
 * Splitting an amount into parts without losing or inventing a minor unit (an order discount spread over
 * lines, a bill split between guests, a tax split between rates).
 */
import { TillpointError } from '../api/errors';

/**
 * Splits `amountMinor` in proportion to `weights`; the parts always sum to `amountMinor`.
 *
 * Rounding (largest remainder): each part first gets its exact share rounded toward zero; the units left
 * over go one each to the parts with the largest remainders, ties to the earliest part. So every part
 * differs from its exact share by less than one unit, and a part with weight 0 gets 0. A negative amount
 * is split exactly like its positive mirror, with every part negated.
 */
export function allocate(amountMinor: bigint, weights: readonly bigint[]): bigint[] {
  if (typeof amountMinor !== 'bigint') {
    throw new TillpointError(
      'bad_input',
      `The amount to allocate must be a bigint, got ${typeof amountMinor}.`,
    );
  }
  if (weights.length === 0) {
    throw new TillpointError(
      'bad_input',
      'Cannot allocate an amount over no parts: give at least one weight.',
    );
  }
  let totalWeight = 0n;
  weights.forEach((weight, index) => {
    if (typeof weight !== 'bigint' || weight < 0n) {
      throw new TillpointError(
        'bad_input',
        `Weight ${index} must be a non-negative bigint, got ${String(weight)}.`,
        {
          index,
          weight: String(weight),
        },
      );
    }
    totalWeight += weight;
  });
  if (totalWeight === 0n) {
    throw new TillpointError('bad_input', 'Cannot allocate an amount when every weight is zero.', {
      weights: weights.map(String),
    });
  }

  const negative = amountMinor < 0n;
  const magnitude = negative ? -amountMinor : amountMinor;
  const parts = weights.map((weight) => (magnitude * weight) / totalWeight);
  const remainders = weights.map((weight) => (magnitude * weight) % totalWeight);
  let leftover = magnitude - parts.reduce((sum, part) => sum + part, 0n);

  // Indexes by remainder, largest first; the sort is stable, so equal remainders keep their order.
  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? 0 : ra > rb ? -1 : 1;
  });
  for (const index of order) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return negative ? parts.map((part) => -part) : parts;
}

/** Splits `amountMinor` into `parts` equal shares; the first shares get the leftover units (1000 → 334, 333, 333). */
export function splitEvenly(amountMinor: bigint, parts: number): bigint[] {
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new TillpointError(
      'bad_input',
      `Cannot split into ${String(parts)} parts: give a whole number of at least 1.`,
      {
        parts,
      },
    );
  }
  return allocate(
    amountMinor,
    Array.from({ length: parts }, () => 1n),
  );
}
