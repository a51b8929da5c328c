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
  // One worker: a test keeps both cores of a 2-core machine busy (Chromium's browser, renderer and
  // software compositor, the host), so a second worker made the run longer, not shorter.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    // No trace: recording one (DOM snapshots and a screencast on every action) made the suite half
    // again as long. A failure still leaves its screenshot and the page's ARIA snapshot
    // (error-context.md); `npx playwright test --trace on` records traces when they are wanted.
    trace: 'off',
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
