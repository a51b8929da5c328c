/**
 * Settings, in Chromium against the real host: the owner renames the store (the top bar follows
 * once saved), picks a theme for this till (<html data-theme> follows), and a manager finds no
 * Store tab — not among the tabs, and not by its address (/settings/store) either.
 */
import { demoStaff, goTo, loginByPin } from './helpers';
import { expect, shot, test } from './fixtures';

test('the owner renames the store and the top bar shows the new name once saved', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  const topBarName = page.getByRole('banner').locator('.topbar__store');
  await expect(topBarName).toHaveText('Harbor Street Coffee');

  await goTo(page, 'Settings');
  await expect(page.getByRole('tab', { name: 'Store' })).toHaveAttribute('aria-selected', 'true');
  const name = page.getByRole('textbox', { name: 'Store name' });
  await expect(name).toHaveValue('Harbor Street Coffee');
  await name.fill('Harbor Street Coffee & Bakery');
  const status = page
    .getByRole('tabpanel')
    .getByRole('status')
    .filter({ hasText: /change/ });
  await expect(status).toHaveText('1 unsaved change');
  // Not saved yet: the top bar still has the old name.
  await expect(topBarName).toHaveText('Harbor Street Coffee');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(status).toHaveText('All changes saved');
  await expect(topBarName).toHaveText('Harbor Street Coffee & Bakery');
  await shot(page, 'settings-store-renamed');

  // Saved in the core, not only on the page: a reload shows it too.
  await page.reload();
  await expect(page.getByRole('banner').locator('.topbar__store')).toHaveText(
    'Harbor Street Coffee & Bakery',
  );
});

test('the theme chosen in Settings › This till sets data-theme on <html>', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');

  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'This till' }).click();
  const theme = page.getByRole('radiogroup', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('Following this device’s setting: light now.')).toBeVisible();

  await theme.getByRole('radio', { name: 'Dark' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByText('Always dark, whatever the device’s setting.')).toBeVisible();
  await shot(page, 'settings-theme-dark');

  await theme.getByRole('radio', { name: 'Light' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');

  // Back to System on a dark device: the page follows the device.
  await page.emulateMedia({ colorScheme: 'dark' });
  await theme.getByRole('radio', { name: 'System' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByText('Following this device’s setting: dark now.')).toBeVisible();
});

test('a manager sees no Store tab in Settings', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.manager);
  await goTo(page, 'Settings');
  const tabs = page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab');
  await expect(tabs).toHaveText(['Taxes', 'This till', 'Sync']);
  await expect(page.getByRole('textbox', { name: 'Store name' })).toHaveCount(0);
  await shot(page, 'settings-manager');
});

test('a manager who opens the Store tab by its address gets the Taxes tab instead', async ({
  page,
  host,
  consoleErrors,
}) => {
  // A nested address loads the app: the host serves its pages with absolute asset links
  // (src/main/host/pages.ts), then the app opens the first tab the manager may use.
  await page.goto(`${host.url}/settings/store`);
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible({ timeout: 5_000 });
  await loginByPin(page, demoStaff.manager);
  await expect(page).toHaveURL(/\/settings\/store$/);
  await expect(page.getByRole('tab', { name: 'Taxes' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Store name' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
