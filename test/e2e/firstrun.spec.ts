/**
 * The screens a till shows before anyone works on it: the first-run set-up of a real store (no demo
 * data), reached through the one-time login link `tillpoint serve` prints; a link that was already
 * used; and pairing a second device (a tablet) by typing the token.
 */
import { type Browser, type Page } from '@playwright/test';
import { expect, mintLoginLink, type RunningHost, shot, signIn, startHost, test } from './fixtures';

async function withRealStoreHost(run: (host: RunningHost) => Promise<void>): Promise<void> {
  const { host, stop } = await startHost({ demo: false });
  try {
    await run(host);
  } finally {
    await stop();
  }
}

/** A browser that never opened a login link: another device, or another profile. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

test('a new store opens the printed link, sets up its owner, who lands in the app logged in', async ({
  page,
}) => {
  await withRealStoreHost(async (host) => {
    await signIn(page, host.loginLink);
    // The one-time code does not stay in the address bar or the history.
    expect(page.url()).not.toContain('#');
    expect(new URL(page.url()).pathname).not.toBe('/login');
    await expect(page.getByRole('heading', { name: 'Set up this till' })).toBeVisible();
    await shot(page, 'first-run-setup');

    // Bad input first: PINs that differ are refused on the spot, and nothing is created.
    await page.getByRole('textbox', { name: 'Owner’s name' }).fill('Rosa Rivera');
    await page.getByLabel('PIN', { exact: true }).fill('4826');
    await page.getByLabel('PIN again').fill('4827');
    await page.getByRole('button', { name: 'Create owner and start' }).click();
    await expect(page.getByRole('heading', { name: 'Set up this till' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('The two PINs differ. Type the same PIN twice.');

    await page.getByLabel('PIN again').fill('4826');
    await page.getByRole('button', { name: 'Create owner and start' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByText('Rosa Rivera').first()).toBeVisible();
    // A real store is not in demo mode, and has no sample catalog.
    await expect(page.getByText('Demo mode')).toHaveCount(0);
    await shot(page, 'first-run-done');

    // After a reload the till asks for a PIN: set-up happens once.
    await page.evaluate('window.sessionStorage.clear()');
    await page.reload();
    await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
  });
});

test('the printed link works once; `tillpoint login-link` gives a new one', async ({ browser, host }) => {
  // The fixture's page already spent the printed link: opened again, it says so and what to do.
  const page = await freshPage(browser);
  await page.goto(host.loginLink);
  await expect(page.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('tillpoint login-link');
  expect(page.url()).not.toContain('#');

  await signIn(page, mintLoginLink(host));
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
  // The access cookie is not readable by the page.
  expect(await page.evaluate('document.cookie')).toBe('');
  await page.context().close();
});

test('a second device pairs with the till by typing its token', async ({ browser, host }) => {
  const page = await freshPage(browser);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
  await shot(page, 'pair-device');

  // A wrong token does not get in.
  await page
    .getByRole('textbox', { name: 'Pairing token' })
    .fill('not-the-token-not-the-token-not-the-token-x');
  await page.getByRole('button', { name: 'Pair device' }).click();
  await expect(page.getByRole('heading', { name: 'Pair this device' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Pairing token' }).fill(host.token);
  await page.getByRole('button', { name: 'Pair device' }).click();
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
  await page.context().close();
});
