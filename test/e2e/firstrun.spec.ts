/**
 * The two screens a till shows before anyone works on it: the first-run set-up of a real store
 * (no demo data), and pairing a second device (a tablet) that cannot take the token from the till's
 * own bootstrap.
 */
import { type Page } from '@playwright/test';
import { expect, shot, startHost, test } from './fixtures';

async function withRealStoreHost(run: (url: string, token: string) => Promise<void>): Promise<void> {
  const { host, stop } = await startHost({ demo: false });
  try {
    await run(host.url, host.token);
  } finally {
    await stop();
  }
}

test('a new store sets up its owner, who lands in the app logged in', async ({ page }) => {
  await withRealStoreHost(async (url) => {
    await page.goto(url);
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

async function actAsTablet(page: Page): Promise<void> {
  // A tablet on the shop's network is not the till itself: the host's bootstrap refuses it (the host's
  // own tests check that refusal for foreign Host headers); here the page sees that same answer.
  await page.route('**/bootstrap', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'forbidden', message: 'pair', details: { pairingRequired: true } },
      }),
    }),
  );
}

test('a second device pairs with the till by typing its token', async ({ page, host }) => {
  await actAsTablet(page);
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
});
