/**
 * Sync end to end, in Chromium against the real host started with `--demo --sync-demo` (PGlite as the
 * central database): the top bar says the till is synced, a sale shows up and is synced again, Settings
 * › Sync shows where it syncs (no password), the counts and Retry now; `/metrics` answers with the
 * host token only. At tablet sizes (800×1280 portrait, 1024×768) its buttons stay in the window, apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { shot, signIn } from './fixtures';
import { demoStaff, goTo, loginByPin } from './helpers';
import { buttonProblems, tabletSizes } from './tabletLayout';

const root = path.resolve(__dirname, '../..');

async function startSyncDemoHost(): Promise<{
  url: string;
  loginLink: string;
  token: string;
  stop(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-e2e-sync-'));
  const args = [path.join(root, 'bin/tillpoint.cjs'), 'serve', '--port', '0', '--data-dir', dataDir];
  const child: ChildProcess = spawn(
    process.execPath,
    [...args, '--log-level', 'warn', '--demo', '--sync-demo'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [url, loginLink] = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 60 s:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const link = /(http:\/\/127\.0\.0\.1:\d+\/login#[A-Za-z0-9_-]+)/.exec(output)?.[1];
      if (listening && link) {
        clearTimeout(timer);
        resolve([listening, link]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const token = fs.readFileSync(path.join(dataDir, 'host.token'), 'utf8').trim();
  return {
    url,
    loginLink,
    token,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const test = base;

type SyncDemoHost = Awaited<ReturnType<typeof startSyncDemoHost>>;

/** Starts the sync demo host, signs the page in as the manager, runs `steps`, then stops the host. */
async function asManagerOnSyncDemo(page: Page, steps: (host: SyncDemoHost) => Promise<void>): Promise<void> {
  const host = await startSyncDemoHost();
  try {
    await signIn(page, host.loginLink);
    await page.goto(host.url);
    await loginByPin(page, demoStaff.manager);
    await steps(host);
  } finally {
    await host.stop();
  }
}

test('the till syncs to its central database and says so', async ({ page, request }) => {
  test.setTimeout(180_000);
  await asManagerOnSyncDemo(page, async (host) => {
    const pill = page.getByRole('group', { name: 'Sync status' });
    await expect(pill.getByText('Synced')).toBeVisible({ timeout: 30_000 });

    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Sync' }).click();
    await expect(page).toHaveURL(/\/settings\/sync$/);
    const panel = page.getByRole('region', { name: 'Sync', exact: true });
    await expect(panel.getByText('Central database', { exact: true })).toBeVisible();
    await expect(panel.getByText(/postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres/)).toBeVisible();
    await expect(panel.getByText(/demo-store \/ till-1/)).toBeVisible();
    await panel.getByRole('button', { name: 'Retry now' }).click();
    await expect(panel.getByText('Synced', { exact: true })).toBeVisible();

    const refused = await request.get(`${host.url}/metrics`);
    expect(refused.status()).toBe(401);
    const metrics = await request.get(`${host.url}/metrics`, {
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(metrics.status()).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/^tillpoint_sync_enabled 1$/m);
    expect(text).toMatch(/^tillpoint_sync_rows_pushed_total [1-9]\d*$/m);
  });
});

test('Settings › Sync holds together on a tablet, portrait and landscape', async ({ page }) => {
  test.setTimeout(120_000);
  await asManagerOnSyncDemo(page, async () => {
    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Sync' }).click();
    const panel = page.getByRole('region', { name: 'Sync', exact: true });
    for (const size of tabletSizes) {
      await page.setViewportSize(size);
      await expect(panel.getByRole('button', { name: 'Retry now' })).toBeInViewport();
      expect(await buttonProblems(page)).toEqual([]);
      await shot(page, `settings-sync-${size.width}x${size.height}`);
    }
  });
});
