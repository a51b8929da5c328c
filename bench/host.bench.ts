/**
 * Host benchmark: cold start of `tillpoint serve` to the first served page, and a `system.health`
 * round trip over HTTP (median of several runs). Baseline, measured in the same run: a bare Node
 * http server process that serves one file (cold start), and a round trip to it.
 * Needs the build (`npm run build`); builds it when missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineFacts, median, nowMs, report, round } from './lib';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const roundTrips = 200;

function ensureBuilt(): void {
  if (
    fs.existsSync(path.join(root, 'out/main/cli.js')) &&
    fs.existsSync(path.join(root, 'out/renderer/index.html'))
  )
    return;
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

interface Started {
  url: string;
  coldStartMs: number;
  stop: () => Promise<void>;
}

/** Starts a process that prints a URL, and times until its first page answers 200. */
async function startAndTime(args: string[], urlPattern: RegExp, firstPath: string): Promise<Started> {
  const started = nowMs();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = urlPattern.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const response = await fetch(url + firstPath);
  await response.text();
  if (response.status !== 200) throw new Error(`first page answered ${response.status}`);
  const coldStartMs = nowMs() - started;
  return {
    url,
    coldStartMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function timeRoundTrips(call: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 20; i += 1) await call(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < roundTrips; i += 1) {
    const t0 = nowMs();
    await call();
    samples.push(nowMs() - t0);
  }
  return median(samples);
}

const baselineServer = `
const http = require('node:http');
const page = '<!doctype html><title>baseline</title>';
const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ data: { status: 'ok' } })); });
    return;
  }
  res.setHeader('content-type', 'text/html'); res.end(page);
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function main(): Promise<void> {
  ensureBuilt();
  const hostCold: number[] = [];
  const baseCold: number[] = [];
  let hostHealthMs = NaN;
  let baseRoundTripMs = NaN;
  for (let run = 0; run < runs; run += 1) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-bench-host-'));
    const host = await startAndTime(
      [
        path.join(root, 'bin/tillpoint.cjs'),
        'serve',
        '--port',
        '0',
        '--data-dir',
        dataDir,
        '--log-level',
        'warn',
      ],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      '/',
    );
    hostCold.push(host.coldStartMs);
    if (run === runs - 1) {
      const token = fs.readFileSync(path.join(dataDir, 'host.token'), 'utf8').trim();
      hostHealthMs = await timeRoundTrips(async () => {
        const response = await fetch(`${host.url}/api/system.health`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: '{}',
        });
        await response.json();
      });
    }
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });

    const base = await startAndTime(['-e', baselineServer], /listening on (http:\/\/127\.0\.0\.1:\d+)/, '/');
    baseCold.push(base.coldStartMs);
    if (run === runs - 1) {
      baseRoundTripMs = await timeRoundTrips(async () => {
        const response = await fetch(`${base.url}/api/x`, { method: 'POST', body: '{}' });
        await response.json();
      });
    }
    await base.stop();
  }
  const coldStartMs = median(hostCold);
  const baselineColdStartMs = median(baseCold);
  const ratio = round(coldStartMs / baselineColdStartMs, 2);
  report({
    name: 'host',
    figures: {
      coldStartToFirstPageMedianMs: round(coldStartMs, 1),
      systemHealthRoundTripMedianMs: round(hostHealthMs, 3),
      runs,
    },
    baseline: {
      bareNodeHttpColdStartMedianMs: round(baselineColdStartMs, 1),
      bareNodeHttpRoundTripMedianMs: round(baseRoundTripMs, 3),
    },
    ratio,
    ratioMeaning: 'host cold start ÷ bare Node http server cold start (lower is better)',
    target: { coldStartMsBelow: 1500, healthRoundTripMsBelow: 5 },
    met: coldStartMs < 1500 && hostHealthMs < 5,
    machine: machineFacts(),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
