/**
 * Issue 8, finding 3: managers see what they approve, and dialogs keep their buttons in view. At
 * 1024×768 the refund dialog of a sale with many lines shows its total before confirming with its
 * buttons on screen; the approval shows the order, the refund's amount and who asks; a void's
 * approval shows the order's total.
 */
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

const products = [
  'Espresso',
  'Croissant',
  'Everything Bagel',
  'Blueberry Muffin',
  'Chocolate Chip Cookie',
  'Granola Bar',
  'Mug',
];

async function sellMany(page: Page): Promise<string> {
  await goTo(page, 'Checkout');
  for (const product of products) {
    await page
      .getByRole('button', { name: new RegExp(`^${product}\\b`) })
      .first()
      .click();
  }
  const total = (await page.getByTestId('cart-total').textContent()) ?? '';
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('100');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByRole('dialog', { name: 'Paid' })).toBeVisible();
  await page.keyboard.press('Escape');
  return total;
}

test('the refund shows its total before confirming, in view, and the approval shows what is refunded', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await sellMany(page);

  await goTo(page, 'Orders');
  await page.locator('.order-row__main').first().click();
  await page.getByRole('button', { name: 'Refund' }).click();
  const dialog = page.getByRole('dialog', { name: /^Refund sale/ });
  await dialog.getByRole('button', { name: 'Refund one more Croissant' }).click();
  await dialog.getByRole('button', { name: 'Refund one more Mug' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Returned item');
  // Croissant 3.75 + tax 0.33 = 4.08; Mug 14.00 + tax 1.24 = 15.24; together 19.32.
  await expect(dialog.getByTestId('refund-total')).toHaveText('$19.32');
  const confirm = dialog.getByRole('button', { name: 'Refund', exact: true });
  await expect(confirm).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 });
  await shot(page, 'refund-total-1024x768');
  await confirm.click();

  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  const facts = approval.getByTestId('approval-facts');
  await expect(facts).toContainText(/Order\s*Sale #1001/);
  await expect(facts).toContainText(/Refund\s*\$19\.32/);
  await expect(facts).toContainText(/Asked by\s*Casey Cashier/);
  await shot(page, 'approval-refund');
});

test('a void asks approval with the order and its total', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await page
    .getByRole('button', { name: /^Croissant\b/ })
    .first()
    .click();
  await expect(page.getByTestId('cart-total')).toHaveText('$7.62');
  await page.getByRole('button', { name: 'Void', exact: true }).click();
  const voidDialog = page.getByRole('dialog', { name: /^Void sale/ });
  await voidDialog.getByRole('button', { name: 'Wrong items rung up' }).click();
  await voidDialog.getByRole('button', { name: 'Void sale' }).click();
  const facts = page.getByRole('dialog', { name: 'Manager approval' }).getByTestId('approval-facts');
  await expect(facts).toContainText(/Order\s*Sale #1001/);
  await expect(facts).toContainText(/Total\s*\$7\.62/);
  await expect(facts).toContainText(/Asked by\s*Casey Cashier/);
});
