/**
 * Store coins end to end, in Chromium against the real host (demo store, tax 8.875% added): create
 * two customers, buy the Reader pack (500 + 25 bonus coins, $4.99) for one by cash, pay a sale partly
 * with coins ($2.00 = 200 coins at the default coin value of 1¢) and the rest in cash, gift 25 coins
 * to the other with a message, see both balances, refund the sale and see the coins come back.
 *
 *   Espresso 3.25 + tax 0.29 = 3.54: 2.00 in coins, 1.54 in cash. Balances: 525 → 325 → 300 (gift)
 *   → 500 after the refund (cash goes back first, then the 200 coins); the friend has 25.
 */
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

async function addCustomer(page: Page, name: string, phone: string): Promise<void> {
  await page.getByRole('button', { name: 'New customer' }).click();
  const form = page.getByRole('form', { name: 'New customer' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Phone').fill(phone);
  await form.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function openCustomer(page: Page, name: string): Promise<void> {
  await goTo(page, 'Customers');
  await page.getByLabel('Find a customer').fill(name.split(' ')[0] ?? name);
  await page
    .getByRole('list', { name: 'Customers found' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('a customer buys coins, pays partly with them, gifts some, and gets them back on a refund', async ({
  page,
  host,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.manager);
  await openShiftWithFloat(page, '100.00');

  // Two customers.
  await goTo(page, 'Customers');
  await addCustomer(page, 'Ada Lovelace', '555 0101');
  await addCustomer(page, 'Grace Hopper', '555 0202');

  // Ada buys the Reader pack by cash.
  await openCustomer(page, 'Ada Lovelace');
  await expect(page.getByTestId('coin-balance')).toHaveText('0 coins');
  await page.getByRole('button', { name: 'Top up coins' }).click();
  const grid = page.getByRole('list', { name: 'Coin packages' });
  await expect(grid.getByRole('button')).toHaveCount(5);
  await shot(page, 'coins-topup-grid');
  await grid.getByRole('button', { name: /^Reader: 525 coins/ }).click();
  await expect(page.getByTestId('amount-due')).toHaveText('$4.99');
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('5');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByTestId('change-due')).toHaveText('$0.01');
  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(page.getByTestId('coin-balance')).toHaveText('525 coins');

  // A sale paid with 200 coins and the rest in cash.
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await expect(page.getByTestId('cart-total')).toHaveText('$3.54');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: 'Store coins' }).click();
  await page.getByLabel('Find a customer').fill('Ada');
  await page
    .getByRole('list', { name: 'Customers found' })
    .getByRole('button', { name: /Ada Lovelace/ })
    .click();
  await expect(page.getByTestId('coins-balance')).toContainText('525 coins');
  await page.getByLabel('Or pay this much with coins').fill('2.00');
  await shot(page, 'coins-tender');
  await page.getByRole('button', { name: 'Pay part with coins' }).click();
  await expect(page.getByTestId('amount-due')).toHaveText('$1.54');
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('2');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByTestId('change-due')).toHaveText('$0.46');
  await page.getByRole('button', { name: 'New sale' }).click();

  // Ada gives Grace 25 coins with a message.
  await openCustomer(page, 'Ada Lovelace');
  await expect(page.getByTestId('coin-balance')).toHaveText('325 coins');
  await page.getByRole('button', { name: 'Give coins' }).click();
  const gift = page.getByRole('dialog', { name: 'Give coins' });
  await gift.getByLabel('Find a customer').fill('Grace');
  await gift
    .getByRole('list', { name: 'Customers found' })
    .getByRole('button', { name: /Grace Hopper/ })
    .click();
  await gift.getByLabel('Coins').fill('25');
  await gift.getByLabel('Message').fill('Thanks for the bug!');
  await gift.getByRole('button', { name: 'Give coins' }).click();
  await expect(gift).toBeHidden();
  await expect(page.getByTestId('coin-balance')).toHaveText('300 coins');
  await openCustomer(page, 'Grace Hopper');
  await expect(page.getByTestId('coin-balance')).toHaveText('25 coins');
  await expect(page.getByRole('list', { name: 'Coin history' })).toContainText('Thanks for the bug!');
  await shot(page, 'coins-gift-received');

  // Refund the sale: the cash and the coins go back.
  await goTo(page, 'Orders');
  await page
    .getByRole('button', { name: /\$3\.54/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Refund' }).click();
  const refund = page.getByRole('dialog', { name: /refund/i });
  // The dialog starts with every item left picked: the whole sale.
  await expect(refund.getByText('1 item picked')).toBeVisible();
  await refund.getByRole('textbox', { name: 'Reason' }).fill('Wrong order');
  await refund.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(page.getByText(/refunded/i).first()).toBeVisible();

  await openCustomer(page, 'Ada Lovelace');
  await expect(page.getByTestId('coin-balance')).toHaveText('500 coins');
  await expect(page.getByRole('list', { name: 'Coin history' })).toContainText('Refund of a coin payment');
  await shot(page, 'coins-refunded');
  // The done step's receipt preview is a sandboxed srcdoc frame without scripts: Chromium says so.
  expect(
    consoleErrors.filter((e) => !e.includes("about:srcdoc' because the document's frame is sandboxed")),
  ).toEqual([]);
});

test('foreign cash at a manager-set rate pays a sale, with change in the store currency', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  await page.getByLabel('Currency', { exact: true }).fill('EUR');
  await page.getByLabel(/^Rate/).fill('1.0850');
  await page.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByRole('list', { name: 'Foreign currencies' })).toContainText('1 EUR = 1.0850 USD');
  await openShiftWithFloat(page, '100.00');

  // Espresso 3.25 + tax 0.29 = 3.54; €5.00 at 1.0850 = $5.425, credited $5.43 (rounded up): change $1.89.
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: 'Foreign cash' }).click();
  await page.getByLabel('Notes handed over (EUR)').fill('5.00');
  await shot(page, 'fx-cash');
  await page.getByRole('button', { name: 'Take foreign cash' }).click();
  await expect(page.getByTestId('change-due')).toHaveText('$1.89');
});

