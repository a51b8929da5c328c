import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultBatchPolicy, nextBatchSize } from './pacing';

describe('back-off with jitter', () => {
  it.each([
    { failures: 0, random: 0.5, ms: 0 },
    { failures: 1, random: 0, ms: 125 },
    { failures: 1, random: 0.999999, ms: 250 },
    { failures: 2, random: 0, ms: 250 },
    { failures: 3, random: 0.5, ms: 750 },
    { failures: 20, random: 0, ms: 15_000 },
    { failures: 20, random: 1, ms: 30_000 },
    { failures: 10_000, random: 0.5, ms: 22_500 },
    { failures: 1, random: -3, ms: 125 },
  ])('failure $failures, random $random → $ms ms', ({ failures, random, ms }) => {
    expect(backoffDelayMs(failures, random)).toBe(ms);
  });
});

describe('adaptive batch size', () => {
  it.each([
    { current: 500, outcome: { kind: 'ok', rows: 500, tookMs: 100 } as const, next: 1000 },
    { current: 500, outcome: { kind: 'ok', rows: 20, tookMs: 10 } as const, next: 500 },
    { current: 500, outcome: { kind: 'ok', rows: 500, tookMs: 3_000 } as const, next: 500 },
    { current: 500, outcome: { kind: 'ok', rows: 500, tookMs: 6_000 } as const, next: 250 },
    { current: 500, outcome: { kind: 'failed' } as const, next: 250 },
    { current: 60, outcome: { kind: 'failed' } as const, next: defaultBatchPolicy.minRows },
    {
      current: 10_000,
      outcome: { kind: 'ok', rows: 10_000, tookMs: 1 } as const,
      next: defaultBatchPolicy.maxRows,
    },
  ])('$current rows, $outcome.kind → $next', ({ current, outcome, next }) => {
    expect(nextBatchSize(current, outcome)).toBe(next);
  });
});
