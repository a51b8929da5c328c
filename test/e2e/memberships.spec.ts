/**
 * Memberships end to end, in Chromium against the real host (demo store, discount limit 10 %): the
 * owner adds a Gold tier (25 % off, one month, $15.00 or 100 coins) in Customers › Memberships; a
 * customer buys 100 coins and pays Gold with them; at the checkout a cashier applies the member
 * discount, which is over the limit, so a manager approves it in the approval dialog; the cart is
 * discounted. The tier editor refuses a bad period with the core's words.
 */
import { type Locator } from '@playwright/test';
import { approveAs, demoStaff, goTo, logOut, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

async function findCustomer(scope: Locator, name: string): Promise<void> {
  await scope.getByLabel('Find a customer').fill(name.split(' ')[0] ?? name);
  await scope
    .getByRole('list', { name: 'Customers found' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
}

test('a tier made in the editor, paid with coins, and its discount approved at the checkout', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await openShiftWithFloat(page, '100.00');

  // The owner adds the Gold tier.
  await goTo(page, 'Customers');
  await page.getByRole('radio', { name: 'Memberships' }).click();
  const tiers = page.getByRole('list', { name: 'Membership tiers' });
  await expect(tiers.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Add a tier' }).click();
  const gold = tiers.getByRole('listitem').last();
  await gold.getByLabel('Name').fill('Gold');
  await gold.getByLabel('Discount %').fill('25');
  await gold.getByLabel('Period (months)').fill('0');
  await gold.getByLabel('Price', { exact: true }).fill('15.00');
  await gold.getByLabel('Price in coins').fill('100');
  await gold.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/whole number of months/)).toBeVisible();
  await gold.getByLabel('Period (months)').fill('1');
  await gold.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Gold saved.')).toBeVisible();
  await expect(tiers.getByRole('listitem', { name: 'Gold' })).toBeVisible();
  await shot(page, 'memberships-tiers');

  // Ada buys 100 coins and pays Gold with them.
  await page.getByRole('radio', { name: 'Customers' }).click();
  await page.getByRole('button', { name: 'New customer' }).click();
  const form = page.getByRole('form', { name: 'New customer' });
  await form.getByLabel('Name').fill('Ada Lovelace');
  await form.getByLabel('Phone').fill('555 0101');
  await form.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  await page.getByRole('button', { name: 'Top up coins' }).click();
  await page
    .getByRole('list', { name: 'Coin packages' })
    .getByRole('button', { name: /^Starter: 100 coins/ })
    .click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('1');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(page.getByTestId('coin-balance')).toHaveText('100 coins');
  const membership = page.getByTestId('membership');
  await membership.getByLabel('Tier').selectOption({ label: 'Gold · 100 coins' });
  await membership.getByRole('button', { name: 'Pay with coins' }).click();
  await expect(membership).toContainText('Gold · 25% off · valid until');
  await logOut(page);

  // A cashier sells Ada an espresso with her member discount: over the 10 % limit, a manager approves.
  await loginByPin(page, demoStaff.cashier);
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await expect(page.getByTestId('cart-total')).toHaveText('$3.54');
  const cartCustomer = page.getByTestId('cart-customer');
  await cartCustomer.getByRole('button', { name: 'Add customer' }).click();
  await findCustomer(page.getByRole('dialog', { name: 'Customer of this sale' }), 'Ada Lovelace');
  await cartCustomer.getByRole('button', { name: 'Gold 25% discount' }).click();
  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await expect(approval).toContainText('Gold 25%');
  await shot(page, 'memberships-discount-approval');
  await approveAs(page, demoStaff.manager);
  await expect(page.getByText('Member discount of 25% applied.')).toBeVisible();
  // 3.25 − 25 % (0.81) = 2.44, + 8.875 % tax (0.22) = 2.66.
  await expect(page.getByTestId('cart-total')).toHaveText('$2.66');
});
