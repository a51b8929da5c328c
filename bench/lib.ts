/**
 * Shared pieces of the benchmarks: timing, percentiles, the machine's facts, and writing
 * `bench/results/NAME.json`. Each benchmark prints its figures and the ratio to a baseline
 * measured in the same run; never compare against a number from another machine or run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchResult {
  name: string;
  figures: Record<string, number>;
  baseline: Record<string, number>;
  /** figure / baseline for the headline figure (direction explained in `ratioMeaning`). */
  ratio: number;
  ratioMeaning: string;
  target: Record<string, number | string>;
  met: boolean;
  machine: Record<string, string | number>;
}

export function machineFacts(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

/** The p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function writeResult(result: BenchResult): string {
  const dir = path.join(import.meta.dirname ?? __dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.name}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

export function printResult(result: BenchResult): void {
  const lines = [`\n== ${result.name} ==`];
  for (const [key, value] of Object.entries(result.figures)) lines.push(`  ${key.padEnd(32)} ${value}`);
  for (const [key, value] of Object.entries(result.baseline))
    lines.push(`  baseline ${key.padEnd(23)} ${value}`);
  lines.push(`  ratio ${String(result.ratio).padEnd(26)} (${result.ratioMeaning})`);
  lines.push(`  target ${JSON.stringify(result.target)} → ${result.met ? 'met' : 'NOT met'}`);
  console.log(lines.join('\n'));
}

export function report(result: BenchResult): void {
  printResult(result);
  const file = writeResult(result);
  console.log(`  written to ${path.relative(process.cwd(), file)}`);
}

/**
 * The disk's own floor for a durable commit: `count` 8 KiB writes, each followed by fsync, in a
 * temp file under `dir`. A commit with synchronous=FULL cannot be faster than this.
 */
export function measureFsyncMs(dir: string, count = 2_000): { p50: number; p99: number } {
  const file = path.join(dir, 'fsync-probe.bin');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(8192, 7);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const start = nowMs();
      fs.writeSync(fd, block, 0, block.length, (i % 256) * block.length);
      fs.fsyncSync(fd);
      samples.push(nowMs() - start);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  return { p50: round(percentile(samples, 50), 3), p99: round(percentile(samples, 99), 3) };
}
