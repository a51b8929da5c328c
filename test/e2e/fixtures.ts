/**
 * Playwright fixtures: `host` starts the real headless host (`bin/tillpoint.cjs serve`) on a free
 * port with a fresh temp data folder, signs the test's browser in the way a person does (it opens
 * the one-time login link the host printed), and stops the host after the test; `shot` saves a
 * screenshot under test/e2e/artifacts/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';

export interface RunningHost {
  url: string;
  dataDir: string;
  token: string;
  /** The one-time link `tillpoint serve` printed: `http://127.0.0.1:PORT/login#CODE`. */
  loginLink: string;
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
  const [url, loginLink] = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const link = /(http:\/\/127\.0\.0\.1:\d+\/login#[A-Za-z0-9_-]+)/.exec(output)?.[1];
      if (listening && link) {
        clearTimeout(timer);
        resolve([listening, link]);
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
    host: { url, dataDir, token, loginLink, output: () => output },
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

/** A fresh one-time link for a running host, as `tillpoint login-link` prints it. */
export function mintLoginLink(host: RunningHost): string {
  const printed = execFileSync(
    process.execPath,
    [path.join(root, 'bin/tillpoint.cjs'), 'login-link', '--data-dir', host.dataDir],
    { encoding: 'utf8' },
  );
  const link = /(http:\/\/\S+\/login#[A-Za-z0-9_-]+)/.exec(printed)?.[1];
  if (!link) throw new Error(`tillpoint login-link printed no link:\n${printed}`);
  return link;
}

/**
 * Opens a login link in the page, as the till's user does, and waits until the host has set the
 * access cookie; the page is then at `/`, the code gone from its address.
 */
export async function signIn(page: Page, link: string): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/auth/login')),
    page.goto(link),
  ]);
  if (response.status() !== 204) {
    throw new Error(`The login link was refused (${response.status()}): ${await response.text()}`);
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

export const test = base.extend<{ host: RunningHost; consoleErrors: string[] }>({
  host: async ({ page }, use) => {
    const { host, stop } = await startHost({ demo: true });
    await signIn(page, host.loginLink);
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
