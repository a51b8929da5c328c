/**
 * Playwright fixtures: `host` starts the real headless host (`bin/tillpoint.cjs serve`) on a free
 * port with a fresh temp data folder, and stops it after the test; `shot` saves a screenshot
 * under test/e2e/artifacts/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';

export interface RunningHost {
  url: string;
  dataDir: string;
  token: string;
  output: () => string;
}

const root = path.resolve(__dirname, '../..');
export const artifactsDir = path.join(root, 'test/e2e/artifacts');

export async function startHost(options: { demo?: boolean; dataDir?: string } = {}): Promise<{
  host: RunningHost;
  stop: () => Promise<void>;
}> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-e2e-'));
  const args = [
    path.join(root, 'bin/tillpoint.cjs'),
    'serve',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--log-level',
    'warn',
  ];
  if (options.demo) args.push('--demo');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const token = fs.readFileSync(path.join(dataDir, 'host.token'), 'utf8').trim();
  return {
    host: { url, dataDir, token, output: () => output },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ host: RunningHost; consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const { host, stop } = await startHost({ demo: true });
    await use(host);
    await stop();
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect } from '@playwright/test';
