/**
 * A cashier's whole day, in Chromium against the real host: log in by PIN, open a shift, sell three
 * items with a discount, pay cash with change, save the receipt as a PDF, refund one line with a
 * manager's PIN, close the shift with the count, and read a Z report that balances to the cent.
 *
 * The expected figures are worked out by hand from the demo store (tax 8.875% added, rounded per
 * line, half-up):
 *   Espresso 3.25 + Croissant 3.75 + Mug 14.00 = 21.00; 10% order discount = 2.10, shared by net
 *   (0.33 / 0.37 / 1.40; the tied half-cent goes to the first line) → nets 2.92 / 3.38 / 12.60;
 *   tax 0.26 / 0.30 / 1.12 = 1.68; total 18.90 + 1.68 = 20.58; paid with 50.00 → change 29.42.
 *   Refund of the croissant: 3.38 + 0.30 = 3.68.
 *   Drawer: float 100.00 + 20.58 − 3.68 = 116.90.
 */
import fs from 'node:fs';
import { addProduct, approveAs, demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

test('a cashier sells, refunds with a manager PIN, and closes a balanced shift', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await shot(page, 'shift-open');

  // Ring up three items and a 10% order discount (within a cashier's limit).
  await goTo(page, 'Checkout');
  for (const product of ['Espresso', 'Croissant', 'Mug']) await addProduct(page, product);
  await expect(page.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Discount', exact: true }).click();
  const discountDialog = page.getByRole('dialog', { name: 'Order discount' });
  await discountDialog.getByRole('radio', { name: 'Percent' }).check();
  await discountDialog.getByLabel('Discount', { exact: true }).fill('10');
  await discountDialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('cart-total')).toHaveText('$20.58');
  await shot(page, 'checkout-cart');

  // Pay cash: 50.00 for 20.58.
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('50');
  await shot(page, 'checkout-cash');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByTestId('change-due')).toHaveText('$29.42');
  await shot(page, 'checkout-paid');

  // The receipt as a PDF.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^receipt-\d+\.pdf$/);
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.getByRole('button', { name: 'New sale' }).click();

  // Refund the croissant: a cashier needs a manager's PIN.
  await goTo(page, 'Orders');
  await page
    .getByRole('button', { name: /\$20\.58/ })
    .first()
    .click();
  await shot(page, 'orders-detail');
  await page.getByRole('button', { name: 'Refund' }).click();
  const refundDialog = page.getByRole('dialog', { name: /refund/i });
  await refundDialog.getByRole('button', { name: 'Refund one more Croissant' }).click();
  await refundDialog.getByRole('textbox', { name: 'Reason' }).fill('Dropped on the floor');
  await refundDialog.getByRole('button', { name: 'Refund', exact: true }).click();
  await approveAs(page, demoStaff.manager);
  await expect(page.getByText(/partially refunded/i).first()).toBeVisible();
  await expect(page.getByText('$3.68').first()).toBeVisible();
  await shot(page, 'orders-refunded');

  // Close the shift: count exactly what the drawer should hold, 116.90.
  await goTo(page, 'Shift');
  await expect(page.getByTestId('x-expected')).toHaveText('$116.90');
  await page.getByRole('button', { name: 'Close shift' }).click();
  const counts: [string, string][] = [
    ['Count of $100 bills', '1'],
    ['Count of $10 bills', '1'],
    ['Count of $5 bills', '1'],
    ['Count of $1 bills', '1'],
    ['Count of $0.25 coins', '3'],
    ['Count of $0.10 coins', '1'],
    ['Count of $0.05 coins', '1'],
  ];
  for (const [label, count] of counts) await page.getByLabel(label, { exact: true }).fill(count);
  await expect(page.getByTestId('count-total')).toHaveText('$116.90');
  await shot(page, 'shift-count');
  await page.getByRole('button', { name: 'Close shift' }).click();

  const report = page.getByTestId('z-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('z-expected')).toHaveText('$116.90');
  await expect(report.getByTestId('z-counted')).toHaveText('$116.90');
  await expect(report.getByTestId('z-difference')).toHaveText('$0.00');
  await expect(report.getByTestId('z-cash-sales')).toHaveText('$20.58');
  await expect(report.getByTestId('z-gross-sales')).toHaveText('$21.00');
  await shot(page, 'shift-z-report');
});
