/**
 * Issue 8, findings 7 and 8: toasts only for what has no field, de-duplicated and never over the
 * actions; errors beside their fields; Esc closes the Cash step even after keypad taps took focus.
 */
import { type Locator } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [ra, rb] = [await a.boundingBox(), await b.boundingBox()];
  if (!ra || !rb) return false;
  return (
    ra.x < rb.x + rb.width && rb.x < ra.x + ra.width && ra.y < rb.y + rb.height && rb.y < ra.y + ra.height
  );
}

test('the same notice twice is one toast, counted, and it never covers Pay', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  // F9 opens Staff, which a cashier may not use: a notice with no field, twice.
  await page.keyboard.press('F9');
  await page.keyboard.press('F9');
  const toasts = page.getByRole('region', { name: 'Notifications' }).locator('li');
  await expect(toasts).toHaveCount(1);
  await expect(toasts.first()).toContainText('×2');
  const pay = page.getByRole('button', { name: 'Pay', exact: true });
  expect(await overlaps(toasts.first(), pay)).toBe(false);
  await shot(page, 'toasts-deduplicated');
});

test('a refused setting shows beside its field and raises no toast', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Settings');
  const tips = page.getByRole('textbox', { name: 'Tip choices (%)' });
  await tips.fill('15, 15');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(tips).toHaveAttribute('aria-invalid', 'true');
  await page
    .getByRole('button', { name: 'Save changes' })
    .click()
    .catch(() => undefined);
  await expect(page.getByRole('region', { name: 'Notifications' }).locator('li')).toHaveCount(0);
});

test('Esc closes the Cash step after keypad taps', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  const cash = page.getByRole('dialog', { name: 'Cash' });
  const keypad = cash.getByRole('group', { name: 'Cash tendered keypad' });
  await keypad.getByRole('button', { name: '5', exact: true }).click();
  await keypad.getByRole('button', { name: 'Backspace' }).click();
  await page.evaluate(() =>
    (
      globalThis as unknown as { document: { activeElement: { blur(): void } } }
    ).document.activeElement.blur(),
  );
  await page.keyboard.press('Escape');
  await expect(cash).toBeHidden();
});
