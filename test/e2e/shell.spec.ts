import { demoStaff, goTo, loginByPin } from './helpers';
import { expect, shot, test } from './fixtures';

test('the app opens in demo mode, logs in by PIN, and shows every section', async ({
  page,
  host,
  consoleErrors,
}) => {
  await page.goto(host.url);
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
  await shot(page, 'login');
  await loginByPin(page, demoStaff.owner);
  await expect(page.getByText('Demo', { exact: false }).first()).toBeVisible();

  for (const section of [
    'Checkout',
    'Orders',
    'Shift',
    'Products',
    'Customers',
    'Reports',
    'Staff',
    'Settings',
  ]) {
    await goTo(page, section);
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    await shot(page, `section-${section.toLowerCase()}`);
  }
  // Settings shows the core's own facts, not the page's guesses.
  await page.getByRole('tab', { name: 'This till' }).click();
  await expect(page.getByText(host.dataDir)).toBeVisible();
  await shot(page, 'section-settings-this-till');

  await page.emulateMedia({ colorScheme: 'dark' });
  await goTo(page, 'Checkout');
  await shot(page, 'checkout-dark');
  expect(consoleErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
});

test('the page never receives the token in its URL, and the API refuses calls without it', async ({
  page,
  host,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(host.url);
  await expect(page.getByText('Tap your name, then type your PIN.')).toBeVisible();
  expect(requested.some((url) => url.includes(host.token))).toBe(false);
  const status = await page.evaluate(
    async () => (await fetch('/api/system.info', { method: 'POST', body: '{}' })).status,
  );
  expect(status).toBe(401);
});