test('coins bought inside a sale, and the cart’s balance follows each payment', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.manager);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Customers');
  await addCustomer(page, 'Ada Lovelace', '555 0101');

  // An espresso and, in the same sale, the Reader pack for Ada: 3.54 + 4.99 = 8.53.
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  const cartCustomer = page.getByTestId('cart-customer');
  await cartCustomer.getByRole('button', { name: 'Add customer' }).click();
  const picker = page.getByRole('dialog', { name: 'Customer of this sale' });
  await picker.getByLabel('Find a customer').fill('Ada');
  await picker
    .getByRole('list', { name: 'Customers found' })
    .getByRole('button', { name: /Ada Lovelace/ })
    .click();
  await expect(page.getByTestId('cart-coin-balance')).toHaveText('0 coins');
  await cartCustomer.getByRole('button', { name: 'Add coins' }).click();
  const grid = page
    .getByRole('dialog', { name: 'Add coins to this sale' })
    .getByRole('list', { name: 'Coin packages' });
  await grid.getByRole('button', { name: /^Reader: 525 coins/ }).click();
  await expect(page.getByTestId('cart-total')).toHaveText('$8.53');
  await shot(page, 'coins-topup-in-sale');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('10');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByTestId('change-due')).toHaveText('$1.47');
  await page.getByRole('button', { name: 'New sale' }).click();

  // The next sale for Ada: 200 coins pay part of it, and the cart shows what is left at once.
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await cartCustomer.getByRole('button', { name: 'Add customer' }).click();
  await picker.getByLabel('Find a customer').fill('Ada');
  await picker
    .getByRole('list', { name: 'Customers found' })
    .getByRole('button', { name: /Ada Lovelace/ })
    .click();
  await expect(page.getByTestId('cart-coin-balance')).toHaveText('525 coins');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: 'Store coins' }).click();
  await expect(page.getByTestId('coins-balance')).toContainText('525 coins');
  await page.getByLabel('Or pay this much with coins').fill('2.00');
  await page.getByRole('button', { name: 'Pay part with coins' }).click();
  await expect(page.getByTestId('amount-due')).toHaveText('$1.54');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Take payment' })).toBeHidden();
  await expect(page.getByTestId('cart-coin-balance')).toHaveText('325 coins');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('2');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByTestId('change-due')).toHaveText('$0.46');
});
