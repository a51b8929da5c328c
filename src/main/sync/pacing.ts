/**
 * The worker's pacing, as pure rules: how long to wait after a failure (exponential back-off with
 * jitter) and how many rows to send next (a batch size that adapts to how the last one went).
 */

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 250, maxMs: 30_000 };

/**
 * The wait before retry number `failures` (1 = the first retry): base × 2^(failures−1), capped, then
 * "equal jitter": half of it fixed and half drawn at random, so tills that lost the server together do
 * not come back together. `random` is in [0, 1).
 */
export function backoffDelayMs(
  failures: number,
  random: number,
  policy: BackoffPolicy = defaultBackoff,
): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

export interface BatchPolicy {
  readonly minRows: number;
  readonly maxRows: number;
  /** A batch that took longer than this shrinks the next one. */
  readonly slowMs: number;
  /** A full batch that took less than this grows the next one. */
  readonly fastMs: number;
}

export const defaultBatchPolicy: BatchPolicy = { minRows: 50, maxRows: 20_000, slowMs: 5_000, fastMs: 2_000 };

export type BatchOutcome =
  { readonly kind: 'ok'; readonly rows: number; readonly tookMs: number } | { readonly kind: 'failed' };

/** The next batch size: doubled after a fast full batch, halved after a slow one or a failure. */
export function nextBatchSize(
  current: number,
  outcome: BatchOutcome,
  policy: BatchPolicy = defaultBatchPolicy,
): number {
  const clamp = (n: number) => Math.min(policy.maxRows, Math.max(policy.minRows, Math.round(n)));
  if (outcome.kind === 'failed') return clamp(current / 2);
  if (outcome.tookMs > policy.slowMs) return clamp(current / 2);
  if (outcome.rows >= current && outcome.tookMs < policy.fastMs) return clamp(current * 2);
  return clamp(current);
}
