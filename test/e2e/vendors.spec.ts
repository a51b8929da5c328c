/**
 * Revenue splits end to end, in Chromium against the real host (demo store): the owner adds a vendor
 * with a 70 % share and makes the Granola Bar theirs; a sale of two bars (2 × 2.50 net) credits the
 * vendor 70 % of 5.00 = 3.50; the statement shows it; a bank-transfer payout of 3.50 leaves nothing
 * owed, and a payout beyond what is owed is refused with the core's words.
 */
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

async function openVendor(page: Page, name: string): Promise<void> {
  await goTo(page, 'Customers');
  await page.getByRole('radio', { name: 'Vendors' }).click();
  await page
    .getByRole('list', { name: 'Vendors' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('a vendor’s product sold, their share on the statement, and paid out', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await openShiftWithFloat(page, '100.00');

  await goTo(page, 'Customers');
  await page.getByRole('radio', { name: 'Vendors' }).click();
  await page.getByLabel('New vendor').fill('Luna Granola Co.');
  await page.getByLabel('Vendor share %').fill('70');
  await page.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { name: 'Luna Granola Co.' })).toBeVisible();
  await page.getByLabel('Product (name or SKU)').fill('Granola Bar');
  await page.getByRole('button', { name: 'Make it theirs' }).click();
  await expect(page.getByText('Granola Bar now belongs to Luna Granola Co.')).toBeVisible();
  await expect(page.getByTestId('vendor-owed')).toHaveText('$0.00');

  // Two bars sold for cash.
  await goTo(page, 'Checkout');
  const bar = page.getByRole('button', { name: /^Granola Bar\b/ }).first();
  await bar.click();
  await bar.click();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('10');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await page.getByRole('button', { name: 'New sale' }).click();

  // Their share: 70 % of 5.00.
  await openVendor(page, 'Luna Granola Co.');
  await expect(page.getByTestId('vendor-owed')).toHaveText('$3.50');
  await expect(page.getByRole('list', { name: 'Statement' })).toContainText('$3.50');
  await shot(page, 'vendors-statement');

  // More than is owed is refused; then the whole of it by bank transfer.
  await page.getByLabel('Pay out', { exact: true }).fill('5.00');
  await page.getByLabel('How', { exact: true }).selectOption({ label: 'Bank transfer' });
  await page.getByLabel('Reference or address').fill('TRX-0001');
  await page.getByRole('button', { name: 'Pay out' }).click();
  await expect(page.getByText('The payout was not made')).toBeVisible();
  await expect(page.getByTestId('vendor-owed')).toHaveText('$3.50');
  await page.getByLabel('Pay out', { exact: true }).fill('3.50');
  await page.getByRole('button', { name: 'Pay out' }).click();
  await expect(page.getByTestId('vendor-owed')).toHaveText('$0.00');
  await expect(page.getByRole('list', { name: 'Statement' }).getByRole('listitem')).toHaveCount(2);
});
