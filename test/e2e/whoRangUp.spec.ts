/**
 * Issue 8, finding 6: the right person credited. Casey empties a sale and leaves it open in shift
 * 1; in shift 2 Olivia rings up a sale on the same till and takes the payment: Orders lists it
 * under Olivia, at its own time, rung up and taken by her. A sale with lines carried into the next
 * shift says so.
 */
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, logOut, openShiftWithFloat, payCash } from './helpers';
import { expect, shot, test } from './fixtures';

async function closeShift(page: Page): Promise<void> {
  await goTo(page, 'Shift');
  await page.getByRole('button', { name: 'Close shift' }).click();
  await page.getByRole('button', { name: 'Close shift' }).click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible().catch(() => false)) {
    await confirm.getByRole('button').filter({ hasText: /close/i }).last().click();
  }
  await expect(page.getByText(/closed .* by /)).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
}

test('an emptied sale left open is not credited to its first cashier in the next shift', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Edit Espresso' }).click();
  await page.getByRole('button', { name: 'Remove item' }).click();
  await expect(page.getByRole('list', { name: 'Items in the sale' })).toHaveCount(0);
  await logOut(page);

  await loginByPin(page, demoStaff.owner);
  await closeShift(page);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Croissant\b/ })
    .first()
    .click();
  await expect(page.getByRole('list', { name: 'Notices' })).toHaveCount(0);
  await payCash(page, '20');

  await goTo(page, 'Orders');
  const first = page.getByRole('list', { name: 'Orders' }).getByRole('listitem').first();
  await expect(first.locator('.order-row__staff')).toHaveText('Olivia Owner');
  await first.locator('.order-row__main').click();
  const detail = page.locator('.order-detail');
  await expect(detail.locator('.order-detail__sub')).toContainText('rung up by Olivia Owner');
  await expect(detail).toContainText('taken by Olivia Owner');
  await shot(page, 'orders-who-rang-up');
});

test('a sale with lines carried into the next shift says so', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await logOut(page);

  await loginByPin(page, demoStaff.manager);
  await closeShift(page);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await expect(page.getByRole('list', { name: 'Notices' })).toContainText(
    'This sale was started by Casey Cashier in an earlier shift and carried over.',
  );
  await payCash(page, '20');
  await goTo(page, 'Orders');
  const first = page.getByRole('list', { name: 'Orders' }).getByRole('listitem').first();
  await expect(first.locator('.order-row__staff')).toHaveText('Casey Cashier · carried over');
  await first.locator('.order-row__main').click();
  await expect(page.locator('.order-detail')).toContainText('taken by Marco Manager');
});
