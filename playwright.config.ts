import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/browser';

/**
 * End-to-end tests drive the built renderer, served by the real headless host, in the Chromium
 * that scripts/browser.ts finds: TILLPOINT_CHROMIUM, else the system's Chromium or Chrome, else
 * Playwright's own (`npm run test:e2e` installs one first where there is none). Each test file
 * starts its own host on a free port with a fresh data folder (see test/e2e/fixtures.ts).
 */
const browser = findBrowser();
if (browser.kind !== 'found') {
  throw new Error(
    browser.kind === 'broken'
      ? browser.message
      : 'No Chromium or Chrome found for the end-to-end tests: run `npx tsx scripts/find-browser.ts` to install one.',
  );
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: browser.path,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
});
