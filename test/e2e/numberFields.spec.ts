/**
 * Issue 8, finding 2: number fields keep what was typed and say beside the field why they cannot
 * read it — quantity "1.5" and "-3", a float count "abc-3.5", an order discount "1e5", a 150% line
 * discount, letters in Pay out — instead of rewriting it (15, 3, 35) or sending it to the core to be
 * refused in a toast.
 */
import { type Locator, type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

/** The sentence a field points to with aria-describedby (its error, else its hint). */
async function fieldError(page: Page, field: Locator): Promise<string> {
  const id = await field.getAttribute('aria-describedby');
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
}

test('the float count keeps "abc-3.5" and says it is not a count', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await goTo(page, 'Shift');
  const twenties = page.getByRole('textbox', { name: /\$20 bills/ });
  await twenties.pressSequentially('abc-3.5');
  await expect(twenties).toHaveValue('abc-3.5');
  await expect(twenties).toHaveAttribute('aria-invalid', 'true');
  expect(await fieldError(page, twenties)).toMatch(/whole number of bills/);
  await expect(page.getByRole('button', { name: 'Open shift' })).toBeDisabled();
  await twenties.fill('3');
  await expect(twenties).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Open shift' })).toBeEnabled();
});

test('quantity, line and order discounts keep what was typed and explain beside the field', async ({
  page,
  host,
}) => {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/orders\.(updateLine|setDiscount)$/.test(request.url())) sent.push(request.url());
  });
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Edit Espresso' }).click();
  const editor = page.getByRole('dialog', { name: 'Espresso' });
  const quantity = editor.getByRole('textbox', { name: 'Quantity' });

  for (const typed of ['1.5', '-3']) {
    await quantity.fill('');
    await quantity.pressSequentially(typed);
    await expect(quantity).toHaveValue(typed);
    await expect(quantity).toHaveAttribute('aria-invalid', 'true');
    expect(await fieldError(page, quantity)).toMatch(/whole number from 1 to 100,000/);
    await expect(editor.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  }
  await quantity.fill('2');
  await expect(quantity).not.toHaveAttribute('aria-invalid', 'true');

  const discount = editor.getByRole('textbox', { name: 'Line discount' });
  await discount.pressSequentially('150');
  await expect(discount).toHaveValue('150');
  expect(await fieldError(page, discount)).toBe('A percent must be between 0 and 100.');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notifications' }).locator('li')).toHaveCount(0);
  await shot(page, 'number-fields-line-discount');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Discount', exact: true }).click();
  const orderDiscount = page.getByRole('dialog', { name: 'Order discount' });
  const percent = orderDiscount.getByRole('textbox', { name: 'Discount' });
  await percent.pressSequentially('1e5');
  await expect(percent).toHaveValue('1e5');
  await expect(percent).toHaveAttribute('aria-invalid', 'true');
  expect(await fieldError(page, percent)).toMatch(/^A percent must be a percentage like/);
  expect(sent).toEqual([]);
});

test('Pay out says at once that letters are not an amount', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.manager);
  await openShiftWithFloat(page, '100.00');
  await page.getByRole('button', { name: 'Pay out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pay out' });
  const amount = dialog.getByRole('textbox', { name: 'Amount' });
  await amount.pressSequentially('12abc');
  await expect(amount).toHaveValue('12abc');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  expect(await fieldError(page, amount)).toMatch(/not a valid USD amount/);
});
